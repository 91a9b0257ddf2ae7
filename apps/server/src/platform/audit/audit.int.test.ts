import fc from 'fast-check';
import { sql, type RawBuilder } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.ts';
import { fixedClock } from '../clock.ts';
import type { DatabaseHandle, Db, Tx } from '../db/index.ts';
import { GENESIS_HASH, hashAuditRow } from './audit-hash.ts';
import { recordAudit, verifyAuditChain, type AuditEntry } from './index.ts';

let handle: DatabaseHandle;
let db: Db;
const clock = fixedClock(new Date('2026-03-01T09:00:00.123Z'));

// Each test gets a fresh migrated database: the chain always starts at seq 1.
beforeEach(async () => {
  handle = await openTestDatabase(inject('testTemplate'));
  db = handle.db;
});
afterEach(() => handle.close());

function buildEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actor: { type: 'user', id: 'usr_ada' },
    action: 'case.assigned',
    entityType: 'case',
    entityId: 'case_1',
    accountId: '0b7e7dd2-4a63-4f3c-9d0e-2f6c1d9b8a11',
    changes: { ownerId: { from: null, to: 'usr_bob' } },
    requestId: 'req_1',
    sourceIp: '203.0.113.9',
    ...overrides,
  };
}

async function recordEntries(count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    clock.advance(1);
    await db.transaction().execute((tx) => recordAudit(tx, buildEntry({ entityId: `case_${i}` }), clock));
  }
}

/** Tampers as a superuser could: the append-only triggers off only while these statements run. */
async function tamper(...statements: RawBuilder<unknown>[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`alter table audit_log disable trigger user`.execute(tx);
    for (const statement of statements) await statement.execute(tx);
    await sql`alter table audit_log enable trigger user`.execute(tx);
  });
}

function readChain() {
  return db.selectFrom('auditLog').selectAll().orderBy('seq').execute();
}

describe('audit chain', () => {
  it('verifies an empty log', async () => {
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 0, lastSeq: null });
  });

  it('links N entries from seq 1 and verifies them across page boundaries', async () => {
    await recordEntries(20);
    // Several entries in one transaction chain on each other too.
    await db.transaction().execute(async (tx) => {
      for (const entityId of ['case_a', 'case_b', 'case_c'])
        await recordAudit(tx, buildEntry({ entityId }), clock);
    });

    const rows = await readChain();
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 23 }, (_, i) => String(i + 1)));
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]?.hash));
    for (const batchSize of [1, 7, 23, 1000]) {
      expect(await verifyAuditChain(db, { batchSize })).toEqual({ ok: true, checked: 23, lastSeq: '23' });
    }
  });

  it('stores the entry as given', async () => {
    clock.advance(1);
    const at = clock.now();
    await db.transaction().execute((tx) =>
      recordAudit(
        tx,
        buildEntry({
          actor: { type: 'api_token', id: 'tok_1' },
          accountId: '0B7E7DD2-4A63-4F3C-9D0E-2F6C1D9B8A11',
          changes: { amount: { from: 100n, to: 250n }, at: new Date('2026-01-01T00:00:00Z') },
        }),
        clock,
      ),
    );
    expect(await db.selectFrom('auditLog').selectAll().executeTakeFirstOrThrow()).toMatchObject({
      seq: '1',
      occurredAt: at,
      actorType: 'api_token',
      actorId: 'tok_1',
      accountId: '0b7e7dd2-4a63-4f3c-9d0e-2f6c1d9b8a11',
      action: 'case.assigned',
      entityType: 'case',
      entityId: 'case_1',
      changes: { amount: { from: '100', to: '250' }, at: '2026-01-01T00:00:00.000Z' },
      requestId: 'req_1',
      sourceIp: '203.0.113.9',
      prevHash: GENESIS_HASH,
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 1 });
  });

  it('refuses an account id PostgreSQL would store in another spelling', async () => {
    await expect(
      db
        .transaction()
        .execute((tx) =>
          recordAudit(tx, buildEntry({ accountId: '{0b7e7dd2-4a63-4f3c-9d0e-2f6c1d9b8a11}' }), clock),
        ),
    ).rejects.toThrow(/not a UUID/);
  });

  it('refuses to record outside a transaction', async () => {
    await expect(recordAudit(db as unknown as Tx, buildEntry(), clock)).rejects.toThrow(
      /inside the transaction/,
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 0, lastSeq: null });
  });

  it('verifies whatever JSON and text an entry carries, once read back from jsonb', async () => {
    // Neither text nor jsonb can hold U+0000: PostgreSQL refuses it, failing the whole transaction.
    const text = fc.string({ unit: 'binary' }).filter((s) => !s.includes('\u0000'));
    const changes = fc.dictionary(
      text,
      fc.jsonValue({ stringUnit: 'binary' }).filter((v) => !JSON.stringify(v).includes('\\u0000')),
    );
    let recorded = 0;
    await fc.assert(
      fc.asyncProperty(changes, text, fc.option(text), async (value, entityType, entityId) => {
        await db
          .transaction()
          .execute((tx) => recordAudit(tx, buildEntry({ changes: value, entityType, entityId }), clock));
        recorded += 1;
      }),
      { numRuns: 40 },
    );
    // The classic traps: lone surrogates, numbers jsonb rewrites (1e21, -0, 5e-324), and keys the
    // CamelCasePlugin would rewrite on the way back (snake_case, "__proto__").
    await db.transaction().execute((tx) =>
      recordAudit(
        tx,
        buildEntry({
          entityId: 'lone \ud800 surrogate',
          changes: {
            ...(JSON.parse('{"__proto__":{"is_admin":true}}') as object),
            csrf_token_hash: { from: null, to: '[redacted]' },
            'k\udc00': 'v\ud800',
            big: 1e21,
            negativeZero: -0,
            tiny: 5e-324,
            pi: Math.PI,
            z: 1,
            a: { y: 2, b: 3 },
          },
        }),
        clock,
      ),
    );
    expect(await verifyAuditChain(db)).toEqual({
      ok: true,
      checked: recorded + 1,
      lastSeq: String(recorded + 1),
    });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the table itself', async () => {
    await recordEntries(2);
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 2`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 2, lastSeq: '2' });
  });

  it('leaves no trace of an entry whose transaction rolled back', async () => {
    await recordEntries(3);
    await expect(
      db.transaction().execute(async (tx) => {
        await recordAudit(tx, buildEntry({ entityId: 'case_rolled_back' }), clock);
        throw new Error('mutation failed');
      }),
    ).rejects.toThrow('mutation failed');

    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 3, lastSeq: '3' });
    await recordEntries(1);
    const rows = await readChain();
    expect(rows.map((row) => row.entityId)).not.toContain('case_rolled_back');
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 4, lastSeq: '4' });
  });

  it('keeps one gapless chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction().execute(async (tx) => {
          await sql`select 1`.execute(tx);
          await recordAudit(tx, buildEntry({ entityId: `parallel_${i}` }), clock);
          // Holding the transaction open widens the window in which an unlocked writer would
          // read the same head and fork the chain.
          await sql`select pg_sleep(0.01)`.execute(tx);
        }),
      ),
    );

    const rows = await readChain();
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(new Set(rows.map((row) => row.entityId)).size).toBe(20);
    expect(await verifyAuditChain(db, { batchSize: 6 })).toEqual({ ok: true, checked: 20, lastSeq: '20' });
  });

  it('refuses a batch size that is not a positive integer', async () => {
    await expect(verifyAuditChain(db, { batchSize: 0 })).rejects.toThrow(RangeError);
  });

  describe('reports the first broken link', () => {
    beforeEach(() => recordEntries(6));

    it('an edited row: hash_mismatch at that row', async () => {
      await tamper(
        sql`update audit_log set changes = '{"ownerId":{"from":null,"to":"usr_eve"}}' where seq = 4`,
      );
      expect(await verifyAuditChain(db, { batchSize: 3 })).toEqual({
        ok: false,
        checked: 3,
        firstBrokenSeq: '4',
        reason: 'hash_mismatch',
      });
    });

    it('an edit below millisecond precision: hash_mismatch', async () => {
      await tamper(
        sql`update audit_log set occurred_at = occurred_at + interval '1 microsecond' where seq = 2`,
      );
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 1,
        firstBrokenSeq: '2',
        reason: 'hash_mismatch',
      });
    });

    it('an edited row whose hash was recomputed: prev_hash_mismatch at the next row', async () => {
      const stored = await db
        .selectFrom('auditLog')
        .selectAll()
        .where('seq', '=', '3')
        .executeTakeFirstOrThrow();
      const forged = { ...stored, changes: { ownerId: { from: null, to: 'usr_eve' } } };
      await tamper(
        sql`update audit_log set changes = ${JSON.stringify(forged.changes)}, hash = ${hashAuditRow(forged)} where seq = 3`,
      );
      expect(await verifyAuditChain(db, { batchSize: 3 })).toEqual({
        ok: false,
        checked: 3,
        firstBrokenSeq: '4',
        reason: 'prev_hash_mismatch',
      });
    });

    it.each([
      ['infinity', sql`'infinity'`],
      ['beyond the range of a JS Date', sql`'290000-01-01T00:00:00Z'`],
    ])('an occurred_at of %s: hash_mismatch, not a crash', async (_name, value) => {
      await tamper(sql`update audit_log set occurred_at = ${value} where seq = 5`);
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 4,
        firstBrokenSeq: '5',
        reason: 'hash_mismatch',
      });
    });

    it('a deleted middle row: sequence_gap at the missing seq', async () => {
      await tamper(sql`delete from audit_log where seq = 4`);
      expect(await verifyAuditChain(db, { batchSize: 3 })).toEqual({
        ok: false,
        checked: 3,
        firstBrokenSeq: '4',
        reason: 'sequence_gap',
      });
    });

    it('a deleted first row: sequence_gap at seq 1', async () => {
      await tamper(sql`delete from audit_log where seq = 1`);
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 0,
        firstBrokenSeq: '1',
        reason: 'sequence_gap',
      });
    });

    it('a deleted row with the rest renumbered: prev_hash_mismatch where the chain was cut', async () => {
      await tamper(
        sql`delete from audit_log where seq = 3`,
        sql`update audit_log set seq = seq - 1 where seq = 4`,
        sql`update audit_log set seq = seq - 1 where seq = 5`,
        sql`update audit_log set seq = seq - 1 where seq = 6`,
      );
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 2,
        firstBrokenSeq: '3',
        reason: 'prev_hash_mismatch',
      });
    });

    it('two rows swapped: prev_hash_mismatch at the first', async () => {
      await tamper(
        sql`update audit_log set seq = -1 where seq = 3`,
        sql`update audit_log set seq = 3 where seq = 4`,
        sql`update audit_log set seq = 4 where seq = -1`,
      );
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 2,
        firstBrokenSeq: '3',
        reason: 'prev_hash_mismatch',
      });
    });

    it('several tamperings: only the earliest', async () => {
      await tamper(
        sql`delete from audit_log where seq = 5`,
        sql`update audit_log set action = 'case.closed' where seq = 2`,
      );
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 1,
        firstBrokenSeq: '2',
        reason: 'hash_mismatch',
      });
    });
  });
});
