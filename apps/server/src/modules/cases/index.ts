/**
 * Cases: the support desk's daily work — a case's state, its event history (the timeline, and what
 * SLA clocks replay), the conversation (replies and internal notes) and watchers. Status moves and
 * priority follow `case-rules`.
 */
export {
  createCasesService,
  CaseVersionConflict,
  type CaseChangesInput,
  type CaseListener,
  type CaseRouter,
  type CaseView,
  type ChangeOptions,
  type CasesService,
  type HistoryOptions,
  type NewCase,
} from './cases.service.ts';
export { casesRoutes } from './cases.routes.ts';
export {
  CaseConflictSchema,
  CaseListQuery,
  CaseSchema,
  IfMatchHeaders,
  MessageSchema,
} from './cases.schemas.ts';
export { allowedStatuses, formatCaseNumber, parseCaseNumber, priorityFor } from './case-rules.ts';
export type { CaseEventRow, CaseTables, HistoryRow } from './cases.repository.ts';
export { appendSystemEvent } from './system-events.ts';
export { createCaseAttachments, type CaseAttachments } from './attachments.ts';
export { caseAttachmentsRoutes } from './attachments.routes.ts';
export { createMentionNotifier } from './mentions.ts';
export type { AddedMessage, MessageListener } from './cases.service.ts';
