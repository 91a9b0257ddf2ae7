import type { ColumnType, Generated } from 'kysely';

/**
 * The database as Kysely sees it (camelCase; the CamelCasePlugin maps to snake_case). Each module
 * owns its tables; this file only describes them so queries are typed.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface AccountsTable {
  id: Generated<string>;
  name: string;
  legalName: string;
  countryCode: string;
  kind: 'bank' | 'psp' | 'biller' | 'acquirer';
  defaultLanguage: Generated<string>;
  timeZone: Generated<string>;
  segment: 'strategic' | 'enterprise' | 'mid_market' | 'emerging' | null;
  ownerId: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  role: string;
  accountId: string | null;
  tier: number | null;
  language: Generated<string>;
  timeZone: Generated<string>;
  passwordHash: string;
  passwordChangedAt: Timestamp;
  failedLoginCount: Generated<number>;
  lockedUntil: Date | null;
  isActive: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  timeZone: Generated<string>;
  createdAt: CreatedAt;
}

export interface TeamMembersTable {
  teamId: string;
  userId: string;
  isLead: Generated<boolean>;
}

export interface SessionsTable {
  id: Generated<string>;
  tokenHash: string;
  csrfTokenHash: string;
  userId: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Date;
}

export interface ApiTokensTable {
  id: Generated<string>;
  userId: string;
  name: string;
  tokenPrefix: string;
  tokenHash: string;
  scopes: string[];
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: CreatedAt;
}

export interface PasswordResetTokensTable {
  id: Generated<string>;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: CreatedAt;
}

export interface AuditLogTable {
  seq: string;
  occurredAt: Date;
  actorType: 'user' | 'api_token' | 'system' | 'anonymous';
  actorId: string | null;
  accountId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: ColumnType<unknown, string, never>;
  requestId: string | null;
  sourceIp: string | null;
  prevHash: string;
  hash: string;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  state: 'in_progress' | 'completed';
  responseStatus: number | null;
  responseHeaders: ColumnType<Record<string, string> | null, string | null, string | null>;
  responseBody: string | null;
  createdAt: Timestamp;
  completedAt: Date | null;
}

export interface AccountContactsTable {
  accountId: string;
  id: Generated<string>;
  name: string;
  jobTitle: Generated<string>;
  email: string;
  phone: string | null;
  language: Generated<string>;
  roles: Generated<string[]>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface ServicesTable {
  id: Generated<string>;
  code: string;
  name: string;
  description: Generated<string>;
  isActive: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface AccountServicesTable {
  accountId: string;
  serviceId: string;
  /** A calendar date: node-postgres would read it as local midnight, so queries cast it to text. */
  startedOn: ColumnType<Date, string, string>;
  createdAt: CreatedAt;
}

export interface AccountNotesTable {
  accountId: string;
  id: Generated<string>;
  authorId: string;
  body: string;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface AccountOpportunitiesTable {
  accountId: string;
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  status: Generated<'open' | 'in_progress' | 'won' | 'lost' | 'parked'>;
  raisedTo: 'account_manager' | 'product_manager';
  /** bigint minor units: the driver gives int8 back as a decimal string, never a lossy number. */
  valueMinor: ColumnType<string | null, string | bigint | null, string | bigint | null>;
  valueCurrency: string | null;
  nextStep: Generated<string>;
  ownerId: string | null;
  raisedBy: string;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface BusinessCalendarsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  /** jsonb, written as JSON text; read back as text (`spec::text`) so no plugin rewrites its keys. */
  spec: ColumnType<unknown, string, string>;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** A calendar's spec as of a version, governing from `effectiveFrom` (null: from the beginning). */
export interface BusinessCalendarChangesTable {
  calendarId: string;
  version: number;
  effectiveFrom: Date | null;
  /** jsonb, written as JSON text and read back as text, as business_calendars.spec. */
  spec: ColumnType<unknown, string, never>;
  madeAt: Timestamp;
  madeBy: string | null;
}

export interface Database {
  accounts: AccountsTable;
  users: UsersTable;
  teams: TeamsTable;
  teamMembers: TeamMembersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  passwordResetTokens: PasswordResetTokensTable;
  auditLog: AuditLogTable;
  idempotencyKeys: IdempotencyKeysTable;
  accountContacts: AccountContactsTable;
  services: ServicesTable;
  accountServices: AccountServicesTable;
  accountNotes: AccountNotesTable;
  accountOpportunities: AccountOpportunitiesTable;
  businessCalendars: BusinessCalendarsTable;
  businessCalendarChanges: BusinessCalendarChangesTable;
}
