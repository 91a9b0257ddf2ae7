import { inScope, type Scope } from '../../platform/auth/index.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import {
  type AccountKind,
  type AccountSegment,
  type ContactRole,
  type OpportunityAudience,
  type OpportunityStatus,
} from '@paydesk/shared';

/**
 * Kysely only: no rules here. The service decides; this reads and writes. Reads of customer data
 * take the actor's Scope even where the service has already checked the account, so a missed check
 * cannot widen what a customer sees.
 *
 * Owners, authors and raisers are users, which the identity module owns: only their id and display
 * name are read here, to show who is who without a second round trip.
 */

/** Page position: the sort key of the last row the client saw. */
type After<K> = { after?: K; limit: number };

// Accounts

const accountColumns = [
  'accounts.id',
  'accounts.name',
  'accounts.legalName',
  'accounts.countryCode',
  'accounts.kind',
  'accounts.segment',
  'accounts.ownerId',
  'owner.displayName as ownerName',
  'accounts.defaultLanguage',
  'accounts.timeZone',
  'accounts.createdAt',
  'accounts.updatedAt',
] as const;

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export interface AccountFilter {
  search?: string;
  countryCode?: string;
  kind?: AccountKind;
  segment?: AccountSegment;
  ownerId?: string;
  serviceId?: string;
}

function selectAccounts(db: Executor, scope: Scope) {
  return inScope(
    db
      .selectFrom('accounts')
      .leftJoin('users as owner', 'owner.id', 'accounts.ownerId')
      .select(accountColumns),
    'accounts.id',
    scope,
  );
}

export function findAccount(db: Executor, scope: Scope, id: string) {
  return selectAccounts(db, scope).where('accounts.id', '=', id).executeTakeFirst();
}

function selectAccountId(db: Executor, scope: Scope, id: string) {
  return inScope(db.selectFrom('accounts').select('accounts.id'), 'accounts.id', scope).where(
    'accounts.id',
    '=',
    id,
  );
}

export function findAccountId(db: Executor, scope: Scope, id: string) {
  return selectAccountId(db, scope, id).executeTakeFirst();
}

/** Holds the account row until the transaction ends, so a change and its audited "before" agree. */
export function lockAccount(tx: Tx, scope: Scope, id: string) {
  return selectAccountId(tx, scope, id).forUpdate().executeTakeFirst();
}

export function listAccounts(
  db: Executor,
  scope: Scope,
  filter: AccountFilter,
  page: After<[name: string, id: string]>,
) {
  let query = selectAccounts(db, scope);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([eb('accounts.name', 'ilike', pattern), eb('accounts.legalName', 'ilike', pattern)]),
    );
  }
  if (filter.countryCode) query = query.where('accounts.countryCode', '=', filter.countryCode);
  if (filter.kind) query = query.where('accounts.kind', '=', filter.kind);
  if (filter.segment) query = query.where('accounts.segment', '=', filter.segment);
  if (filter.ownerId) query = query.where('accounts.ownerId', '=', filter.ownerId);
  const serviceId = filter.serviceId;
  if (serviceId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('accountServices')
          .select('accountServices.serviceId')
          .whereRef('accountServices.accountId', '=', 'accounts.id')
          .where('accountServices.serviceId', '=', serviceId),
      ),
    );
  }
  const after = page.after;
  if (after) {
    query = query.where((eb) => eb(eb.refTuple('accounts.name', 'accounts.id'), '>', eb.tuple(...after)));
  }
  return query
    .orderBy('accounts.name')
    .orderBy('accounts.id')
    .limit(page.limit + 1)
    .execute();
}

export interface AccountValues {
  name: string;
  legalName: string;
  countryCode: string;
  kind: AccountKind;
  segment: AccountSegment | null;
  ownerId: string | null;
  defaultLanguage: string;
  timeZone: string;
}

export function insertAccount(db: Executor, account: AccountValues) {
  return db.insertInto('accounts').values(account).returning('id').executeTakeFirstOrThrow();
}

export function updateAccount(tx: Tx, id: string, changes: Partial<AccountValues> & { updatedAt: Date }) {
  return tx.updateTable('accounts').set(changes).where('id', '=', id).execute();
}

/** Who may be named as an owner: the service decides from role and activity. */
export function findUserForAssignment(db: Executor, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'accountId', 'isActive'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// Contacts

const contactColumns = [
  'accountContacts.id',
  'accountContacts.accountId',
  'accountContacts.name',
  'accountContacts.jobTitle',
  'accountContacts.email',
  'accountContacts.phone',
  'accountContacts.language',
  'accountContacts.roles',
  'accountContacts.createdAt',
  'accountContacts.updatedAt',
] as const;

export type ContactRow = NonNullable<Awaited<ReturnType<typeof findContact>>>;

export interface ContactValues {
  name: string;
  jobTitle: string;
  email: string;
  phone: string | null;
  language: string;
  roles: ContactRole[];
}

function selectContacts(db: Executor, scope: Scope, accountId: string) {
  return inScope(
    db.selectFrom('accountContacts').select(contactColumns),
    'accountContacts.accountId',
    scope,
  ).where('accountContacts.accountId', '=', accountId);
}

export function findContact(db: Executor, scope: Scope, accountId: string, id: string) {
  return selectContacts(db, scope, accountId).where('accountContacts.id', '=', id).executeTakeFirst();
}

export function listContacts(
  db: Executor,
  scope: Scope,
  accountId: string,
  filter: { role?: ContactRole },
  page: After<[name: string, id: string]>,
) {
  let query = selectContacts(db, scope, accountId);
  const role = filter.role;
  if (role) query = query.where((eb) => eb(eb.val<string>(role), '=', eb.fn.any('accountContacts.roles')));
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('accountContacts.name', 'accountContacts.id'), '>', eb.tuple(...after)),
    );
  }
  return query
    .orderBy('accountContacts.name')
    .orderBy('accountContacts.id')
    .limit(page.limit + 1)
    .execute();
}

export function insertContact(tx: Tx, contact: ContactValues & { accountId: string; createdAt: Date }) {
  return tx
    .insertInto('accountContacts')
    .values({ ...contact, updatedAt: contact.createdAt })
    .returning(contactColumns)
    .executeTakeFirstOrThrow();
}

/** Locks the contact row for the rest of the transaction and returns it as it was. */
export function lockContact(tx: Tx, accountId: string, id: string) {
  return tx
    .selectFrom('accountContacts')
    .select(contactColumns)
    .where('accountContacts.accountId', '=', accountId)
    .where('accountContacts.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function updateContact(
  tx: Tx,
  accountId: string,
  id: string,
  changes: Partial<ContactValues> & { updatedAt: Date },
) {
  return tx
    .updateTable('accountContacts')
    .set(changes)
    .where('accountId', '=', accountId)
    .where('id', '=', id)
    .returning(contactColumns)
    .executeTakeFirstOrThrow();
}

export function deleteContact(tx: Tx, accountId: string, id: string) {
  return tx.deleteFrom('accountContacts').where('accountId', '=', accountId).where('id', '=', id).execute();
}

// The service catalogue (global reference data)

const serviceColumns = [
  'services.id',
  'services.code',
  'services.name',
  'services.description',
  'services.isActive',
] as const;

export type ServiceRow = NonNullable<Awaited<ReturnType<typeof findService>>>;

export function findService(db: Executor, id: string) {
  return db.selectFrom('services').select(serviceColumns).where('services.id', '=', id).executeTakeFirst();
}

export function listServices(db: Executor, filter: { includeRetired: boolean }) {
  let query = db.selectFrom('services').select(serviceColumns);
  if (!filter.includeRetired) query = query.where('services.isActive', '=', true);
  return query.orderBy('services.name').orderBy('services.id').execute();
}

export function insertService(tx: Tx, service: { code: string; name: string; description: string }) {
  return tx.insertInto('services').values(service).returning(serviceColumns).executeTakeFirstOrThrow();
}

export function lockService(tx: Tx, id: string) {
  return tx
    .selectFrom('services')
    .select(serviceColumns)
    .where('services.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function updateService(
  tx: Tx,
  id: string,
  changes: { name?: string; description?: string; isActive?: boolean; updatedAt: Date },
) {
  return tx
    .updateTable('services')
    .set(changes)
    .where('id', '=', id)
    .returning(serviceColumns)
    .executeTakeFirstOrThrow();
}

// Subscriptions: the services an account takes

export type SubscriptionRow = Awaited<ReturnType<typeof listSubscriptions>>[number];

function selectSubscriptions(db: Executor, scope: Scope, accountId: string) {
  return inScope(
    db
      .selectFrom('accountServices')
      .innerJoin('services', 'services.id', 'accountServices.serviceId')
      .select([
        'accountServices.accountId',
        'services.id as serviceId',
        'services.code as serviceCode',
        'services.name as serviceName',
        'services.isActive as serviceIsActive',
        'accountServices.createdAt',
      ])
      // A calendar date, not an instant: as text it cannot shift with the process's time zone.
      .select((eb) => eb.cast<string>('accountServices.startedOn', 'text').as('startedOn')),
    'accountServices.accountId',
    scope,
  ).where('accountServices.accountId', '=', accountId);
}

export function listSubscriptions(db: Executor, scope: Scope, accountId: string) {
  return selectSubscriptions(db, scope, accountId).orderBy('services.name').orderBy('services.id').execute();
}

export function findSubscription(db: Executor, scope: Scope, accountId: string, serviceId: string) {
  return selectSubscriptions(db, scope, accountId)
    .where('accountServices.serviceId', '=', serviceId)
    .executeTakeFirst();
}

export function insertSubscription(
  tx: Tx,
  subscription: { accountId: string; serviceId: string; startedOn: string; createdAt: Date },
) {
  return tx.insertInto('accountServices').values(subscription).execute();
}

export function deleteSubscription(tx: Tx, accountId: string, serviceId: string) {
  return tx
    .deleteFrom('accountServices')
    .where('accountId', '=', accountId)
    .where('serviceId', '=', serviceId)
    .returning((eb) => eb.cast<string>('startedOn', 'text').as('startedOn'))
    .executeTakeFirst();
}

// Relationship notes

export type NoteRow = NonNullable<Awaited<ReturnType<typeof findNote>>>;

function selectNotes(db: Executor, scope: Scope, accountId: string) {
  return inScope(
    db
      .selectFrom('accountNotes')
      .innerJoin('users as author', 'author.id', 'accountNotes.authorId')
      .select([
        'accountNotes.id',
        'accountNotes.accountId',
        'accountNotes.authorId',
        'author.displayName as authorName',
        'accountNotes.body',
        'accountNotes.createdAt',
        'accountNotes.updatedAt',
      ]),
    'accountNotes.accountId',
    scope,
  ).where('accountNotes.accountId', '=', accountId);
}

export function findNote(db: Executor, scope: Scope, accountId: string, id: string) {
  return selectNotes(db, scope, accountId).where('accountNotes.id', '=', id).executeTakeFirst();
}

/** Newest first. */
export function listNotes(db: Executor, scope: Scope, accountId: string, page: After<[Date, string]>) {
  let query = selectNotes(db, scope, accountId);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('accountNotes.createdAt', 'accountNotes.id'), '<', eb.tuple(...after)),
    );
  }
  return query
    .orderBy('accountNotes.createdAt', 'desc')
    .orderBy('accountNotes.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export function insertNote(
  tx: Tx,
  note: { accountId: string; authorId: string; body: string; createdAt: Date },
) {
  return tx
    .insertInto('accountNotes')
    .values({ ...note, updatedAt: note.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function lockNote(tx: Tx, accountId: string, id: string) {
  return tx
    .selectFrom('accountNotes')
    .select(['id', 'authorId', 'body'])
    .where('accountId', '=', accountId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function updateNote(
  tx: Tx,
  accountId: string,
  id: string,
  changes: { body: string; updatedAt: Date },
) {
  return tx
    .updateTable('accountNotes')
    .set(changes)
    .where('accountId', '=', accountId)
    .where('id', '=', id)
    .execute();
}

// Opportunities

export type OpportunityRow = NonNullable<Awaited<ReturnType<typeof findOpportunity>>>;

export interface OpportunityValues {
  title: string;
  description: string;
  status: OpportunityStatus;
  raisedTo: OpportunityAudience;
  /** Minor units as a decimal string: bigint in the database, never a JavaScript number. */
  valueMinor: string | null;
  valueCurrency: string | null;
  nextStep: string;
  ownerId: string | null;
}

const opportunityColumns = [
  'accountOpportunities.id',
  'accountOpportunities.accountId',
  'accountOpportunities.title',
  'accountOpportunities.description',
  'accountOpportunities.status',
  'accountOpportunities.raisedTo',
  'accountOpportunities.valueMinor',
  'accountOpportunities.valueCurrency',
  'accountOpportunities.nextStep',
  'accountOpportunities.ownerId',
  'accountOpportunities.raisedBy',
  'accountOpportunities.createdAt',
  'accountOpportunities.updatedAt',
] as const;

function selectOpportunities(db: Executor, scope: Scope, accountId: string) {
  return inScope(
    db
      .selectFrom('accountOpportunities')
      .leftJoin('users as owner', 'owner.id', 'accountOpportunities.ownerId')
      .innerJoin('users as raiser', 'raiser.id', 'accountOpportunities.raisedBy')
      .select(opportunityColumns)
      .select(['owner.displayName as ownerName', 'raiser.displayName as raisedByName']),
    'accountOpportunities.accountId',
    scope,
  ).where('accountOpportunities.accountId', '=', accountId);
}

export function findOpportunity(db: Executor, scope: Scope, accountId: string, id: string) {
  return selectOpportunities(db, scope, accountId)
    .where('accountOpportunities.id', '=', id)
    .executeTakeFirst();
}

/** Newest first. */
export function listOpportunities(
  db: Executor,
  scope: Scope,
  accountId: string,
  filter: { status?: OpportunityStatus },
  page: After<[Date, string]>,
) {
  let query = selectOpportunities(db, scope, accountId);
  if (filter.status) query = query.where('accountOpportunities.status', '=', filter.status);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('accountOpportunities.createdAt', 'accountOpportunities.id'), '<', eb.tuple(...after)),
    );
  }
  return query
    .orderBy('accountOpportunities.createdAt', 'desc')
    .orderBy('accountOpportunities.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export function insertOpportunity(
  tx: Tx,
  opportunity: OpportunityValues & { accountId: string; raisedBy: string; createdAt: Date },
) {
  return tx
    .insertInto('accountOpportunities')
    .values({ ...opportunity, updatedAt: opportunity.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function lockOpportunity(tx: Tx, accountId: string, id: string) {
  return tx
    .selectFrom('accountOpportunities')
    .select(opportunityColumns)
    .where('accountId', '=', accountId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function updateOpportunity(
  tx: Tx,
  accountId: string,
  id: string,
  changes: Partial<OpportunityValues> & { updatedAt: Date },
) {
  return tx
    .updateTable('accountOpportunities')
    .set(changes)
    .where('accountId', '=', accountId)
    .where('id', '=', id)
    .execute();
}
