import type { Clock } from '../../platform/clock.ts';
import { defineJob } from '../../platform/jobs/index.ts';
import * as repo from './identity.repository.ts';

/**
 * Deletes sessions past their expiry and reset tokens that expired or were used over a day ago.
 * API tokens stay: expired and revoked ones remain listed for their owner, as a record.
 */
export function createIdentityPurgeJob(clock: Clock) {
  return defineJob<Record<string, never>>('identity-purge-expired', async (_payload, ctx) => {
    const now = clock.now();
    const sessions = await repo.deleteExpiredSessions(ctx.db, now);
    const resets = await repo.deleteSpentPasswordResets(ctx.db, new Date(now.getTime() - 86_400_000));
    ctx.logger.info(
      { sessions: Number(sessions.numDeletedRows), passwordResets: Number(resets.numDeletedRows) },
      'purged expired sign-in records',
    );
  });
}
