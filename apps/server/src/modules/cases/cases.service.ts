import type { CaseChannel, CaseStatus, CaseType, ImpactLevel, Language, Priority } from '@paydesk/shared';
import { recordAudit } from '../../platform/audit/index.ts';
import {
  assertCan,
  auditContextOf,
  can,
  scopeOf,
  type RequestContext,
  type Scope,
} from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import {
  allowedStatuses,
  checkReopen,
  checkTransition,
  doneStatuses,
  formatCaseNumber,
  parseCaseNumber,
  priorityFor,
} from './case-rules.ts';
import * as repo from './cases.repository.ts';
import { countQueue, listCases, type SlaFilter } from './queue.repository.ts';
import { createCaseLinks } from './links.ts';
import { createCaseMerge } from './merge.ts';
import { createCaseSearch } from './search.ts';

export interface NewCase {
  accountId: string;
  subject: string;
  description: string;
  type: CaseType;
  impact: ImpactLevel;
  urgency: ImpactLevel;
  /** Overrides the impact × urgency matrix; a reason is then required. */
  priority?: Priority | undefined;
  priorityReason?: string | undefined;
  serviceCode?: string | undefined;
  category?: string | undefined;
  channel?: CaseChannel | undefined;
  contactId?: string | undefined;
  teamId?: string | undefined;
  assigneeId?: string | undefined;
  tier?: number | undefined;
  language?: Language | undefined;
  tags?: string[] | undefined;
  externalReference?: string | undefined;
}

export type CaseChangesInput = Partial<{
  subject: string;
  type: CaseType;
  status: CaseStatus;
  impact: ImpactLevel;
  urgency: ImpactLevel;
  priority: Priority;
  priorityReason: string;
  serviceCode: string | null;
  category: string;
  contactId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  tier: number;
  language: Language;
  tags: string[];
  externalReference: string | null;
}>;

/**
 * When a change happened, for history that is replayed (an import with original timestamps, the
 * demo): events carry this instant instead of the clock's. The HTTP routes never pass it.
 */
export interface HistoryOptions {
  at?: Date | undefined;
}

/**
 * `tx`: make the change inside the caller's transaction, so it commits or rolls back together with
 * the caller's other changes (a macro's reply and field actions).
 */
export interface ChangeOptions extends HistoryOptions {
  tx?: Tx | undefined;
}

/**
 * Why a change is made, when it is more than its field changes (an escalation): recorded as the
 * change's first event, and the change is audited as `action`.
 */
export interface ChangeReason {
  reason?: { event: { type: string; data: Record<string, unknown> }; action: string } | undefined;
}

/**
 * Work routing's answer for a case landing unassigned in a team: the agent, why nobody (the case
 * stays in the queue), or null when the team does not assign by itself.
 */
export type RoutingDecision = { assigneeId: string } | { skipped: string } | null;

/** Picks an agent for a case that lands in a team queue unassigned, in the change's transaction. */
export type CaseRouter = (
  tx: Tx,
  landing: {
    teamId: string;
    type: CaseType;
    serviceId: string | null;
    language: Language;
    tier: number;
    at: Date;
  },
) => Promise<RoutingDecision>;

/** Runs in the transaction of every change to a case, after its events are appended (the SLA engine). */
export type CaseListener = (tx: Tx, change: { accountId: string; caseId: string }) => Promise<void>;

/** A reply or note as just stored, for what reacts to its text (mentions). */
export interface AddedMessage {
  accountId: string;
  caseId: string;
  reference: string;
  messageId: string;
  authorId: string;
  fromCustomer: boolean;
  visibility: 'public' | 'internal';
  body: string;
}

/** Runs in the transaction of every new reply or note, after it is stored. */
export type MessageListener = (tx: Tx, message: AddedMessage) => Promise<void>;

/** A case change named a version that is no longer current; carries the case as it now is. */
export class CaseVersionConflict extends AppError {
  constructor(readonly current: CaseView) {
    super(
      'CASE_VERSION_CONFLICT',
      `The case is at version ${current.version}; reload it and apply your change again`,
    );
  }
}

export type CaseView = ReturnType<typeof presentCase>;
export type CasesService = ReturnType<typeof createCasesService>;

/** Fields only the operator's staff set; a customer's portal request leaves them to triage. */
const staffOnlyFields = [
  'priority',
  'priorityReason',
  'teamId',
  'assigneeId',
  'tier',
  'tags',
  'category',
] as const;

/**
 * Cases: the support desk's work. A case's state is one row; everything that happens to it is an
 * event appended in the same transaction (the timeline, and the history SLA clocks replay); replies
 * and internal notes are messages. Status moves follow the status graph (`case-rules`), a resolved
 * or closed case reopens only within the configured window, and every change names the version it
 * saw (If-Match), so two agents never overwrite each other silently.
 *
 * Customers open cases on their own account through the portal, follow them and reply; they never
 * see internal notes or internal fields. Staff work cases.
 */
export function createCasesService(deps: {
  db: Db;
  clock: Clock;
  reopenWindowDays: number;
  listeners?: CaseListener[];
  messageListeners?: MessageListener[];
  router?: CaseRouter;
}) {
  const { db, clock, reopenWindowDays } = deps;
  const listeners = deps.listeners ?? [];
  const messageListeners = deps.messageListeners ?? [];
  const route: CaseRouter = (tx, landing) => (deps.router ? deps.router(tx, landing) : Promise.resolve(null));

  function scope(ctx: RequestContext | null): Scope {
    return ctx ? scopeOf(ctx.actor) : { kind: 'all' };
  }

  function inTransaction<T>(options: ChangeOptions, work: (tx: Tx) => Promise<T>): Promise<T> {
    return options.tx ? work(options.tx) : db.transaction().execute(work);
  }

  async function load(executor: Db | Tx, ctx: RequestContext | null, idOrNumber: string) {
    const number = /^[0-9a-f]{8}-/i.test(idOrNumber) ? undefined : parseCaseNumber(idOrNumber);
    const row =
      number !== undefined
        ? await repo.findCaseByNumber(executor, scope(ctx), number)
        : /^[0-9a-f-]{36}$/i.test(idOrNumber)
          ? await repo.findCase(executor, scope(ctx), idOrNumber)
          : undefined;
    if (!row) throw caseNotFound();
    return row;
  }

  async function afterChange(
    tx: Tx,
    row: { accountId: string; id: string },
    ctx: RequestContext | null,
    action: string,
    changes: Record<string, unknown>,
  ) {
    for (const listener of listeners) await listener(tx, { accountId: row.accountId, caseId: row.id });
    await recordAudit(
      tx,
      {
        ...auditContextOf(ctx),
        action,
        entityType: 'case',
        entityId: row.id,
        accountId: row.accountId,
        changes,
      },
      clock,
    );
  }

  async function checkReferences(
    tx: Tx,
    accountId: string,
    input: {
      serviceCode?: string | null | undefined;
      contactId?: string | null | undefined;
      teamId?: string | null | undefined;
      assigneeId?: string | null | undefined;
    },
  ) {
    const problems: Array<{ path: string; message: string }> = [];
    let serviceId: string | null | undefined;
    if (input.serviceCode === null) serviceId = null;
    else if (input.serviceCode !== undefined) {
      serviceId = (await repo.findServiceByCode(tx, input.serviceCode))?.id;
      if (!serviceId)
        problems.push({ path: 'body/serviceCode', message: 'is not a service in the catalogue' });
    }
    const contact = input.contactId ? await repo.findContact(tx, accountId, input.contactId) : undefined;
    if (input.contactId && !contact)
      problems.push({ path: 'body/contactId', message: "is not a contact of the case's account" });
    if (input.teamId && !(await repo.teamExists(tx, input.teamId)))
      problems.push({ path: 'body/teamId', message: 'is not a team' });
    if (input.assigneeId && !(await repo.findActiveStaff(tx, input.assigneeId)))
      problems.push({ path: 'body/assigneeId', message: 'is not an active staff member' });
    if (problems.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `${problems[0]!.path.replace(/^body\//, '')} ${problems[0]!.message}`,
        { errors: problems },
      );
    return { serviceId, contactLanguage: contact?.language as Language | undefined };
  }

  function checkPriority(matrix: Priority, priority: Priority | undefined, reason: string | undefined) {
    if (priority === undefined || priority === matrix) return { priority: matrix, priorityReason: null };
    if (!reason?.trim())
      throw new AppError(
        'VALIDATION_FAILED',
        `priorityReason is required to set ${priority} instead of the matrix's ${matrix}`,
        {
          errors: [
            {
              path: 'body/priorityReason',
              message: `required: ${priority} overrides the matrix's ${matrix}`,
            },
          ],
        },
      );
    return { priority, priorityReason: reason.trim() };
  }

  /**
   * How links, merges and splits (links.ts, merge.ts) record a change, in the caller's transaction
   * holding the case's row lock: the same path as every change here (events, listeners, audit).
   */
  async function recordChange(
    tx: Tx,
    ctx: RequestContext | null,
    row: { accountId: string; id: string },
    events: repo.NewCaseEvent[],
    audit: { action: string; changes: Record<string, unknown> },
  ) {
    await repo.appendEvents(tx, { accountId: row.accountId, caseId: row.id }, events);
    await afterChange(tx, row, ctx, audit.action, audit.changes);
  }
  const relations = {
    db,
    clock,
    load,
    record: recordChange,
    present: presentCase,
    versionConflict: (ctx: RequestContext | null, row: repo.CaseRow) =>
      new CaseVersionConflict(presentCase(ctx, row)),
  };

  return {
    async create(ctx: RequestContext | null, input: NewCase, options: ChangeOptions = {}) {
      if (ctx) assertCan(ctx.actor, 'cases:create');
      const isStaff = ctx === null || can(ctx.actor, 'cases:work');
      if (!isStaff) {
        const reserved = staffOnlyFields.filter((field) => input[field] !== undefined);
        if (reserved.length > 0)
          throw new AppError('AUTH_FORBIDDEN', `Only the operator's staff set ${reserved.join(', ')}`, {
            errors: reserved.map((field) => ({
              path: `body/${field}`,
              message: 'is set by the support desk',
            })),
          });
      }
      return inTransaction(options, async (tx) => {
        const account = await repo.findAccount(tx, scope(ctx), input.accountId);
        if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'No such account');
        // A customer writing in through the portal speaks as the account's contact with their e-mail
        // address (if it keeps one), so replies and macros address them by name.
        const contactId =
          input.contactId ??
          (ctx && !isStaff ? await repo.findContactOfUser(tx, input.accountId, ctx.actor.userId) : undefined);
        const refs = await checkReferences(tx, input.accountId, { ...input, contactId });
        const { priority, priorityReason } = checkPriority(
          priorityFor(input.impact, input.urgency),
          input.priority,
          input.priorityReason,
        );
        const now = options.at ?? clock.now();
        const actorId = ctx?.actor.userId ?? null;
        // A customer writes in through the portal; staff say how the request reached them.
        const channel = isStaff ? (input.channel ?? 'phone') : 'portal';
        const language = input.language ?? refs.contactLanguage ?? (account.defaultLanguage as Language);
        const tier = input.tier ?? 1;
        const routed =
          input.teamId && !input.assigneeId
            ? await route(tx, {
                teamId: input.teamId,
                type: input.type,
                serviceId: refs.serviceId ?? null,
                language,
                tier,
                at: now,
              })
            : null;
        const id = await repo.insertCase(tx, {
          accountId: input.accountId,
          subject: input.subject.trim(),
          type: input.type,
          impact: input.impact,
          urgency: input.urgency,
          priority,
          priorityReason,
          serviceId: refs.serviceId ?? null,
          category: input.category?.trim() ?? '',
          channel,
          contactId: contactId ?? null,
          teamId: input.teamId ?? null,
          assigneeId: input.assigneeId ?? (routed && 'assigneeId' in routed ? routed.assigneeId : null),
          tier,
          language,
          tags: normaliseTags(input.tags ?? []),
          externalReference: input.externalReference?.trim() || null,
          openedAt: now,
          createdBy: actorId,
          createdAt: now,
        });
        // The request itself is the customer's words, also when an agent logs a phone call.
        const messageId = await repo.insertMessage(tx, {
          accountId: input.accountId,
          caseId: id,
          visibility: 'public',
          authorId: actorId,
          fromCustomer: true,
          body: input.description,
          createdAt: now,
        });
        await repo.appendEvents(tx, { accountId: input.accountId, caseId: id }, [
          { type: 'opened', at: now, actorId, data: { status: 'new', priority, channel, messageId } },
          ...routingEvents(routed, input.teamId ?? null, now),
        ]);
        const row = (await repo.findCase(tx, { kind: 'all' }, id))!;
        await afterChange(tx, row, ctx, 'case.opened', { subject: row.subject, priority, channel });
        return presentCase(ctx, (await repo.findCase(tx, { kind: 'all' }, id))!);
      });
    },

    async get(ctx: RequestContext | null, idOrNumber: string, options: ChangeOptions = {}) {
      if (ctx) assertCan(ctx.actor, 'cases:read');
      const executor = options.tx ?? db;
      const row = await load(executor, ctx, idOrNumber);
      return {
        ...presentCase(ctx, row),
        watchers: await repo.listWatchers(executor, row.accountId, row.id),
      };
    },

    async list(
      ctx: RequestContext,
      query: {
        limit: number;
        cursor?: string | undefined;
        view?: 'mine' | 'team' | 'all' | undefined;
        accountId?: string | undefined;
        status?: CaseStatus[] | undefined;
        open?: boolean | undefined;
        priority?: Priority | undefined;
        q?: string | undefined;
        sla?: SlaFilter | undefined;
      },
    ) {
      assertCan(ctx.actor, 'cases:read');
      // At risk and breached count internal clocks (OLAs, vendors' contracts) too: staff only.
      if (query.sla) assertCan(ctx.actor, 'cases:read-internal');
      const after = decodeCursor(query.cursor, 2);
      const rows = await listCases(
        db,
        scopeOf(ctx.actor),
        {
          ...(query.accountId ? { accountId: query.accountId } : {}),
          ...(query.view === 'team' ? { teamsOf: ctx.actor.userId } : {}),
          ...(query.view === 'mine' ? { assigneeId: ctx.actor.userId } : {}),
          ...(query.status ? { statuses: query.status } : {}),
          ...(query.open || onlyOpen(query.status) ? { openOnly: true } : {}),
          ...(query.priority ? { priority: query.priority } : {}),
          ...(query.q?.trim() ? { search: query.q.trim() } : {}),
          ...(query.sla ? { sla: query.sla } : {}),
        },
        {
          limit: query.limit,
          ...(after ? { after: [String(after[0]), String(after[1])] as [string, string] } : {}),
        },
        clock.now(),
      );
      const page = toPage(rows, query.limit, (row) => [row.dueKey, row.number]);
      return { items: page.items.map((row) => presentCase(ctx, row)), nextCursor: page.nextCursor };
    },

    /** A view's open cases and, of them, the at-risk and breached ones: the queue toggles' counts. */
    async counts(
      ctx: RequestContext,
      query: { view?: 'mine' | 'team' | 'all' | undefined; accountId?: string | undefined },
    ) {
      // At risk and breached count internal clocks too, as the sla filters: staff only.
      assertCan(ctx.actor, 'cases:read-internal');
      return countQueue(
        db,
        scopeOf(ctx.actor),
        {
          ...(query.accountId ? { accountId: query.accountId } : {}),
          ...(query.view === 'team' ? { teamsOf: ctx.actor.userId } : {}),
          ...(query.view === 'mine' ? { assigneeId: ctx.actor.userId } : {}),
        },
        clock.now(),
      );
    },

    /** Changes fields and status, if `expectedVersion` is still the case's version. */
    async update(
      ctx: RequestContext | null,
      idOrNumber: string,
      expectedVersion: number | undefined,
      input: CaseChangesInput,
      options: ChangeOptions & ChangeReason = {},
    ) {
      if (ctx) assertCan(ctx.actor, 'cases:work');
      if (expectedVersion === undefined && ctx !== null)
        throw new AppError(
          'PRECONDITION_REQUIRED',
          'Send If-Match: "<version>" with the version you edited',
          {
            errors: [{ path: 'headers/if-match', message: 'required' }],
          },
        );
      return inTransaction(options, async (tx) => {
        const found = await load(tx, ctx, idOrNumber);
        const before = (await repo.lockCase(tx, scope(ctx), found.id))!;
        if (expectedVersion !== undefined && before.version !== expectedVersion)
          throw new CaseVersionConflict(presentCase(ctx, before));
        const now = options.at ?? clock.now();
        const actorId = ctx?.actor.userId ?? null;
        const refs = await checkReferences(tx, before.accountId, input);
        const changes: repo.CaseChanges = {};
        const events: repo.NewCaseEvent[] = options.reason
          ? [{ ...options.reason.event, at: now, actorId }]
          : [];
        const event = (type: string, data: Record<string, unknown>) =>
          events.push({ type, at: now, actorId, data });

        for (const field of [
          'subject',
          'type',
          'category',
          'tier',
          'language',
          'externalReference',
          'contactId',
        ] as const) {
          const value = input[field];
          if (value === undefined || value === before[field]) continue;
          Object.assign(changes, { [field]: typeof value === 'string' ? value.trim() : value });
          event('field_changed', { field, from: before[field], to: value });
        }
        if (input.tags !== undefined) {
          const tags = normaliseTags(input.tags);
          if (tags.join('\n') !== before.tags.join('\n')) {
            changes.tags = tags;
            event('field_changed', { field: 'tags', from: before.tags, to: tags });
          }
        }
        if (input.serviceCode !== undefined && refs.serviceId !== before.serviceId) {
          changes.serviceId = refs.serviceId ?? null;
          event('field_changed', { field: 'service', from: before.serviceCode, to: input.serviceCode });
        }

        const impact = input.impact ?? before.impact;
        const urgency = input.urgency ?? before.urgency;
        if (impact !== before.impact || urgency !== before.urgency || input.priority !== undefined) {
          // A new impact or urgency takes the matrix's priority again unless this change overrides it.
          const { priority, priorityReason } = checkPriority(
            priorityFor(impact, urgency),
            input.priority,
            input.priorityReason,
          );
          Object.assign(changes, { impact, urgency, priority, priorityReason });
          if (priority !== before.priority)
            event('priority_changed', { from: before.priority, to: priority, reason: priorityReason });
        }

        if (
          (input.teamId !== undefined && input.teamId !== before.teamId) ||
          (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId)
        ) {
          const teamId = input.teamId === undefined ? before.teamId : input.teamId;
          const assigneeId = input.assigneeId === undefined ? before.assigneeId : input.assigneeId;
          Object.assign(changes, { teamId, assigneeId });
          event('assigned', {
            from: { teamId: before.teamId, assigneeId: before.assigneeId },
            to: { teamId, assigneeId },
          });
          if (teamId !== null && teamId !== before.teamId && assigneeId === null) {
            const routed = await route(tx, {
              teamId,
              type: input.type ?? before.type,
              serviceId: changes.serviceId === undefined ? before.serviceId : changes.serviceId,
              language: input.language ?? before.language,
              tier: input.tier ?? before.tier,
              at: now,
            });
            if (routed && 'assigneeId' in routed) changes.assigneeId = routed.assigneeId;
            events.push(...routingEvents(routed, teamId, now));
          }
        }

        if (input.status !== undefined && input.status !== before.status) {
          Object.assign(changes, moveTo(before, input.status, now));
          event('status_changed', { from: before.status, to: input.status });
        }

        if (events.length === 0) return presentCase(ctx, before);
        await repo.updateCase(tx, before.id, { ...changes, updatedAt: now });
        await repo.appendEvents(tx, { accountId: before.accountId, caseId: before.id }, events);
        await afterChange(tx, before, ctx, options.reason?.action ?? 'case.updated', {
          events: events.map(({ type, data }) => ({ type, ...data })),
        });
        return presentCase(ctx, (await repo.findCase(tx, { kind: 'all' }, before.id))!);
      });
    },

    /**
     * A reply (public) or an internal note. A customer's reply brings a case waiting on them back to
     * open, and reopens a resolved or closed one within the window; a public reply to a closed case
     * reopens it (or is refused after the window). The first public staff reply opens a new case.
     */
    async addMessage(
      ctx: RequestContext,
      idOrNumber: string,
      input: { visibility: 'public' | 'internal'; body: string },
      options: ChangeOptions = {},
    ) {
      assertCan(ctx.actor, 'cases:reply');
      const fromCustomer = !can(ctx.actor, 'cases:work');
      if (input.visibility === 'internal') assertCan(ctx.actor, 'cases:read-internal');
      return inTransaction(options, async (tx) => {
        const found = await load(tx, ctx, idOrNumber);
        const before = (await repo.lockCase(tx, scope(ctx), found.id))!;
        const now = options.at ?? clock.now();
        const actorId = ctx.actor.userId;
        const messageId = await repo.insertMessage(tx, {
          accountId: before.accountId,
          caseId: before.id,
          visibility: input.visibility,
          authorId: actorId,
          fromCustomer,
          body: input.body,
          createdAt: now,
        });
        const events: repo.NewCaseEvent[] = [
          fromCustomer
            ? { type: 'customer_replied', at: now, actorId, data: { messageId } }
            : {
                type: 'staff_replied',
                at: now,
                actorId,
                data: { messageId, public: input.visibility === 'public' },
              },
        ];
        const reopens =
          input.visibility === 'public' &&
          (before.status === 'closed' || (fromCustomer && before.status === 'resolved'));
        const next: CaseStatus | undefined = reopens
          ? 'open'
          : fromCustomer && before.status === 'pending_customer'
            ? 'open'
            : !fromCustomer && input.visibility === 'public' && before.status === 'new'
              ? 'open'
              : undefined;
        const changes = next ? moveTo(before, next, now) : {};
        if (next)
          events.push({
            type: 'status_changed',
            at: now,
            actorId,
            data: { from: before.status, to: next, by: 'reply' },
          });
        await repo.updateCase(tx, before.id, { ...changes, updatedAt: now });
        await repo.appendEvents(tx, { accountId: before.accountId, caseId: before.id }, events);
        for (const listener of messageListeners)
          await listener(tx, {
            accountId: before.accountId,
            caseId: before.id,
            reference: formatCaseNumber(before.number),
            messageId,
            authorId: actorId,
            fromCustomer,
            visibility: input.visibility,
            body: input.body,
          });
        await afterChange(tx, before, ctx, input.visibility === 'public' ? 'case.replied' : 'case.noted', {
          messageId,
          ...(next ? { status: { from: before.status, to: next } } : {}),
        });
        const messages = await repo.listMessages(tx, before.accountId, before.id, true);
        return presentMessage(messages.find((message) => message.id === messageId)!);
      });
    },

    async messages(ctx: RequestContext, idOrNumber: string) {
      assertCan(ctx.actor, 'cases:read');
      const row = await load(db, ctx, idOrNumber);
      const rows = await repo.listMessages(db, row.accountId, row.id, can(ctx.actor, 'cases:read-internal'));
      return rows.map(presentMessage);
    },

    /** What happened, oldest first; customers see the public story (no notes, no internal fields). */
    async timeline(ctx: RequestContext, idOrNumber: string) {
      assertCan(ctx.actor, 'cases:read');
      const row = await load(db, ctx, idOrNumber);
      const events = await repo.listEvents(db, row.accountId, row.id);
      const internal = can(ctx.actor, 'cases:read-internal');
      return events
        .filter(
          (event) =>
            internal ||
            (publicEventTypes.has(event.type) &&
              (event.type !== 'staff_replied' || event.data.public === true) &&
              event.data.internal !== true),
        )
        .map(({ actorId, actorName, ...event }) => ({
          ...event,
          at: event.at.toISOString(),
          actor: actorId === null ? null : { id: actorId, displayName: actorName ?? '' },
        }));
    },

    /**
     * Who may own the case: the active staff of its team (leads first), and the caller, who may
     * always take it. Agents cannot read the staff directory; this is the part of it a case needs.
     */
    async assignees(ctx: RequestContext, idOrNumber: string) {
      assertCan(ctx.actor, 'cases:work');
      const row = await load(db, ctx, idOrNumber);
      const members = row.teamId === null ? [] : await repo.listTeamStaff(db, row.teamId);
      const items = members.map((member) => ({ ...member, inTeam: true }));
      if (!members.some((member) => member.id === ctx.actor.userId)) {
        const me = await repo.findActiveStaff(db, ctx.actor.userId);
        if (me) items.push({ ...me, isLead: false, inTeam: false });
      }
      return { team: row.teamId === null ? null : { id: row.teamId, name: row.teamName ?? '' }, items };
    },

    /** Links between cases (parent/child, duplicate, related). */
    links: createCaseLinks(relations),
    /** Merge and split. */
    merging: createCaseMerge(relations),
    /** Full-text and identifier search (search.ts). */
    search: createCaseSearch({ db }),

    /** The case's whole event history, for the SLA engine to replay (no scope: internal callers only). */
    events: (executor: Db | Tx, accountId: string, caseId: string) =>
      repo.listEvents(executor, accountId, caseId),
    /** Many cases' events of the given types at once, by case id (a recomputation run's batch). */
    histories: (
      executor: Db | Tx,
      keys: Array<{ accountId: string; caseId: string }>,
      types: readonly string[],
    ) => repo.listHistories(executor, keys, types),

    async watch(ctx: RequestContext, idOrNumber: string, userId: string, watching: boolean) {
      assertCan(ctx.actor, 'cases:work');
      const row = await load(db, ctx, idOrNumber);
      if (!(await repo.findActiveStaff(db, userId)))
        throw new AppError('VALIDATION_FAILED', 'userId is not an active staff member', {
          errors: [{ path: 'body/userId', message: 'is not an active staff member' }],
        });
      await db.transaction().execute(async (tx) => {
        const key = { accountId: row.accountId, caseId: row.id, userId };
        const changed = watching ? await repo.addWatcher(tx, key) : await repo.removeWatcher(tx, key);
        if (changed)
          await recordAudit(
            tx,
            {
              ...auditContextOf(ctx),
              action: watching ? 'case.watcher_added' : 'case.watcher_removed',
              entityType: 'case',
              entityId: row.id,
              accountId: row.accountId,
              changes: { userId },
            },
            clock,
          );
      });
      return repo.listWatchers(db, row.accountId, row.id);
    },
  };

  /** The new status's bookkeeping: resolution and closing instants, cleared again on a reopen. */
  function moveTo(before: repo.CaseRow, to: CaseStatus, now: Date): repo.CaseChanges {
    checkTransition(before.status, to);
    const reopening = doneStatuses.includes(before.status) && !doneStatuses.includes(to);
    if (reopening) checkReopen(before.resolvedAt ?? before.closedAt, now, reopenWindowDays);
    return {
      status: to,
      ...(to === 'resolved' ? { resolvedAt: now } : {}),
      ...(to === 'closed' ? { closedAt: now, resolvedAt: before.resolvedAt ?? now } : {}),
      ...(reopening ? { resolvedAt: null, closedAt: null } : {}),
    };
  }
}

/** Statuses that are all open work: the open cases' queue indexes serve a filter on them too. */
function onlyOpen(statuses: CaseStatus[] | undefined) {
  return (
    statuses !== undefined &&
    statuses.length > 0 &&
    statuses.every((status) => !doneStatuses.includes(status))
  );
}

/** What routing did when a case landed in a team queue unassigned: the system's own events. */
function routingEvents(decision: RoutingDecision, teamId: string | null, at: Date): repo.NewCaseEvent[] {
  if (decision === null || teamId === null) return [];
  if ('skipped' in decision)
    return [{ type: 'assignment_skipped', at, actorId: null, data: { teamId, reason: decision.skipped } }];
  return [
    {
      type: 'assigned',
      at,
      actorId: null,
      data: {
        from: { teamId, assigneeId: null },
        to: { teamId, assigneeId: decision.assigneeId },
        by: 'routing',
      },
    },
  ];
}

const publicEventTypes = new Set([
  'opened',
  'status_changed',
  'customer_replied',
  'staff_replied',
  // Unless `internal`: an attachment of an internal note.
  'attachment_added',
  'attachment_removed',
]);

/** Tags are case-insensitive labels: trimmed, lower-cased, unique, in the order given. */
function normaliseTags(tags: string[]) {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

/**
 * The API's case. Written out field by field on purpose: spreading the 36-column row into a new
 * object with more fields after it took V8 ≈ 100 µs per case (its slow path for large object
 * spreads), 5 ms of CPU for a queue page of 50; this form takes ≈ 4 µs.
 */
export function presentCase(ctx: RequestContext | null, row: repo.CaseRow) {
  const internal = ctx === null || can(ctx.actor, 'cases:read-internal');
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    number: Number(row.number),
    reference: formatCaseNumber(row.number),
    subject: row.subject,
    type: row.type,
    status: row.status,
    allowedStatuses: [...allowedStatuses(row.status)],
    impact: row.impact,
    urgency: row.urgency,
    priority: row.priority,
    service:
      row.serviceId === null
        ? null
        : { id: row.serviceId, code: row.serviceCode ?? '', name: row.serviceName ?? '' },
    category: row.category,
    channel: row.channel,
    contact:
      row.contactId === null
        ? null
        : { id: row.contactId, name: row.contactName ?? '', email: row.contactEmail ?? '' },
    assignee: row.assigneeId === null ? null : { id: row.assigneeId, displayName: row.assigneeName ?? '' },
    language: row.language,
    externalReference: row.externalReference,
    version: row.version,
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    openedAt: row.openedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // Staff only; undefined fields are left out of the response.
    team: internal ? (row.teamId === null ? null : { id: row.teamId, name: row.teamName ?? '' }) : undefined,
    tags: internal ? row.tags : undefined,
    tier: internal ? row.tier : undefined,
    priorityReason: internal ? row.priorityReason : undefined,
  };
}

function presentMessage(row: repo.MessageRow) {
  const { authorId, authorName, authorAccountId, movedFromCaseId, movedBy, movedFromNumber, ...rest } = row;
  return {
    ...rest,
    author: authorId === null ? null : { id: authorId, displayName: authorName ?? '' },
    recordedByStaff: row.fromCustomer && authorId !== null && authorAccountId === null,
    movedFrom:
      movedFromCaseId === null || movedBy === null
        ? null
        : { caseId: movedFromCaseId, reference: formatCaseNumber(movedFromNumber ?? ''), by: movedBy },
    createdAt: row.createdAt.toISOString(),
  };
}

function caseNotFound() {
  return new AppError('CASE_NOT_FOUND', 'No such case');
}
