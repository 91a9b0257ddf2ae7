import { can, type RequestContext } from '../../platform/auth/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './macros.repository.ts';

/**
 * Who shares staff tools (macros, saved views) and who manages them, the same rule for both: one
 * shares with a team one is a member of (administrators with any team); the author changes and
 * deletes, administrators also anything shared.
 */
export async function checkTeamSharing(
  executor: Executor,
  ctx: RequestContext,
  teamId: string,
  path: string,
) {
  if (!(await repo.teamExists(executor, teamId)))
    throw new AppError('VALIDATION_FAILED', `${path.replace(/^body\//, '')} is not a team`, {
      errors: [{ path, message: 'is not a team' }],
    });
  if (!can(ctx.actor, 'teams:manage') && !(await repo.isTeamMember(executor, teamId, ctx.actor.userId)))
    throw new AppError('AUTH_FORBIDDEN', 'You share only with teams you are a member of');
}

export function mayManage(ctx: RequestContext, item: { ownerId: string; shared: boolean }) {
  return item.ownerId === ctx.actor.userId || (item.shared && can(ctx.actor, 'teams:manage'));
}
