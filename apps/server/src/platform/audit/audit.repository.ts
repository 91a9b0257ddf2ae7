import { sql } from 'kysely';
import type { Executor, Tx } from '../db/engine.ts';
import type { ChainedAuditRow } from './audit-hash.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * The advisory lock key reserved for the audit chain: the ASCII bytes of "audit". Kysely's migrator
 * holds 3853314791062309107; any other advisory lock in Paydesk must pick its own key.
 */
const AUDIT_CHAIN_LOCK_KEY = 0x61_75_64_69_74;

/**
 * Serialises appenders on every server process until the caller's transaction ends, so the head
 * read next is still the head when the new row commits and the chain stays linear.
 */
export async function lockAuditChain(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`.execute(tx);
}

export async function findAuditChainHead(tx: Tx): Promise<{ seq: string; hash: string } | undefined> {
  return tx.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertAuditRow(tx: Tx, row: ChainedAuditRow, hash: string): Promise<void> {
  await tx
    .insertInto('auditLog')
    .values({
      seq: row.seq,
      occurredAt: row.occurredAt,
      actorType: row.actorType,
      actorId: row.actorId,
      accountId: row.accountId,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      changes: canonicalJson(row.changes),
      requestId: row.requestId,
      sourceIp: row.sourceIp,
      prevHash: row.prevHash,
      hash,
    })
    .execute();
}

export interface StoredAuditRow extends Omit<ChainedAuditRow, 'occurredAt' | 'changes'> {
  /**
   * occurred_at as microseconds since the epoch, read exactly: the driver's Date would silently
   * drop sub-millisecond digits that a tampered row might carry. Null for ±infinity.
   */
  occurredAtMicros: string | null;
  /**
   * changes as jsonb's text: through the driver and the CamelCasePlugin, nested keys would come
   * back camelCased ("csrf_token" as "csrfToken", "__proto__" as a prototype) and fail the hash.
   */
  changesJson: string;
  hash: string;
}

const occurredAtMicros = sql<string | null>`
  case when isfinite(occurred_at) then (extract(epoch from occurred_at) * 1000000)::bigint end`;

/** One page of the chain in seq order, after `afterSeq` (keyset pagination, from the start if null). */
export async function findAuditRowsAfter(
  db: Executor,
  afterSeq: string | null,
  limit: number,
): Promise<StoredAuditRow[]> {
  let query = db
    .selectFrom('auditLog')
    .select([
      'seq',
      occurredAtMicros.as('occurredAtMicros'),
      'actorType',
      'actorId',
      'accountId',
      'action',
      'entityType',
      'entityId',
      sql<string>`changes::text`.as('changesJson'),
      'requestId',
      'sourceIp',
      'prevHash',
      'hash',
    ])
    .orderBy('seq')
    .limit(limit);
  if (afterSeq !== null) query = query.where('seq', '>', afterSeq);
  return query.execute();
}

/** The newest entries first, optionally for one entity or account (keyset pagination on seq). */
export function listAuditEntries(
  db: Executor,
  filter: { entityType?: string; entityId?: string; accountId?: string },
  page: { limit: number; beforeSeq?: string },
) {
  let query = db
    .selectFrom('auditLog')
    .select([
      'seq',
      'occurredAt',
      'actorType',
      'actorId',
      'accountId',
      'action',
      'entityType',
      'entityId',
      'changes',
      'requestId',
      'sourceIp',
      'hash',
    ])
    .orderBy('seq', 'desc')
    .limit(page.limit + 1);
  if (filter.entityType) query = query.where('entityType', '=', filter.entityType);
  if (filter.entityId) query = query.where('entityId', '=', filter.entityId);
  if (filter.accountId) query = query.where('accountId', '=', filter.accountId);
  if (page.beforeSeq) query = query.where('seq', '<', page.beforeSeq);
  return query.execute();
}
