import type { Static } from 'typebox';
import { macroVariables, unknownVariables, type Language } from '@paydesk/shared';
import { recordAudit } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, can, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { refuseDuplicates, type Db, type Executor, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { CasesService, CaseView } from '../cases/index.ts';
import { caseChangesFor, checkFieldActions, type FieldActionsInput } from './field-actions.ts';
import { pickBody, renderTemplate, statusLabels } from './macro-template.ts';
import * as repo from './macros.repository.ts';
import { checkTeamSharing, mayManage } from './sharing.ts';
import type { CreateMacroBody, UpdateMacroBody } from './macros.schemas.ts';

export type NewMacro = Static<typeof CreateMacroBody>;
export type MacroChanges = Static<typeof UpdateMacroBody>;
export type MacrosService = ReturnType<typeof createMacrosService>;

/**
 * Macros: canned replies in the customer's language that may also set fields (status, priority,
 * team, assignee, tags). Staff only. A personal macro is its author's alone; a team macro is shared
 * with the team's members (its author must be one); an everyone macro with all staff (admins share
 * desk-wide). The author changes and deletes a macro; admins also the shared ones.
 *
 * Applying one goes through the cases service inside one transaction — the reply is posted, then the
 * field actions applied — so events, SLA listeners and the audit happen as when a person does it, and
 * a failing action (a status the case cannot move to) leaves no reply either.
 */
export function createMacrosService(deps: { db: Db; clock: Clock; cases: CasesService }) {
  const { db, clock, cases } = deps;

  async function visible(executor: Executor, ctx: RequestContext, id: string) {
    const row = await repo.findVisibleMacro(executor, ctx.actor.userId, id);
    if (!row) throw new AppError('MACRO_NOT_FOUND', 'No such macro');
    return row;
  }

  const manages = (ctx: RequestContext, row: repo.MacroRow) =>
    mayManage(ctx, { ownerId: row.ownerId, shared: row.sharing !== 'personal' });

  /** Refuses a macro that would be shared where its author may not share it, or with bad content. */
  async function check(executor: Executor, ctx: RequestContext, values: repo.MacroValues) {
    if (values.sharing === 'everyone' && !can(ctx.actor, 'teams:manage'))
      throw new AppError('AUTH_FORBIDDEN', 'Only administrators share a macro with everyone');
    if (values.sharing === 'team' && !values.teamId)
      throw invalid('body/teamId', 'required to share with a team');
    if (values.sharing !== 'team' && values.teamId)
      throw invalid('body/teamId', `only goes with sharing "team", not "${values.sharing}"`);
    if (values.teamId) await checkTeamSharing(executor, ctx, values.teamId, 'body/teamId');
    const unknown = Object.entries(values.bodies).flatMap(([language, body]) =>
      unknownVariables(body ?? '').map((name) => ({
        path: `body/bodies/${language}`,
        message: `unknown variable {{${name}}}; known: ${macroVariables.join(', ')}`,
      })),
    );
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', `${unknown[0]!.path.slice(5)}: ${unknown[0]!.message}`, {
        errors: unknown,
      });
    await checkFieldActions(executor, values.actions, 'body/actions');
  }

  /** Unique names per place (own, team, everyone): the index says which; the message says what. */
  function named<T>(work: () => Promise<T>): Promise<T> {
    return refuseDuplicates(
      'MACRO_ALREADY_EXISTS',
      {
        macros_personal_name_key: 'body/name',
        macros_team_name_key: 'body/name',
        macros_everyone_name_key: 'body/name',
      },
      work,
      'A macro with this name is already shared there',
    );
  }

  async function audit(tx: Tx, ctx: RequestContext, action: string, id: string, changes: object) {
    await recordAudit(
      tx,
      { ...auditContextOf(ctx), action, entityType: 'macro', entityId: id, changes: { ...changes } },
      clock,
    );
  }

  function present(ctx: RequestContext, row: repo.MacroRow) {
    return {
      id: row.id,
      name: row.name,
      sharing: row.sharing,
      team: row.teamId === null ? null : { id: row.teamId, name: row.teamName ?? '' },
      owner: { id: row.ownerId, displayName: row.ownerName },
      bodies: bodiesOf(row),
      visibility: row.visibility,
      actions: actionsOf(row),
      canEdit: manages(ctx, row),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** The reply the macro would post on this case, and the field changes it would make. */
  async function render(executor: Executor, ctx: RequestContext, macro: repo.MacroRow, current: CaseView) {
    const { language, template } = pickBody(bodiesOf(macro), current.language);
    const rendered = renderTemplate(template, {
      'case.reference': current.reference,
      'case.subject': current.subject,
      'case.status': statusLabels[language][current.status],
      'case.priority': current.priority,
      'case.externalReference': current.externalReference,
      'contact.name': current.contact?.name,
      'contact.email': current.contact?.email,
      'account.name': current.accountName,
      'agent.name': await repo.displayNameOf(executor, ctx.actor.userId),
    });
    return {
      language,
      visibility: macro.visibility,
      body: rendered.text,
      missingVariables: rendered.missing,
      changes: caseChangesFor(actionsOf(macro), current, ctx.actor.userId),
    };
  }

  return {
    async list(ctx: RequestContext, query: { q?: string | undefined }) {
      assertCan(ctx.actor, 'cases:work');
      const rows = await repo.listVisibleMacros(db, ctx.actor.userId, query.q?.trim() || undefined);
      return rows.map((row) => present(ctx, row));
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'cases:work');
      return present(ctx, await visible(db, ctx, id));
    },

    async create(ctx: RequestContext, input: NewMacro) {
      assertCan(ctx.actor, 'cases:work');
      const values: repo.MacroValues = {
        name: input.name.trim(),
        sharing: input.sharing,
        teamId: input.teamId ?? null,
        bodies: input.bodies,
        visibility: input.visibility,
        actions: input.actions ?? {},
      };
      const id = await named(() =>
        db.transaction().execute(async (tx) => {
          await check(tx, ctx, values);
          const id = await repo.insertMacro(tx, ctx.actor.userId, values, clock.now());
          await audit(tx, ctx, 'macro.created', id, values);
          return id;
        }),
      );
      return present(ctx, await visible(db, ctx, id));
    },

    async update(ctx: RequestContext, id: string, input: MacroChanges) {
      assertCan(ctx.actor, 'cases:work');
      await named(() =>
        db.transaction().execute(async (tx) => {
          const before = await visible(tx, ctx, id);
          if (!manages(ctx, before))
            throw new AppError('AUTH_FORBIDDEN', 'Only its author or an administrator changes this macro');
          const sharing = input.sharing ?? before.sharing;
          const values: repo.MacroValues = {
            name: input.name?.trim() ?? before.name,
            sharing,
            // Moving a macro out of a team drops the team; into one needs it named.
            teamId: input.teamId !== undefined ? input.teamId : sharing === 'team' ? before.teamId : null,
            bodies: input.bodies ?? bodiesOf(before),
            visibility: input.visibility ?? before.visibility,
            actions: input.actions ?? actionsOf(before),
          };
          await check(tx, ctx, values);
          await repo.updateMacro(tx, id, values, clock.now());
          await audit(tx, ctx, 'macro.updated', id, input);
        }),
      );
      return present(ctx, await visible(db, ctx, id));
    },

    async remove(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'cases:work');
      await db.transaction().execute(async (tx) => {
        const before = await visible(tx, ctx, id);
        if (!manages(ctx, before))
          throw new AppError('AUTH_FORBIDDEN', 'Only its author or an administrator deletes this macro');
        await repo.deleteMacro(tx, id);
        await audit(tx, ctx, 'macro.deleted', id, { name: before.name });
      });
    },

    /** What applying the macro to the case would post and change; changes nothing. */
    async preview(ctx: RequestContext, caseId: string, macroId: string) {
      assertCan(ctx.actor, 'cases:work');
      const macro = await visible(db, ctx, macroId);
      return render(db, ctx, macro, await cases.get(ctx, caseId));
    },

    /**
     * Posts the reply and applies the field actions in one transaction, if `expectedVersion` is still
     * the case's version (the reply is first, so a macro that resolves or closes a case does not
     * reopen it with its own reply).
     */
    async apply(ctx: RequestContext, caseId: string, macroId: string, expectedVersion: number | undefined) {
      assertCan(ctx.actor, 'cases:work');
      const macro = await visible(db, ctx, macroId);
      return db.transaction().execute(async (tx) => {
        // No changes: locks the case and refuses a stale version before anything is written.
        const seen = await cases.update(ctx, caseId, expectedVersion, {}, { tx });
        const preview = await render(tx, ctx, macro, seen);
        if (!preview.body.trim())
          throw invalid(
            'body/bodies',
            `renders empty on ${seen.reference}: ${preview.missingVariables.join(', ')}`,
          );
        const message = await cases.addMessage(
          ctx,
          seen.id,
          { visibility: preview.visibility, body: preview.body },
          { tx },
        );
        // The reply may have moved the case (a first reply opens it): the actions apply to that state.
        const replied = await cases.get(ctx, seen.id, { tx });
        const changes = caseChangesFor(actionsOf(macro), replied, ctx.actor.userId);
        const after =
          Object.keys(changes).length > 0
            ? await cases.update(ctx, seen.id, replied.version, changes, { tx })
            : replied;
        await recordAudit(
          tx,
          {
            ...auditContextOf(ctx),
            action: 'case.macro_applied',
            entityType: 'case',
            entityId: seen.id,
            accountId: seen.accountId,
            changes: {
              macroId: macro.id,
              macro: macro.name,
              messageId: message.id,
              language: preview.language,
            },
          },
          clock,
        );
        return { case: after, message };
      });
    },
  };
}

function invalid(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', `${path.replace(/^body\//, '')} ${message}`, {
    errors: [{ path, message }],
  });
}

const bodiesOf = (row: repo.MacroRow) => JSON.parse(row.bodies) as Partial<Record<Language, string>>;
const actionsOf = (row: repo.MacroRow) => JSON.parse(row.actions) as FieldActionsInput;
