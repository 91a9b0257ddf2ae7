import { canonicalJson, toJsonValue } from './canonical-json.ts';

const REDACTED = '[redacted]';

/**
 * Field names that look like they hold a secret or something derived from one (passwordHash,
 * tokenHash, apiKey, csrf_token…), matched case- and separator-insensitively. Deliberately broad:
 * a redacted harmless field costs a little detail, a leaked secret lives on in an append-only table.
 */
const secretLooking = /password|passwd|passphrase|secret|token|hash|apikey|privatekey|credential|cvv|cvc/;

function isSecretField(name: string): boolean {
  return secretLooking.test(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/**
 * The audit `changes` for an update (or a creation when `before` is null): only the listed fields
 * whose value changed. Fields absent from `after` were not part of the change and are skipped; a
 * field absent from `before` counts as null. Values are compared as they will be stored (JSON), so
 * equal dates or arrays in new objects are not changes. Secret-looking fields record only that
 * they changed: '[redacted]' for a value, null stays null so setting and clearing remain visible.
 * `T extends object` rather than a Record so that interfaces (which have no index signature) fit.
 */
export function describeChanges<T extends object>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: readonly (keyof T)[],
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    const to = after[field];
    if (to === undefined) continue;
    const from = before?.[field] ?? null;
    if (canonicalJson(toJsonValue(from)) === canonicalJson(toJsonValue(to))) continue;
    const name = String(field);
    changes[name] = isSecretField(name) ? { from: redact(from), to: redact(to) } : { from, to };
  }
  return changes;
}

function redact(value: unknown): unknown {
  return value === null ? null : REDACTED;
}
