// The cases module's public surface: the support queue (filters, saved views, bulk changes), search, the
// new-case dialog and the case page's parts (actions, conversation, timeline, SLA clocks, watchers).
export { casesKeys } from './api/cases-keys.ts';
export type { Case, CaseFilter, CaseView, SlaClock } from './api/cases-types.ts';
export { BulkActionBar } from './components/bulk-action-bar.tsx';
export { AttachmentsPanel } from './components/attachments-panel.tsx';
export { CaseActions } from './components/case-actions.tsx';
export { CaseStatusBadge, PriorityBadge } from './components/case-badges.tsx';
export { CaseFilters } from './components/case-filters.tsx';
export { CaseSearchBox } from './components/case-search-box.tsx';
export { CaseSearchPanel } from './components/case-search-panel.tsx';
export { CaseSummary } from './components/case-summary.tsx';
export { CaseTable } from './components/case-table.tsx';
export { CaseTimeline } from './components/case-timeline.tsx';
export { Conversation } from './components/conversation.tsx';
export { EscalationsPanel } from './components/escalations-panel.tsx';
export { LinksPanel } from './components/links-panel.tsx';
export { MergedNotice } from './components/merged-notice.tsx';
export { NewCaseModal } from './components/new-case-modal.tsx';
export { SavedViewsBar } from './components/saved-views-bar.tsx';
export { SlaPanel } from './components/sla-panel.tsx';
export { WatchersPanel } from './components/watchers-panel.tsx';
export { WorkSummary } from './components/work-summary.tsx';
export { useCase, useCases } from './hooks/use-cases.ts';
export { canWorkCases } from './permissions.ts';
export { priorityFor } from './priority.ts';
export {
  defaultCaseView,
  readQueueSearch,
  toCaseFilter,
  writeQueueSearch,
  type QueueFilter,
} from './queue-filter.ts';
