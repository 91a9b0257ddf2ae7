/**
 * Contracts: what was promised to each customer, as immutable versions (amendments, renewals) with
 * readable diffs, the SLA terms each version carries, attached documents, change requests with
 * four-eyes approval, and the calendar's effect (renewal reminders, expiry, automatic renewal). The
 * rules about terms themselves are the pure `contract-terms` module.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { FileStore } from '../../platform/files/index.ts';
import { createChangeRequests } from './change-requests.ts';
import { createContractDocuments } from './contract-documents.ts';
import { createContractsService } from './contracts.service.ts';
import { createLifecycleJob, createLifecycleScan } from './lifecycle-scan.ts';
import type { Notify } from './notify.ts';

export { contractsRoutes } from './contracts.routes.ts';
export { contractsTimelineSource } from './timeline-source.ts';
export type { ContractsService, ContractView, NewContract, NewVersion } from './contracts.service.ts';
export type { LifecycleScanResult } from './lifecycle-scan.ts';
export type { Notify } from './notify.ts';
export type { ContractTables } from './contracts.repository.ts';
export { termsInForce, type TermsInForce } from './terms-in-force.ts';
export type ContractDocuments = ReturnType<typeof createContractDocuments>;
export type ChangeRequests = ReturnType<typeof createChangeRequests>;

/** The contracts module's parts, wired to one another. */
export function createContractsModule(deps: {
  db: Db;
  clock: Clock;
  files: FileStore;
  notify: Notify;
  onChanged?: Parameters<typeof createContractsService>[0]['onChanged'];
}) {
  const contracts = createContractsService(deps);
  const runLifecycleScan = createLifecycleScan({ ...deps, contracts });
  return {
    contracts,
    documents: createContractDocuments({ ...deps, contracts }),
    changeRequests: createChangeRequests({ ...deps, contracts }),
    runLifecycleScan,
    lifecycleJob: createLifecycleJob(runLifecycleScan),
  };
}
export type ContractsModule = ReturnType<typeof createContractsModule>;
