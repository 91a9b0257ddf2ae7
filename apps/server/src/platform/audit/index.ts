export { recordAudit, type AuditActor, type AuditEntry } from './record-audit.ts';
export { describeChanges } from './describe-changes.ts';
export { verifyAuditChain, type AuditVerification } from './verify-audit-chain.ts';
export { auditRoutes } from './audit.routes.ts';
