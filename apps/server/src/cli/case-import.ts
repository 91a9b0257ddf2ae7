import { sql } from 'kysely';
import type { CaseStatus, Role } from '@paydesk/shared';
import type { Services } from '../app.ts';
import { allowedStatuses } from '../modules/cases/index.ts';
import type { RequestContext } from '../platform/auth/index.ts';
import { withModuleTables, type Db, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { describeImportError, validateRecord, type ImportCase, type ImportRecord } from './cases-commands.ts';

/** Declared here, next to the only code that writes it: the external ids already imported. */
type ImportTables = {
  caseImports: {
    source: string;
    externalId: string;
    accountId: string;
    caseId: string;
    importedAt: Date;
  };
};

export interface ImportSummary {
  source: string;
  total: number;
  imported: number;
  skipped: number;
  failed: number;
  errors: Array<{ line: number; externalId: string | null; message: string }>;
}

/**
 * Replays each case through the cases service at its original times: opened at created_at, its
 * messages at theirs (the service's reply rules move the status as they would have), then the
 * shortest path through the status graph to its status at updated_at. One transaction per case:
 * a case that fails leaves nothing behind, and the next one is tried.
 */
export async function importCases(
  db: Db,
  services: Services,
  records: ImportRecord[],
  options: { source: string; now?: Date; onProgress?: (done: number) => void },
): Promise<ImportSummary> {
  const now = options.now ?? new Date();
  const summary: ImportSummary = {
    source: options.source,
    total: records.length,
    imported: 0,
    skipped: 0,
    failed: 0,
    errors: [],
  };
  const accounts = new Map<string, string | undefined>();
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    const valid = validateRecord(record, now);
    const externalId = typeof record.fields.externalid === 'string' ? record.fields.externalid.trim() : null;
    const fail = (message: string) => {
      summary.failed++;
      summary.errors.push({ line: record.line, externalId, message });
    };
    if ('problems' in valid) fail(valid.problems.join('; '));
    else if (seen.has(valid.externalId)) fail(`external_id: ${valid.externalId} appears twice in the file`);
    else {
      seen.add(valid.externalId);
      try {
        const outcome = await db
          .transaction()
          .execute((tx) => importOne(tx, services, valid, options.source, accounts, now));
        summary[outcome]++;
      } catch (error) {
        fail(describeImportError(error));
      }
    }
    options.onProgress?.(index + 1);
  }
  return summary;
}

async function importOne(
  tx: Tx,
  services: Services,
  record: ImportCase,
  source: string,
  accounts: Map<string, string | undefined>,
  now: Date,
): Promise<'imported' | 'skipped'> {
  const imports = withModuleTables<ImportTables>(tx);
  const before = await imports
    .selectFrom('caseImports')
    .select('caseId')
    .where('source', '=', source)
    .where('externalId', '=', record.externalId)
    .executeTakeFirst();
  if (before) return 'skipped';

  const accountId = await findAccount(tx, record.account, accounts);
  if (!accountId) throw problem('account', `no account with the id or name "${record.account}"`);
  let contactId: string | undefined;
  if (record.contactEmail) {
    const contact = await tx
      .selectFrom('accountContacts')
      .select('id')
      .where('accountId', '=', accountId)
      .where('email', '=', record.contactEmail)
      .executeTakeFirst();
    if (!contact) throw problem('contact_email', `${record.contactEmail} is not a contact of the account`);
    contactId = contact.id;
  }
  const authors = new Map<string, RequestContext>();
  for (const message of record.messages)
    if (!authors.has(message.authorEmail))
      authors.set(message.authorEmail, await authorContext(tx, message.authorEmail, accountId, record));

  const created = await services.cases.create(
    null,
    {
      accountId,
      subject: record.subject,
      description: record.description,
      type: record.type,
      impact: record.impact,
      urgency: record.urgency,
      channel: record.channel,
      tags: record.tags,
      ...(record.language ? { language: record.language } : {}),
      ...(record.serviceCode ? { serviceCode: record.serviceCode } : {}),
      ...(record.externalReference ? { externalReference: record.externalReference } : {}),
      ...(contactId ? { contactId } : {}),
    },
    { at: record.createdAt, tx },
  );
  for (const message of record.messages)
    await services.cases.addMessage(
      authors.get(message.authorEmail)!,
      created.id,
      { visibility: message.visibility, body: message.body },
      { at: message.at, tx },
    );
  const current = (await services.cases.get(null, created.id, { tx })).status;
  for (const status of statusPath(current, record.status))
    await services.cases.update(null, created.id, undefined, { status }, { at: record.updatedAt, tx });
  await imports
    .insertInto('caseImports')
    .values({ source, externalId: record.externalId, accountId, caseId: created.id, importedAt: now })
    .execute();
  return 'imported';
}

async function findAccount(tx: Tx, nameOrId: string, cache: Map<string, string | undefined>) {
  const key = nameOrId.toLowerCase();
  if (!cache.has(key)) {
    const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(nameOrId);
    const rows = await tx
      .selectFrom('accounts')
      .select('id')
      .where((eb) => (isId ? eb('id', '=', key) : eb(sql`lower(name)`, '=', key)))
      .limit(2)
      .execute();
    if (rows.length > 1) throw problem('account', `several accounts are named "${nameOrId}": give its id`);
    cache.set(key, rows[0]?.id);
  }
  return cache.get(key);
}

/** The message's author as the service sees a signed-in user: staff, or a user of the case's account. */
async function authorContext(
  tx: Tx,
  email: string,
  accountId: string,
  record: ImportCase,
): Promise<RequestContext> {
  const user = await tx
    .selectFrom('users')
    .select(['id', 'role', 'accountId', 'tier', 'isActive'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user?.isActive) throw problem('messages.author', `${email} is not an active Paydesk user`);
  if (user.accountId !== null && user.accountId !== accountId)
    throw problem('messages.author', `${email} is a user of another account than ${record.account}`);
  return {
    actor: {
      kind: 'user',
      userId: user.id,
      role: user.role as Role,
      accountId: user.accountId,
      tier: user.tier as 1 | 2 | 3 | null,
      via: 'session',
      sessionId: null,
      tokenId: null,
      scopes: [],
    },
    requestId: `import:${record.externalId}`,
    ip: null,
  };
}

/** The shortest way through the status graph (e.g. open → resolved → closed); [] when already there. */
export function statusPath(from: CaseStatus, to: CaseStatus): CaseStatus[] {
  const previous = new Map<CaseStatus, CaseStatus>([[from, from]]);
  const queue: CaseStatus[] = [from];
  while (queue.length > 0 && !previous.has(to)) {
    const status = queue.shift()!;
    for (const next of allowedStatuses(status))
      if (!previous.has(next)) {
        previous.set(next, status);
        queue.push(next);
      }
  }
  const path: CaseStatus[] = [];
  for (let status = to; status !== from; status = previous.get(status)!) path.unshift(status);
  return path;
}

function problem(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });
}
