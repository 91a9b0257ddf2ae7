import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { refuseDuplicates, type Db, type Executor, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { checkTeamSharing, mayManage } from '../macros/index.ts';
import * as repo from './views.repository.ts';
import type { CreateViewBody, UpdateViewBody, ViewFilters } from './views.schemas.ts';

export type NewView = Static<typeof CreateViewBody>;
export type ViewChanges = Static<typeof UpdateViewBody>;
export type ViewFiltersInput = Static<typeof ViewFilters>;
export type ViewsService = ReturnType<typeof createViewsService>;

/**
 * Saved views: a staff member's named filters for the case queue, personal or shared with a team
 * (whose members then see them). Filters are kept as GET /api/cases takes them and mean the same for
 * whoever uses the view ("mine" is the user's own queue). Each user orders the views they see.
 */
export function createViewsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function visible(executor: Executor, ctx: RequestContext, id: string) {
    const row = await repo.findVisibleView(executor, ctx.actor.userId, id);
    if (!row) throw new AppError('VIEW_NOT_FOUND', 'No such saved view');
    return row;
  }

  const manages = (ctx: RequestContext, row: repo.ViewRow) =>
    mayManage(ctx, { ownerId: row.ownerId, shared: row.teamId !== null });

  function named<T>(work: () => Promise<T>): Promise<T> {
    return refuseDuplicates(
      'VIEW_ALREADY_EXISTS',
      { saved_views_personal_name_key: 'body/name', saved_views_team_name_key: 'body/name' },
      work,
      'A saved view with this name is already there',
    );
  }

  async function audit(tx: Tx, ctx: RequestContext, action: string, id: string, changes: object) {
    await recordAudit(
      tx,
      { ...auditContextOf(ctx), action, entityType: 'saved_view', entityId: id, changes: { ...changes } },
      clock,
    );
  }

  function present(ctx: RequestContext, row: repo.ViewRow) {
    return {
      id: row.id,
      name: row.name,
      filters: JSON.parse(row.filters) as ViewFiltersInput,
      team: row.teamId === null ? null : { id: row.teamId, name: row.teamName ?? '' },
      owner: { id: row.ownerId, displayName: row.ownerName },
      canEdit: manages(ctx, row),
      position: row.position,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function list(ctx: RequestContext) {
    assertCan(ctx.actor, 'cases:work');
    const rows = await repo.listVisibleViews(db, ctx.actor.userId);
    return rows.map((row) => present(ctx, row));
  }

  return {
    list,

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'cases:work');
      return present(ctx, await visible(db, ctx, id));
    },

    async create(ctx: RequestContext, input: NewView) {
      assertCan(ctx.actor, 'cases:work');
      const values = { name: input.name.trim(), teamId: input.teamId ?? null, filters: input.filters };
      const id = await named(() =>
        db.transaction().execute(async (tx) => {
          if (values.teamId) await checkTeamSharing(tx, ctx, values.teamId, 'body/teamId');
          const id = await repo.insertView(tx, ctx.actor.userId, values, clock.now());
          await audit(tx, ctx, 'saved_view.created', id, values);
          return id;
        }),
      );
      return present(ctx, await visible(db, ctx, id));
    },

    async update(ctx: RequestContext, id: string, input: ViewChanges) {
      assertCan(ctx.actor, 'cases:work');
      await named(() =>
        db.transaction().execute(async (tx) => {
          const before = await visible(tx, ctx, id);
          if (!manages(ctx, before))
            throw new AppError('AUTH_FORBIDDEN', 'Only its owner or an administrator changes this view');
          const values = {
            name: input.name?.trim() ?? before.name,
            teamId: input.teamId !== undefined ? input.teamId : before.teamId,
            filters: input.filters ?? (JSON.parse(before.filters) as ViewFiltersInput),
          };
          if (values.teamId && values.teamId !== before.teamId)
            await checkTeamSharing(tx, ctx, values.teamId, 'body/teamId');
          await repo.updateView(tx, id, values, clock.now());
          await audit(tx, ctx, 'saved_view.updated', id, input);
        }),
      );
      return present(ctx, await visible(db, ctx, id));
    },

    async remove(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'cases:work');
      await db.transaction().execute(async (tx) => {
        const before = await visible(tx, ctx, id);
        if (!manages(ctx, before))
          throw new AppError('AUTH_FORBIDDEN', 'Only its owner or an administrator deletes this view');
        await repo.deleteView(tx, id);
        await audit(tx, ctx, 'saved_view.deleted', id, { name: before.name });
      });
    },

    /** The caller's own order; every view named must be one they see. */
    async order(ctx: RequestContext, viewIds: string[]) {
      assertCan(ctx.actor, 'cases:work');
      await db.transaction().execute(async (tx) => {
        const seen = new Set((await repo.listVisibleViews(tx, ctx.actor.userId)).map((row) => row.id));
        const unknown = viewIds.flatMap((viewId, index) =>
          seen.has(viewId) ? [] : [{ path: `body/viewIds/${index}`, message: 'is not a view you see' }],
        );
        if (unknown.length > 0)
          throw new AppError('VIEW_NOT_FOUND', 'No such saved view', { errors: unknown });
        await repo.setPositions(tx, ctx.actor.userId, viewIds);
      });
      return list(ctx);
    },

    /** A view's filters, for a bulk action over what it selects. */
    async filtersOf(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'cases:work');
      const row = await visible(db, ctx, id);
      return { name: row.name, filters: JSON.parse(row.filters) as ViewFiltersInput };
    },
  };
}
