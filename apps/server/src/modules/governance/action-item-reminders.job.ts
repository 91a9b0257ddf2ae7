import type { Clock } from '../../platform/clock.ts';
import { defineJob } from '../../platform/jobs/index.ts';
import { createNotificationsService } from '../notifications/index.ts';
import { createGovernanceService } from './governance.service.ts';

/**
 * Reminds owners of action items due soon or overdue. Runs hourly so a reminder goes out soon
 * after midnight in every account's time zone; each reminder is sent once however often it runs.
 */
export function createActionItemRemindersJob(clock: Clock) {
  return defineJob<Record<string, never>>('governance-action-item-reminders', async (_payload, ctx) => {
    const notifications = createNotificationsService({ db: ctx.db, clock });
    const governance = createGovernanceService({ db: ctx.db, clock, notifications });
    const { sent } = await governance.sendActionItemReminders();
    ctx.logger.info({ sent }, 'sent action item reminders');
  });
}
