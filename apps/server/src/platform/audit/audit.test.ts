import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalAuditRow, hashAuditRow, type ChainedAuditRow } from './audit-hash.ts';
import { canonicalJson, toJsonValue, type JsonValue } from './canonical-json.ts';
import { describeChanges } from './describe-changes.ts';

/** The same value with every object's members inserted in another order, chosen by `seed`. */
function reorderKeys(value: JsonValue, seed: number): JsonValue {
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, seed));
  if (value === null || typeof value !== 'object') return value;
  const rank = (key: string) => createHash('sha1').update(`${seed}:${key}`).digest().readUInt32BE(0);
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([key, item]) => [key, reorderKeys(item, seed)]),
  );
}

const anyJson = fc.jsonValue({ stringUnit: 'binary' }) as fc.Arbitrary<JsonValue>;

function buildRow(overrides: Partial<ChainedAuditRow> = {}): ChainedAuditRow {
  return {
    seq: '1',
    occurredAt: new Date('2026-01-02T03:04:05.678Z'),
    actorType: 'system',
    actorId: null,
    accountId: null,
    action: 'user.created',
    entityType: 'user',
    entityId: 'u1',
    changes: {},
    requestId: null,
    sourceIp: null,
    prevHash: GENESIS_HASH,
    ...overrides,
  };
}

describe('canonicalJson', () => {
  it('sorts members by key at every depth, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ z: true, y: null }, 'x'], A: { d: 'é', c: 1.5 } })).toBe(
      '{"A":{"c":1.5,"d":"é"},"a":[{"y":null,"z":true},"x"],"b":1}',
    );
  });

  it('orders keys by UTF-16 code unit, not by locale or by jsonb length-first order', () => {
    expect(canonicalJson({ bb: 1, a: 2, B: 3, '\u00e9': 4, '10': 5, '9': 6 })).toBe(
      '{"10":5,"9":6,"B":3,"a":2,"bb":1,"é":4}',
    );
  });

  it('is independent of the order in which keys were inserted', () => {
    fc.assert(
      fc.property(anyJson, fc.integer(), (value, seed) => {
        expect(canonicalJson(reorderKeys(value, seed))).toBe(canonicalJson(value));
      }),
    );
  });

  it('survives a JSON round trip unchanged, as a value read back from jsonb must', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const canonical = canonicalJson(toJsonValue(value));
        expect(canonicalJson(JSON.parse(canonical) as JsonValue)).toBe(canonical);
      }),
    );
  });
});

describe('toJsonValue', () => {
  it('stores what JSON would, with bigints as decimal strings', () => {
    expect(
      toJsonValue({
        amount: 12345678901234567890n,
        at: new Date('2026-01-02T03:04:05.678Z'),
        gone: undefined,
        nan: Number.NaN,
        list: [undefined, 1],
      }),
    ).toEqual({ amount: '12345678901234567890', at: '2026-01-02T03:04:05.678Z', nan: null, list: [null, 1] });
  });

  it('replaces lone surrogates in keys and values, as the driver does for text', () => {
    expect(toJsonValue({ 'k\ud800': 'v\udc00', pair: '😀' })).toEqual({ 'k\ufffd': 'v\ufffd', pair: '😀' });
  });

  it('keeps a "__proto__" key as data', () => {
    const value = toJsonValue(JSON.parse('{"__proto__":{"polluted":true}}'));
    expect(canonicalJson(value)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('canonical audit row', () => {
  // The compatibility contract: rows already in the log are verified with this exact text.
  it('is the canonical JSON of the snake_case columns, hashed with SHA-256', () => {
    const row = buildRow({
      seq: '42',
      actorType: 'user',
      actorId: 'usr_1',
      accountId: '0b7e7dd2-4a63-4f3c-9d0e-2f6c1d9b8a11',
      changes: { role: { to: 'agent', from: null } },
      requestId: 'req-1',
      sourceIp: '203.0.113.9',
      prevHash: 'ab'.repeat(32),
    });
    const text =
      '{"account_id":"0b7e7dd2-4a63-4f3c-9d0e-2f6c1d9b8a11","action":"user.created","actor_id":"usr_1",' +
      '"actor_type":"user","changes":{"role":{"from":null,"to":"agent"}},"entity_id":"u1","entity_type":"user",' +
      `"occurred_at":"2026-01-02T03:04:05.678Z","prev_hash":"${'ab'.repeat(32)}","request_id":"req-1",` +
      '"seq":"42","source_ip":"203.0.113.9"}';
    expect(canonicalAuditRow(row)).toBe(text);
    expect(hashAuditRow(row)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('changes with any column, prev_hash included', () => {
    const hash = hashAuditRow(buildRow());
    expect(hashAuditRow(buildRow({ seq: '2' }))).not.toBe(hash);
    expect(hashAuditRow(buildRow({ occurredAt: new Date('2026-01-02T03:04:05.679Z') }))).not.toBe(hash);
    expect(hashAuditRow(buildRow({ entityId: null }))).not.toBe(hash);
    expect(hashAuditRow(buildRow({ changes: { a: 1 } }))).not.toBe(hash);
    expect(hashAuditRow(buildRow({ prevHash: '1'.repeat(64) }))).not.toBe(hash);
  });
});

describe('describeChanges', () => {
  interface Profile {
    displayName: string;
    language: string;
    scopes: string[];
    lockedUntil: Date | null;
    passwordHash: string;
    csrf_token: string;
    apiKey: string | null;
  }
  const fields = [
    'displayName',
    'language',
    'scopes',
    'lockedUntil',
    'passwordHash',
    'csrf_token',
    'apiKey',
  ] as const;
  const before: Profile = {
    displayName: 'Ada',
    language: 'en',
    scopes: ['read'],
    lockedUntil: new Date('2026-01-01T00:00:00Z'),
    passwordHash: '$argon2id$old',
    csrf_token: 'c1',
    apiKey: null,
  };

  it('records only the fields whose value changed', () => {
    const after = {
      ...before,
      displayName: 'Ada L.',
      scopes: ['read'],
      lockedUntil: new Date('2026-01-01T00:00:00Z'),
    };
    expect(describeChanges<Profile>(before, after, fields)).toEqual({
      displayName: { from: 'Ada', to: 'Ada L.' },
    });
  });

  it('ignores fields not listed and fields the update leaves out', () => {
    expect(describeChanges<Profile>(before, { language: 'pl', displayName: 'Ada L.' }, ['language'])).toEqual(
      {
        language: { from: 'en', to: 'pl' },
      },
    );
  });

  it('records a creation from null', () => {
    expect(describeChanges<Profile>(null, { displayName: 'Ada', apiKey: null }, fields)).toEqual({
      displayName: { from: null, to: 'Ada' },
    });
  });

  it('redacts secret-looking fields but still shows that they changed, were set or were cleared', () => {
    const after = { ...before, passwordHash: '$argon2id$new', csrf_token: 'c2', apiKey: 'pk_live_1' };
    expect(describeChanges<Profile>(before, after, fields)).toEqual({
      passwordHash: { from: '[redacted]', to: '[redacted]' },
      csrf_token: { from: '[redacted]', to: '[redacted]' },
      apiKey: { from: null, to: '[redacted]' },
    });
    expect(describeChanges<Profile>(after, { apiKey: null }, fields)).toEqual({
      apiKey: { from: '[redacted]', to: null },
    });
  });

  it('recognises secrets whatever the case or separator', () => {
    const secrets = {
      Password: 'a',
      token_hash: 'b',
      clientSecret: 'c',
      'private-key': 'd',
      refreshToken: 'e',
    };
    const changes = describeChanges(null, secrets, Object.keys(secrets) as (keyof typeof secrets)[]);
    expect(Object.values(changes)).toEqual(Array(5).fill({ from: null, to: '[redacted]' }));
  });

  it('does not record an unchanged secret', () => {
    expect(describeChanges<Profile>(before, { passwordHash: '$argon2id$old' }, fields)).toEqual({});
  });
});
