import type { Executor } from '../db/engine.ts';
import { GENESIS_HASH, hashAuditRow } from './audit-hash.ts';
import { findAuditRowsAfter, type StoredAuditRow } from './audit.repository.ts';
import type { JsonValue } from './canonical-json.ts';

/**
 * `checked` counts the rows found intact, in seq order, before the first broken one. On a
 * sequence_gap `firstBrokenSeq` is the first missing seq (the deleted row); otherwise it is the row
 * whose hash does not match its content or whose prev_hash is not the previous row's hash.
 */
export type AuditVerification =
  | { ok: true; checked: number; lastSeq: string | null }
  | {
      ok: false;
      checked: number;
      firstBrokenSeq: string;
      reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
    };

type BrokenReason = Extract<AuditVerification, { ok: false }>['reason'];

/**
 * Walks the whole chain from seq 1 in pages of `batchSize` rows (keyset pagination on seq), so
 * memory stays flat however long the log is. Rows appended while it runs are checked too.
 * Deleting rows from the end cannot be detected from the table alone: compare `lastSeq` with a
 * value kept elsewhere for that.
 */
export async function verifyAuditChain(
  db: Executor,
  options: { batchSize?: number } = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  let checked = 0;
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let lastSeq: string | null = null;
  for (;;) {
    const rows = await findAuditRowsAfter(db, lastSeq, batchSize);
    for (const row of rows) {
      const seq = BigInt(row.seq);
      const broken = findBreak(row, seq, expectedSeq, prevHash);
      if (broken !== null) return { ok: false, checked, ...broken };
      checked += 1;
      expectedSeq = seq + 1n;
      prevHash = row.hash;
      lastSeq = row.seq;
    }
    if (rows.length < batchSize) return { ok: true, checked, lastSeq };
  }
}

function findBreak(
  row: StoredAuditRow,
  seq: bigint,
  expectedSeq: bigint,
  prevHash: string,
): { firstBrokenSeq: string; reason: BrokenReason } | null {
  if (seq !== expectedSeq) {
    // Past the expected seq, rows are missing from expectedSeq on; before it (seq < 1, only the
    // first row can be) the row itself cannot belong to the chain.
    return { firstBrokenSeq: (seq > expectedSeq ? expectedSeq : seq).toString(), reason: 'sequence_gap' };
  }
  if (row.prevHash !== prevHash) return { firstBrokenSeq: row.seq, reason: 'prev_hash_mismatch' };
  const occurredAt = toHashedInstant(row.occurredAtMicros);
  const isIntact =
    occurredAt !== null &&
    hashAuditRow({
      seq: row.seq,
      occurredAt,
      actorType: row.actorType,
      actorId: row.actorId,
      accountId: row.accountId,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      // canonicalJson restores the key order jsonb changed.
      changes: JSON.parse(row.changesJson) as JsonValue,
      requestId: row.requestId,
      sourceIp: row.sourceIp,
      prevHash: row.prevHash,
    }) === row.hash;
  return isIntact ? null : { firstBrokenSeq: row.seq, reason: 'hash_mismatch' };
}

/**
 * The stored instant as recordAudit hashed it, or null when recordAudit cannot have written it: an
 * infinite timestamp, sub-millisecond digits, or a year beyond what a JS Date holds. Such a row was
 * edited, and must be reported as such rather than crash the walk.
 */
function toHashedInstant(micros: string | null): Date | null {
  if (micros === null) return null;
  const exact = BigInt(micros);
  if (exact % 1000n !== 0n) return null;
  const instant = new Date(Number(exact / 1000n));
  return Number.isNaN(instant.getTime()) ? null : instant;
}
