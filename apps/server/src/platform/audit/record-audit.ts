import type { Clock } from '../clock.ts';
import type { Tx } from '../db/engine.ts';
import { GENESIS_HASH, hashAuditRow, type ChainedAuditRow } from './audit-hash.ts';
import { findAuditChainHead, insertAuditRow, lockAuditChain } from './audit.repository.ts';
import { toJsonValue, toWellFormed } from './canonical-json.ts';

export interface AuditActor {
  type: 'user' | 'api_token' | 'system' | 'anonymous';
  id: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  /** What happened, `<entity>.<past tense>`: 'user.created', 'auth.login_failed'. */
  action: string;
  entityType: string;
  entityId: string | null;
  accountId?: string | null;
  /** Usually from describeChanges, which redacts secrets; stored as JSON (bigints as strings). */
  changes?: Record<string, unknown>;
  requestId?: string | null;
  sourceIp?: string | null;
}

const canonicalUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Appends one entry to the audit chain inside the caller's transaction, so it commits (or rolls
 * back) with the change it describes and a rolled-back change leaves no gap.
 *
 * Every appender holds the chain lock until its transaction ends: call this as the last statement
 * of the transaction, after the row locks the mutation needs, to keep the wait short and avoid
 * lock-order deadlocks. Run it at READ COMMITTED (the default): a snapshot older than the lock
 * would read a stale head, and the primary key on seq then refuses the duplicate rather than let
 * the chain fork.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry, clock: Clock): Promise<void> {
  // Outside a transaction the lock would be released after its own statement and the entry would
  // not commit with its change; the type says Tx, this also stops a cast from getting round it.
  if (!tx.isTransaction) {
    throw new TypeError('recordAudit must run inside the transaction of the change it records');
  }
  await lockAuditChain(tx);
  const head = await findAuditChainHead(tx);
  const row: ChainedAuditRow = {
    seq: head === undefined ? '1' : (BigInt(head.seq) + 1n).toString(),
    // Read under the lock so occurred_at follows seq order (on one clock); a JS Date has
    // millisecond precision, which timestamptz holds exactly, so the hashed instant is the stored one.
    occurredAt: clock.now(),
    actorType: entry.actor.type,
    actorId: toStoredText(entry.actor.id),
    accountId: toStoredUuid(entry.accountId ?? null),
    action: toWellFormed(entry.action),
    entityType: toWellFormed(entry.entityType),
    entityId: toStoredText(entry.entityId),
    changes: toJsonValue(entry.changes ?? {}),
    requestId: toStoredText(entry.requestId ?? null),
    sourceIp: toStoredText(entry.sourceIp ?? null),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  await insertAuditRow(tx, row, hashAuditRow(row));
}

function toStoredText(text: string | null): string | null {
  return text === null ? null : toWellFormed(text);
}

/**
 * PostgreSQL accepts several spellings of a UUID but gives back only the lower-case hyphenated
 * one; a row hashed with any other spelling would fail verification forever, so refuse it here.
 */
function toStoredUuid(id: string | null): string | null {
  if (id === null) return null;
  const lower = id.toLowerCase();
  if (!canonicalUuid.test(lower)) throw new TypeError(`audit accountId is not a UUID: ${JSON.stringify(id)}`);
  return lower;
}
