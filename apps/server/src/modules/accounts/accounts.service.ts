import type { Static } from 'typebox';
import { staffRoles, type Language, type Role } from '@paydesk/shared';
import { describeChanges, recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import {
  assertCan,
  auditContextOf,
  can,
  scopeOf,
  type Permission,
  type RequestContext,
  type Scope,
} from '../../platform/auth/index.ts';
import { isValidTimeZone, type Clock } from '../../platform/clock.ts';
import { refuseDuplicates, type Db, type Executor, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import * as repo from './accounts.repository.ts';
import {
  type CreateAccountBody,
  type CreateContactBody,
  type CreateOpportunityBody,
  type CreateServiceBody,
  type SubscribeBody,
  type UpdateAccountBody,
  type UpdateContactBody,
  type UpdateOpportunityBody,
  type UpdateServiceBody,
} from './accounts.schemas.ts';
import { contactRoles, type ContactRole } from '@paydesk/shared';
import { isCountryCode, isCurrencyCode } from './iso-codes.ts';

export type NewAccount = Static<typeof CreateAccountBody>;
export type AccountChanges = Static<typeof UpdateAccountBody>;
export type NewContact = Static<typeof CreateContactBody>;
export type ContactChanges = Static<typeof UpdateContactBody>;
export type NewService = Static<typeof CreateServiceBody>;
export type ServiceChanges = Static<typeof UpdateServiceBody>;
export type NewSubscription = Static<typeof SubscribeBody>;
export type NewOpportunity = Static<typeof CreateOpportunityBody>;
export type OpportunityChanges = Static<typeof UpdateOpportunityBody>;

interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/** What an audit entry says about the change itself; who and where come from the context. */
type AuditFields = Omit<AuditEntry, 'actor' | 'requestId' | 'sourceIp'>;

/** The system (seeding, the CLI) acts on every account. */
const everything: Scope = { kind: 'all' };
const largestBigint = 2n ** 63n - 1n;

const accountAuditFields = [
  'name',
  'legalName',
  'countryCode',
  'kind',
  'segment',
  'ownerId',
  'defaultLanguage',
  'timeZone',
] as const;
const contactAuditFields = ['name', 'jobTitle', 'email', 'phone', 'language', 'roles'] as const;
const serviceAuditFields = ['code', 'name', 'description', 'isActive'] as const;
const opportunityAuditFields = [
  'title',
  'description',
  'status',
  'raisedTo',
  'valueMinor',
  'valueCurrency',
  'nextStep',
  'ownerId',
] as const;

/**
 * Customer organisations and the relationship with them: the accounts themselves (the tenant
 * boundary), their contacts, the service catalogue and the services each account takes, and the
 * internal side — relationship notes and opportunities — that customers never see.
 *
 * Everything about one account first finds the account in the actor's scope and only then checks
 * the permission: a customer asking about another account gets 404 (existence is not disclosed),
 * one asking for the internal data of their own account gets 403.
 */
export function createAccountsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  function audit(tx: Tx, ctx: RequestContext | null, entry: AuditFields) {
    return recordAudit(tx, { ...auditContextOf(ctx), ...entry }, clock);
  }

  async function requireAccount(
    executor: Executor,
    ctx: RequestContext | null,
    accountId: string,
    permission: Permission,
  ) {
    if (!(await repo.findAccountId(executor, scopeFor(ctx), accountId))) throw accountNotFound();
    if (ctx) assertCan(ctx.actor, permission);
  }

  /** A user who may be named as responsible: active, and in one of `roles`. */
  async function assertAssignable(
    executor: Executor,
    userId: string,
    roles: readonly Role[],
    path: string,
    what: string,
  ) {
    const user = await repo.findUserForAssignment(executor, userId);
    if (!user || !user.isActive || !roles.includes(user.role as Role)) throw invalid(path, `is not ${what}`);
  }

  async function validateAccount(executor: Executor, account: Partial<repo.AccountValues>) {
    if (account.countryCode !== undefined && !isCountryCode(account.countryCode)) {
      throw invalid('body/countryCode', 'is not an ISO 3166-1 country code');
    }
    if (account.timeZone !== undefined && !isValidTimeZone(account.timeZone)) {
      throw invalid('body/timeZone', 'is not an IANA time zone');
    }
    if (account.ownerId) {
      await assertAssignable(
        executor,
        account.ownerId,
        ['account_manager'],
        'body/ownerId',
        'an active account manager',
      );
    }
  }

  async function loadAccount(executor: Executor, ctx: RequestContext | null, id: string) {
    const account = await repo.findAccount(executor, scopeFor(ctx), id);
    if (!account) throw accountNotFound();
    return presentAccount(ctx, account);
  }

  async function loadNote(executor: Executor, scope: Scope, accountId: string, noteId: string) {
    const note = await repo.findNote(executor, scope, accountId, noteId);
    if (!note) throw new AppError('ACCOUNT_NOTE_NOT_FOUND', 'No such note on this account');
    return presentNote(note);
  }

  async function loadOpportunity(executor: Executor, scope: Scope, accountId: string, id: string) {
    const opportunity = await repo.findOpportunity(executor, scope, accountId, id);
    if (!opportunity) throw new AppError('OPPORTUNITY_NOT_FOUND', 'No such opportunity on this account');
    return presentOpportunity(opportunity);
  }

  async function validateOpportunity(executor: Executor, changes: { ownerId?: string | null | undefined }) {
    if (changes.ownerId) {
      await assertAssignable(executor, changes.ownerId, staffRoles, 'body/ownerId', 'an active staff user');
    }
  }

  return {
    // Accounts

    async list(ctx: RequestContext, query: PageRequest & repo.AccountFilter) {
      assertCan(ctx.actor, 'accounts:read');
      // Filtering by segment would tell a customer their own account's internal classification.
      if (query.segment) assertCan(ctx.actor, 'accounts:read-internal');
      const after = decodeCursor(query.cursor, 2);
      const { limit, cursor: _cursor, ...filter } = query;
      const rows = await repo.listAccounts(db, scopeOf(ctx.actor), normaliseFilter(filter), {
        limit,
        ...(after ? { after: [String(after[0]), String(after[1])] } : {}),
      });
      const page = toPage(rows, limit, (a) => [a.name, a.id]);
      return { items: page.items.map((row) => presentAccount(ctx, row)), nextCursor: page.nextCursor };
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'accounts:read');
      return loadAccount(db, ctx, id);
    },

    async create(ctx: RequestContext | null, input: NewAccount) {
      if (ctx) assertCan(ctx.actor, 'accounts:manage');
      const values: repo.AccountValues = {
        name: input.name.trim(),
        legalName: input.legalName.trim(),
        countryCode: input.countryCode.toUpperCase(),
        kind: input.kind,
        segment: input.segment ?? null,
        ownerId: input.ownerId ?? null,
        defaultLanguage: input.defaultLanguage ?? 'en',
        timeZone: input.timeZone ?? 'Europe/London',
      };
      await validateAccount(db, values);
      return refuseDuplicates('ACCOUNT_ALREADY_EXISTS', { accounts_name_key: 'body/name' }, () =>
        db.transaction().execute(async (tx) => {
          const { id } = await repo.insertAccount(tx, values);
          await audit(tx, ctx, {
            action: 'account.created',
            entityType: 'account',
            entityId: id,
            accountId: id,
            changes: describeChanges(null, values, accountAuditFields),
          });
          return loadAccount(tx, ctx, id);
        }),
      );
    },

    async update(ctx: RequestContext | null, id: string, input: AccountChanges) {
      const changes = definedOnly<Partial<repo.AccountValues>>({
        ...input,
        name: input.name?.trim(),
        legalName: input.legalName?.trim(),
        countryCode: input.countryCode?.toUpperCase(),
      });
      return refuseDuplicates('ACCOUNT_ALREADY_EXISTS', { accounts_name_key: 'body/name' }, () =>
        db.transaction().execute(async (tx) => {
          if (!(await repo.lockAccount(tx, scopeFor(ctx), id))) throw accountNotFound();
          if (ctx) assertCan(ctx.actor, 'accounts:manage');
          await validateAccount(tx, changes);
          const before = await repo.findAccount(tx, everything, id);
          const described = describeChanges(before ?? null, changes, accountAuditFields);
          if (Object.keys(described).length > 0) {
            await repo.updateAccount(tx, id, { ...changes, updatedAt: clock.now() });
            await audit(tx, ctx, {
              action: 'account.updated',
              entityType: 'account',
              entityId: id,
              accountId: id,
              changes: described,
            });
          }
          return loadAccount(tx, ctx, id);
        }),
      );
    },

    // Contacts

    async listContacts(ctx: RequestContext, accountId: string, query: PageRequest & { role?: ContactRole }) {
      await requireAccount(db, ctx, accountId, 'accounts:read');
      const after = decodeCursor(query.cursor, 2);
      const rows = await repo.listContacts(
        db,
        scopeOf(ctx.actor),
        accountId,
        query.role ? { role: query.role } : {},
        { limit: query.limit, ...(after ? { after: [String(after[0]), String(after[1])] } : {}) },
      );
      const page = toPage(rows, query.limit, (c) => [c.name, c.id]);
      return { items: page.items.map(presentContact), nextCursor: page.nextCursor };
    },

    async getContact(ctx: RequestContext, accountId: string, contactId: string) {
      await requireAccount(db, ctx, accountId, 'accounts:read');
      const contact = await repo.findContact(db, scopeOf(ctx.actor), accountId, contactId);
      if (!contact) throw contactNotFound();
      return presentContact(contact);
    },

    async createContact(ctx: RequestContext | null, accountId: string, input: NewContact) {
      const values = normaliseContact({
        jobTitle: '',
        phone: null,
        language: 'en',
        roles: [],
        ...input,
      }) as repo.ContactValues;
      return refuseDuplicates('CONTACT_ALREADY_EXISTS', { account_contacts_email_key: 'body/email' }, () =>
        db.transaction().execute(async (tx) => {
          await requireAccount(tx, ctx, accountId, 'contacts:manage');
          const contact = await repo.insertContact(tx, { ...values, accountId, createdAt: clock.now() });
          await audit(tx, ctx, {
            action: 'contact.created',
            entityType: 'contact',
            entityId: contact.id,
            accountId,
            changes: describeChanges(null, values, contactAuditFields),
          });
          return presentContact(contact);
        }),
      );
    },

    async updateContact(
      ctx: RequestContext | null,
      accountId: string,
      contactId: string,
      input: ContactChanges,
    ) {
      const changes = normaliseContact(input);
      return refuseDuplicates('CONTACT_ALREADY_EXISTS', { account_contacts_email_key: 'body/email' }, () =>
        db.transaction().execute(async (tx) => {
          await requireAccount(tx, ctx, accountId, 'contacts:manage');
          const before = await repo.lockContact(tx, accountId, contactId);
          if (!before) throw contactNotFound();
          const described = describeChanges(presentContact(before), changes, contactAuditFields);
          if (Object.keys(described).length === 0) return presentContact(before);
          const after = await repo.updateContact(tx, accountId, contactId, {
            ...changes,
            updatedAt: clock.now(),
          });
          await audit(tx, ctx, {
            action: 'contact.updated',
            entityType: 'contact',
            entityId: contactId,
            accountId,
            changes: described,
          });
          return presentContact(after);
        }),
      );
    },

    async deleteContact(ctx: RequestContext | null, accountId: string, contactId: string) {
      await db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'contacts:manage');
        const before = await repo.lockContact(tx, accountId, contactId);
        if (!before) throw contactNotFound();
        await repo.deleteContact(tx, accountId, contactId);
        await audit(tx, ctx, {
          action: 'contact.deleted',
          entityType: 'contact',
          entityId: contactId,
          accountId,
          changes: describeChanges<Record<string, unknown>>(
            before,
            cleared(contactAuditFields),
            contactAuditFields,
          ),
        });
      });
    },

    // The service catalogue

    async listServices(ctx: RequestContext, query: { includeRetired?: boolean | undefined }) {
      assertCan(ctx.actor, 'accounts:read');
      return repo.listServices(db, { includeRetired: query.includeRetired ?? false });
    },

    async createService(ctx: RequestContext | null, input: NewService) {
      if (ctx) assertCan(ctx.actor, 'services:manage');
      const values = { code: input.code, name: input.name.trim(), description: input.description ?? '' };
      return refuseDuplicates(
        'SERVICE_ALREADY_EXISTS',
        { services_code_key: 'body/code', services_name_key: 'body/name' },
        () =>
          db.transaction().execute(async (tx) => {
            const service = await repo.insertService(tx, values);
            await audit(tx, ctx, {
              action: 'service.created',
              entityType: 'service',
              entityId: service.id,
              changes: describeChanges(null, service, serviceAuditFields),
            });
            return service;
          }),
      );
    },

    async updateService(ctx: RequestContext | null, id: string, input: ServiceChanges) {
      if (ctx) assertCan(ctx.actor, 'services:manage');
      const changes = definedOnly({ ...input, name: input.name?.trim() });
      return refuseDuplicates('SERVICE_ALREADY_EXISTS', { services_name_key: 'body/name' }, () =>
        db.transaction().execute(async (tx) => {
          const before = await repo.lockService(tx, id);
          if (!before) throw serviceNotFound();
          const described = describeChanges<repo.ServiceRow>(before, changes, serviceAuditFields);
          if (Object.keys(described).length === 0) return before;
          const after = await repo.updateService(tx, id, { ...changes, updatedAt: clock.now() });
          await audit(tx, ctx, {
            action: 'service.updated',
            entityType: 'service',
            entityId: id,
            changes: described,
          });
          return after;
        }),
      );
    },

    // Subscriptions

    async listSubscriptions(ctx: RequestContext, accountId: string) {
      await requireAccount(db, ctx, accountId, 'accounts:read');
      return (await repo.listSubscriptions(db, scopeOf(ctx.actor), accountId)).map(presentSubscription);
    },

    async subscribe(ctx: RequestContext | null, accountId: string, input: NewSubscription) {
      return refuseDuplicates(
        'SUBSCRIPTION_ALREADY_EXISTS',
        { account_services_pkey: 'body/serviceId' },
        () =>
          db.transaction().execute(async (tx) => {
            await requireAccount(tx, ctx, accountId, 'services:manage');
            const service = await repo.findService(tx, input.serviceId);
            if (!service) throw serviceNotFound();
            if (!service.isActive) throw invalid('body/serviceId', 'is retired from the catalogue');
            await repo.insertSubscription(tx, {
              accountId,
              serviceId: service.id,
              startedOn: input.startedOn,
              createdAt: clock.now(),
            });
            await audit(tx, ctx, {
              action: 'account.service_added',
              entityType: 'account',
              entityId: accountId,
              accountId,
              changes: { service: service.code, startedOn: input.startedOn },
            });
            const subscription = await repo.findSubscription(tx, everything, accountId, service.id);
            return presentSubscription(subscription!);
          }),
      );
    },

    async unsubscribe(ctx: RequestContext | null, accountId: string, serviceId: string) {
      await db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'services:manage');
        const removed = await repo.deleteSubscription(tx, accountId, serviceId);
        if (!removed) throw new AppError('SUBSCRIPTION_NOT_FOUND', 'The account does not take this service');
        // Catalogue services are retired, never deleted: the foreign key keeps this one.
        const service = (await repo.findService(tx, serviceId))!;
        await audit(tx, ctx, {
          action: 'account.service_removed',
          entityType: 'account',
          entityId: accountId,
          accountId,
          changes: { service: service.code, startedOn: removed.startedOn },
        });
      });
    },

    // Relationship notes (internal)

    async listNotes(ctx: RequestContext, accountId: string, query: PageRequest) {
      await requireAccount(db, ctx, accountId, 'account-notes:read');
      const after = decodeInstantCursor(query.cursor);
      const rows = await repo.listNotes(db, scopeOf(ctx.actor), accountId, {
        limit: query.limit,
        ...(after ? { after } : {}),
      });
      const page = toPage(rows, query.limit, (n) => [n.createdAt.toISOString(), n.id]);
      return { items: page.items.map(presentNote), nextCursor: page.nextCursor };
    },

    /** Notes are written by a person: the signed-in user is the author. */
    async addNote(ctx: RequestContext, accountId: string, input: { body: string }) {
      return db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'account-notes:write');
        const { id } = await repo.insertNote(tx, {
          accountId,
          authorId: ctx.actor.userId,
          body: input.body,
          createdAt: clock.now(),
        });
        await audit(tx, ctx, {
          action: 'account_note.created',
          entityType: 'account_note',
          entityId: id,
          accountId,
          changes: describeChanges(null, input, ['body']),
        });
        return loadNote(tx, everything, accountId, id);
      });
    },

    /** Only the author may correct a note; the audit log keeps what it said before. */
    async editNote(ctx: RequestContext, accountId: string, noteId: string, input: { body: string }) {
      return db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'account-notes:write');
        const before = await repo.lockNote(tx, accountId, noteId);
        if (!before) throw new AppError('ACCOUNT_NOTE_NOT_FOUND', 'No such note on this account');
        if (before.authorId !== ctx.actor.userId) {
          throw new AppError('AUTH_FORBIDDEN', 'Only the author may edit a note');
        }
        const described = describeChanges(before, input, ['body']);
        if (Object.keys(described).length > 0) {
          await repo.updateNote(tx, accountId, noteId, { body: input.body, updatedAt: clock.now() });
          await audit(tx, ctx, {
            action: 'account_note.updated',
            entityType: 'account_note',
            entityId: noteId,
            accountId,
            changes: described,
          });
        }
        return loadNote(tx, everything, accountId, noteId);
      });
    },

    // Opportunities (internal)

    async listOpportunities(
      ctx: RequestContext,
      accountId: string,
      query: PageRequest & { status?: repo.OpportunityValues['status'] | undefined },
    ) {
      await requireAccount(db, ctx, accountId, 'opportunities:read');
      const after = decodeInstantCursor(query.cursor);
      const rows = await repo.listOpportunities(
        db,
        scopeOf(ctx.actor),
        accountId,
        query.status ? { status: query.status } : {},
        { limit: query.limit, ...(after ? { after } : {}) },
      );
      const page = toPage(rows, query.limit, (o) => [o.createdAt.toISOString(), o.id]);
      return { items: page.items.map(presentOpportunity), nextCursor: page.nextCursor };
    },

    async getOpportunity(ctx: RequestContext, accountId: string, opportunityId: string) {
      await requireAccount(db, ctx, accountId, 'opportunities:read');
      return loadOpportunity(db, scopeOf(ctx.actor), accountId, opportunityId);
    },

    /** Raised by the signed-in user, to an account manager or product management. */
    async raiseOpportunity(ctx: RequestContext, accountId: string, input: NewOpportunity) {
      const values: repo.OpportunityValues = {
        title: input.title.trim(),
        description: input.description ?? '',
        status: input.status ?? 'open',
        raisedTo: input.raisedTo,
        ...toStoredValue(input.value ?? null),
        nextStep: input.nextStep ?? '',
        ownerId: input.ownerId ?? null,
      };
      return db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'opportunities:raise');
        await validateOpportunity(tx, values);
        const { id } = await repo.insertOpportunity(tx, {
          ...values,
          accountId,
          raisedBy: ctx.actor.userId,
          createdAt: clock.now(),
        });
        await audit(tx, ctx, {
          action: 'opportunity.created',
          entityType: 'opportunity',
          entityId: id,
          accountId,
          changes: describeChanges(null, values, opportunityAuditFields),
        });
        return loadOpportunity(tx, everything, accountId, id);
      });
    },

    async updateOpportunity(
      ctx: RequestContext,
      accountId: string,
      opportunityId: string,
      input: OpportunityChanges,
    ) {
      const { value, ...rest } = input;
      const changes = definedOnly<Partial<repo.OpportunityValues>>({
        ...rest,
        title: rest.title?.trim(),
        ...(value !== undefined ? toStoredValue(value) : {}),
      });
      return db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'opportunities:manage');
        const before = await repo.lockOpportunity(tx, accountId, opportunityId);
        if (!before) throw new AppError('OPPORTUNITY_NOT_FOUND', 'No such opportunity on this account');
        await validateOpportunity(tx, changes);
        const described = describeChanges(before, changes, opportunityAuditFields);
        if (Object.keys(described).length > 0) {
          await repo.updateOpportunity(tx, accountId, opportunityId, { ...changes, updatedAt: clock.now() });
          await audit(tx, ctx, {
            action: 'opportunity.updated',
            entityType: 'opportunity',
            entityId: opportunityId,
            accountId,
            changes: described,
          });
        }
        return loadOpportunity(tx, everything, accountId, opportunityId);
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

function scopeFor(ctx: RequestContext | null): Scope {
  return ctx ? scopeOf(ctx.actor) : everything;
}

function invalid(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', `${path.replace(/^body\//, '')} ${message}`, {
    errors: [{ path, message }],
  });
}

function accountNotFound() {
  return new AppError('ACCOUNT_NOT_FOUND', 'No such account');
}

function contactNotFound() {
  return new AppError('CONTACT_NOT_FOUND', 'No such contact on this account');
}

function serviceNotFound() {
  return new AppError('SERVICE_NOT_FOUND', 'No such service in the catalogue');
}

/** Drops the fields a PATCH did not mention, so they are neither written nor audited. */
function definedOnly<T extends object>(changes: { [K in keyof T]?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as T;
}

/** Every field as null: what a deletion changes each of them to, in the audit log. */
function cleared<K extends string>(fields: readonly K[]) {
  return Object.fromEntries(fields.map((field) => [field, null])) as Record<K, null>;
}

function normaliseFilter(filter: repo.AccountFilter): repo.AccountFilter {
  return definedOnly({ ...filter, countryCode: filter.countryCode?.toUpperCase() });
}

function normaliseContact(input: ContactChanges): Partial<repo.ContactValues> {
  return definedOnly<Partial<repo.ContactValues>>({
    ...input,
    name: input.name?.trim(),
    jobTitle: input.jobTitle?.trim(),
    email: input.email?.trim().toLowerCase(),
    phone: input.phone === undefined ? undefined : toE164(input.phone),
    // One order, whatever order they were sent in: a reordering is not a change.
    roles: input.roles ? contactRoles.filter((role) => input.roles?.includes(role)) : undefined,
  });
}

/** People type numbers with spaces and brackets; stored and compared as E.164. */
function toE164(phone: string | null): string | null {
  if (phone === null) return null;
  const compact = phone.replace(/[\s().-]/g, '');
  if (!/^\+[1-9][0-9]{6,14}$/.test(compact)) {
    throw invalid('body/phone', 'is not an international number (E.164, such as +44 20 7946 0000)');
  }
  return compact;
}

/**
 * Money in: an integer of minor units that fits a bigint and a currency in circulation, or a clear
 * error. Never a floating-point number on the way (the schema refuses anything but digits).
 */
function toStoredValue(value: { amountMinor: string; currency: string } | null) {
  if (value === null) return { valueMinor: null, valueCurrency: null };
  const currency = value.currency.toUpperCase();
  if (!isCurrencyCode(currency)) {
    throw invalid('body/value/currency', 'is not an ISO 4217 currency in circulation');
  }
  const amount = BigInt(value.amountMinor);
  if (amount > largestBigint) throw invalid('body/value/amountMinor', `exceeds ${largestBigint} minor units`);
  return { valueMinor: amount.toString(), valueCurrency: currency };
}

/** Newest-first lists page by (created instant, id); instants come from the clock, in milliseconds. */
function decodeInstantCursor(cursor: string | undefined): [Date, string] | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const at = new Date(String(key[0]));
  if (Number.isNaN(at.getTime())) {
    throw new AppError('PAGINATION_CURSOR_INVALID', 'The cursor is not one this endpoint issued');
  }
  return [at, String(key[1])];
}

function userRef(id: string | null, displayName: string | null) {
  return id === null ? null : { id, displayName: displayName ?? '' };
}

/** The segment is an internal classification: customer users see their account without it. */
function presentAccount(ctx: RequestContext | null, row: repo.AccountRow) {
  const { ownerId, ownerName, segment, ...rest } = row;
  return {
    ...rest,
    ...(ctx === null || can(ctx.actor, 'accounts:read-internal') ? { segment } : {}),
    defaultLanguage: row.defaultLanguage as Language,
    owner: userRef(ownerId, ownerName),
  };
}

function presentContact(row: repo.ContactRow) {
  return { ...row, language: row.language as Language, roles: row.roles as ContactRole[] };
}

function presentSubscription(row: repo.SubscriptionRow) {
  return {
    accountId: row.accountId,
    service: {
      id: row.serviceId,
      code: row.serviceCode,
      name: row.serviceName,
      isActive: row.serviceIsActive,
    },
    startedOn: row.startedOn,
    createdAt: row.createdAt,
  };
}

function presentNote(row: repo.NoteRow) {
  const { authorId, authorName, ...rest } = row;
  return { ...rest, author: { id: authorId, displayName: authorName } };
}

function presentOpportunity(row: repo.OpportunityRow) {
  const { valueMinor, valueCurrency, ownerId, ownerName, raisedBy, raisedByName, ...rest } = row;
  return {
    ...rest,
    value:
      valueMinor !== null && valueCurrency !== null
        ? { amountMinor: valueMinor, currency: valueCurrency }
        : null,
    owner: userRef(ownerId, ownerName),
    raisedBy: { id: raisedBy, displayName: raisedByName },
  };
}
