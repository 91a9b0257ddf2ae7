export {
  createGovernanceService,
  type GovernanceDeps,
  type GovernanceService,
  type NewActionItem,
  type NewDecision,
  type NewReview,
} from './governance.service.ts';
export type { TimelineEntry, TimelineSource } from './timeline.ts';
export { governanceRoutes } from './governance.routes.ts';
export { createActionItemRemindersJob } from './action-item-reminders.job.ts';
