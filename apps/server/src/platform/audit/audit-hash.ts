import { createHash } from 'node:crypto';
import type { AuditLogTable } from '../db/schema.ts';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

/** The prev_hash of the first row (seq 1): there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every audit_log column except hash, as it is stored. */
export interface ChainedAuditRow {
  seq: string;
  occurredAt: Date;
  actorType: AuditLogTable['actorType'];
  actorId: string | null;
  accountId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: JsonValue;
  requestId: string | null;
  sourceIp: string | null;
  prevHash: string;
}

/**
 * The canonical form, version 1. This is a compatibility contract: rows already written are
 * verified with it, so it must never change (a new form needs a new chain or a version column).
 *
 * It is the canonical JSON (see canonicalJson: members sorted by key in UTF-16 code-unit order, no
 * whitespace, strings and numbers as JSON.stringify writes them) of one object whose members are
 * the columns under their snake_case names, so in this order:
 *
 *   account_id   lower-case hyphenated UUID string, or null
 *   action       string
 *   actor_id     string or null
 *   actor_type   'user' | 'api_token' | 'system' | 'anonymous'
 *   changes      the stored JSON value, itself canonical (keys sorted at every depth)
 *   entity_id    string or null
 *   entity_type  string
 *   occurred_at  UTC instant with millisecond precision, 'YYYY-MM-DDTHH:mm:ss.sssZ'
 *                (Date.prototype.toISOString); the stored timestamptz holds exactly this instant
 *   prev_hash    64 lower-case hex digits; GENESIS_HASH (64 zeros) for seq 1
 *   request_id   string or null
 *   seq          decimal string (a bigint does not fit a JSON number)
 *   source_ip    string or null
 *
 * for example
 * {"account_id":null,"action":"user.created","actor_id":null,"actor_type":"system","changes":{},
 *  "entity_id":"u1","entity_type":"user","occurred_at":"2026-01-02T03:04:05.678Z","prev_hash":"000…0",
 *  "request_id":null,"seq":"1","source_ip":null}
 *
 * The hash column is the lower-case hex SHA-256 of that text encoded as UTF-8.
 */
export function canonicalAuditRow(row: ChainedAuditRow): string {
  return canonicalJson({
    seq: row.seq,
    occurred_at: row.occurredAt.toISOString(),
    actor_type: row.actorType,
    actor_id: row.actorId,
    account_id: row.accountId,
    action: row.action,
    entity_type: row.entityType,
    entity_id: row.entityId,
    changes: row.changes,
    request_id: row.requestId,
    source_ip: row.sourceIp,
    prev_hash: row.prevHash,
  });
}

export function hashAuditRow(row: ChainedAuditRow): string {
  return createHash('sha256').update(canonicalAuditRow(row), 'utf8').digest('hex');
}
