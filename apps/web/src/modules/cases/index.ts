// The cases module's public surface: the support queue, the new-case dialog and the case page's parts
// (actions, conversation, timeline, SLA clocks, watchers).
export { casesKeys } from './api/cases-keys.ts';
export type { Case, CaseFilter, CaseView, SlaClock } from './api/cases-types.ts';
export { CaseActions } from './components/case-actions.tsx';
export { CaseStatusBadge, PriorityBadge } from './components/case-badges.tsx';
export { CaseFilters, emptyCaseFilter, type CaseFilterValues } from './components/case-filters.tsx';
export { CaseSummary } from './components/case-summary.tsx';
export { CaseTable } from './components/case-table.tsx';
export { CaseTimeline } from './components/case-timeline.tsx';
export { Conversation } from './components/conversation.tsx';
export { NewCaseModal } from './components/new-case-modal.tsx';
export { SlaPanel } from './components/sla-panel.tsx';
export { WatchersPanel } from './components/watchers-panel.tsx';
export { useCase, useCases } from './hooks/use-cases.ts';
export { canWorkCases } from './permissions.ts';
export { priorityFor } from './priority.ts';
