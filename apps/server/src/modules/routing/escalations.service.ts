import { assertCan, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import {
  CaseVersionConflict,
  type CaseChangesInput,
  type CasesService,
  type CaseView,
} from '../cases/index.ts';
import { activeTeamLeads } from '../identity/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import * as repo from './routing.repository.ts';

export interface EscalationInput {
  kind: repo.EscalationKind;
  reason: string;
  /** tier: the next tier's team (optional); functional: the team to hand the case to. */
  teamId?: string | undefined;
  /** functional: the vendor, with its own ticket number. */
  vendorId?: string | undefined;
  externalReference?: string | undefined;
  /** hierarchical: whom to tell; without one, the leads of the case's team. */
  managerId?: string | undefined;
}

export type EscalationsService = ReturnType<typeof createEscalationsService>;

const highestTier = 3;

/**
 * Escalations: a case goes a tier up (L1 → L2 → L3, optionally to that tier's team), to another
 * team or a vendor (functional: the vendor's reference is kept on the case and it waits on them,
 * pending_vendor), or to a manager (hierarchical: the team's leads or the named manager are told).
 * Each is one change to the case through `cases.update` (If-Match, its events, the SLA engine, the
 * audit as `case.escalated`) plus an escalation record, in one transaction: a refused escalation
 * changes nothing.
 */
export function createEscalationsService(deps: {
  db: Db;
  clock: Clock;
  cases: CasesService;
  notify: NotificationsService['notify'];
}) {
  const { db, clock, cases, notify } = deps;

  /** What the change does to the case and what the record says, decided on the case as the caller saw it. */
  async function plan(tx: Tx, current: CaseView, input: EscalationInput) {
    const fromTier = current.tier ?? 1;
    const fromTeamId = current.team?.id ?? null;
    const intoTeam = async (teamId: string): Promise<CaseChangesInput> => {
      if (!(await repo.findTeam(tx, teamId))) throw invalid('teamId', 'is not a team');
      // A new team's queue takes the case unassigned: its routing (or its lead) picks the agent.
      return teamId === fromTeamId ? {} : { teamId, assigneeId: null };
    };
    switch (input.kind) {
      case 'tier': {
        if (fromTier >= highestTier)
          throw new AppError('CASE_ESCALATION_FORBIDDEN', `The case is already at L${highestTier}`);
        const changes = input.teamId ? await intoTeam(input.teamId) : {};
        return {
          changes: { ...changes, tier: fromTier + 1 },
          record: { toTier: fromTier + 1, toTeamId: input.teamId ?? null },
        };
      }
      case 'functional': {
        if (input.teamId) {
          if (input.teamId === fromTeamId) throw invalid('teamId', "is already the case's team");
          return {
            changes: await intoTeam(input.teamId),
            record: { toTier: fromTier, toTeamId: input.teamId },
          };
        }
        const vendorId = input.vendorId!;
        if (!(await repo.findActiveVendor(tx, vendorId)))
          throw invalid('vendorId', 'is not an active vendor');
        const externalReference = input.externalReference!.trim();
        await repo.setCaseVendor(tx, current.id, vendorId, externalReference);
        return {
          changes: current.status === 'pending_vendor' ? {} : { status: 'pending_vendor' as const },
          record: { toTier: fromTier, vendorId, externalReference },
        };
      }
      case 'hierarchical': {
        if (input.managerId && !(await repo.findStaffUser(tx, input.managerId))?.isActive)
          throw invalid('managerId', 'is not an active staff member');
        const notified = input.managerId
          ? [input.managerId]
          : fromTeamId
            ? await activeTeamLeads(tx, fromTeamId)
            : [];
        if (notified.length === 0)
          throw invalid('managerId', "is required: the case's team has no lead to escalate to");
        return {
          changes: {},
          record: { toTier: fromTier, managerId: input.managerId ?? null, notifiedUserIds: notified },
        };
      }
    }
  }

  return {
    async escalate(
      ctx: RequestContext,
      idOrNumber: string,
      expectedVersion: number | undefined,
      input: EscalationInput,
    ) {
      assertCan(ctx.actor, 'cases:work');
      checkShape(input);
      if (expectedVersion === undefined)
        throw new AppError(
          'PRECONDITION_REQUIRED',
          'Send If-Match: "<version>" with the version you edited',
          {
            errors: [{ path: 'headers/if-match', message: 'required' }],
          },
        );
      return db.transaction().execute(async (tx) => {
        const current = await cases.get(ctx, idOrNumber, { tx });
        if (current.version !== expectedVersion) throw new CaseVersionConflict(current);
        if (current.status === 'resolved' || current.status === 'closed')
          throw new AppError(
            'CASE_ESCALATION_FORBIDDEN',
            `A ${current.status} case is not escalated; reopen it first`,
          );
        const { changes, record } = await plan(tx, current, input);
        const reason = input.reason.trim();
        const escalation = {
          kind: input.kind,
          fromTier: current.tier ?? 1,
          fromTeamId: current.team?.id ?? null,
          toTeamId: null,
          vendorId: null,
          externalReference: null,
          managerId: null,
          notifiedUserIds: [],
          ...record,
          reason,
        };
        const escalationId = await repo.insertEscalation(tx, {
          ...escalation,
          accountId: current.accountId,
          caseId: current.id,
          escalatedAt: clock.now(),
          escalatedBy: ctx.actor.userId,
        });
        for (const userId of escalation.notifiedUserIds)
          await notify(tx, {
            userId,
            kind: 'case.escalated',
            title: `${current.reference} escalated to you`,
            body: `${current.subject}: ${reason}`,
            link: `/cases/${current.reference}`,
            entityType: 'case',
            entityId: current.id,
          });
        const updated = await cases.update(ctx, current.id, expectedVersion, changes, {
          tx,
          reason: {
            event: { type: 'escalated', data: { escalationId, ...escalation } },
            action: 'case.escalated',
          },
        });
        const rows = await repo.listEscalations(tx, current.accountId, current.id);
        return { case: updated, escalation: presentEscalation(rows.find((row) => row.id === escalationId)!) };
      });
    },

    /** The case's escalations, oldest first: staff only (they name teams, vendors and managers). */
    async list(ctx: RequestContext, idOrNumber: string) {
      assertCan(ctx.actor, 'cases:read-internal');
      const current = await cases.get(ctx, idOrNumber);
      const rows = await repo.listEscalations(db, current.accountId, current.id);
      return rows.map(presentEscalation);
    },
  };
}

/** Which fields each kind takes, checked before anything is read: a wrong combination changes nothing. */
function checkShape(input: EscalationInput) {
  const allowed: Record<repo.EscalationKind, Array<keyof EscalationInput>> = {
    tier: ['teamId'],
    functional: ['teamId', 'vendorId', 'externalReference'],
    hierarchical: ['managerId'],
  };
  const stray = (['teamId', 'vendorId', 'externalReference', 'managerId'] as const).filter(
    (field) => input[field] !== undefined && !allowed[input.kind].includes(field),
  );
  if (stray.length > 0) throw invalid(stray[0]!, `is not used by a ${input.kind} escalation`, stray.slice(1));
  if (!input.reason.trim()) throw invalid('reason', 'is required');
  if (input.kind !== 'functional') return;
  if ((input.teamId === undefined) === (input.vendorId === undefined))
    throw invalid('teamId', 'a functional escalation names either a team (teamId) or a vendor (vendorId)');
  if (input.vendorId !== undefined && !input.externalReference?.trim())
    throw invalid('externalReference', "is required: the vendor's own ticket number");
}

function invalid(field: string, message: string, more: string[] = []) {
  return new AppError('VALIDATION_FAILED', `${field} ${message}`, {
    errors: [field, ...more].map((f) => ({ path: `body/${f}`, message })),
  });
}

function presentEscalation(row: repo.EscalationRow) {
  const ref = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });
  const person = (id: string | null, name: string | null) =>
    id === null ? null : { id, displayName: name ?? '' };
  return {
    id: row.id,
    kind: row.kind,
    fromTier: row.fromTier,
    toTier: row.toTier,
    fromTeam: ref(row.fromTeamId, row.fromTeamName),
    toTeam: ref(row.toTeamId, row.toTeamName),
    vendor: ref(row.vendorId, row.vendorName),
    externalReference: row.externalReference,
    manager: person(row.managerId, row.managerName),
    notifiedUserIds: row.notifiedUserIds,
    reason: row.reason,
    escalatedAt: row.escalatedAt.toISOString(),
    escalatedBy: person(row.escalatedBy, row.escalatedByName),
  };
}
