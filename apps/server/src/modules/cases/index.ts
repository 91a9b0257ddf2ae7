/**
 * Cases: the support desk's daily work — a case's state, its event history (the timeline, and what
 * SLA clocks replay), the conversation (replies and internal notes) and watchers. Status moves and
 * priority follow `case-rules`.
 */
export {
  createCasesService,
  type CaseListener,
  type CasesService,
  type HistoryOptions,
  type NewCase,
} from './cases.service.ts';
export { casesRoutes } from './cases.routes.ts';
export { formatCaseNumber, parseCaseNumber, priorityFor } from './case-rules.ts';
export type { CaseEventRow, CaseTables } from './cases.repository.ts';
export { appendSystemEvent } from './system-events.ts';
