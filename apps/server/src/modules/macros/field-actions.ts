import type { Static } from 'typebox';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { CaseChangesInput, CaseView } from '../cases/index.ts';
import * as repo from './macros.repository.ts';
import type { FieldActions, macroSharings } from './macros.schemas.ts';

export type FieldActionsInput = Static<typeof FieldActions>;
export type MacroSharing = (typeof macroSharings)[number];

type Problem = { path: string; message: string };

/**
 * Checks field actions when they are given (a macro saved, a bulk action asked for), so a mistake is
 * refused then and not found case by case: a priority needs its reason, a tag is not both added and
 * removed, the team exists and the assignee is active staff. Status moves depend on each case's
 * status and are checked when applied.
 */
export async function checkFieldActions(executor: Executor, actions: FieldActionsInput, path: string) {
  const problems: Problem[] = [];
  if (actions.priority !== undefined && actions.priorityReason === undefined)
    problems.push({ path: `${path}/priorityReason`, message: `required to set ${actions.priority}` });
  if (actions.priority === undefined && actions.priorityReason !== undefined)
    problems.push({ path: `${path}/priorityReason`, message: 'only goes with a priority' });
  const removed = new Set(normaliseTags(actions.removeTags ?? []));
  const both = normaliseTags(actions.addTags ?? []).filter((tag) => removed.has(tag));
  if (both.length > 0)
    problems.push({ path: `${path}/removeTags`, message: `also added: ${both.join(', ')}` });
  if (actions.teamId && !(await repo.teamExists(executor, actions.teamId)))
    problems.push({ path: `${path}/teamId`, message: 'is not a team' });
  if (
    actions.assigneeId &&
    actions.assigneeId !== 'me' &&
    !(await repo.isActiveStaff(executor, actions.assigneeId))
  )
    problems.push({ path: `${path}/assigneeId`, message: 'is not an active staff member' });
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `${problems[0]!.path.replace(/^body\//, '')} ${problems[0]!.message}`,
      { errors: problems },
    );
}

/**
 * The changes the actions make to a case as it now is: 'me' is whoever applies them, and tags are
 * added to and removed from the case's current tags (so the change is only right for this version).
 */
export function caseChangesFor(
  actions: FieldActionsInput,
  current: Pick<CaseView, 'tags'>,
  actorId: string,
): CaseChangesInput {
  const changes: CaseChangesInput = {};
  if (actions.status !== undefined) changes.status = actions.status;
  if (actions.priority !== undefined) {
    changes.priority = actions.priority;
    if (actions.priorityReason !== undefined) changes.priorityReason = actions.priorityReason;
  }
  if (actions.teamId !== undefined) changes.teamId = actions.teamId;
  if (actions.assigneeId !== undefined)
    changes.assigneeId = actions.assigneeId === 'me' ? actorId : actions.assigneeId;
  if (actions.addTags?.length || actions.removeTags?.length) {
    const removed = new Set(normaliseTags(actions.removeTags ?? []));
    changes.tags = normaliseTags([...(current.tags ?? []), ...(actions.addTags ?? [])]).filter(
      (tag) => !removed.has(tag),
    );
  }
  return changes;
}

/** As the cases service keeps them: trimmed, lower-cased, unique. */
function normaliseTags(tags: string[]) {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}
