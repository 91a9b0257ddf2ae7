/** A value as JSON carries it: what a jsonb column stores and gives back. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const loneSurrogate = /\p{Cs}/gu;

/**
 * Replaces unpaired UTF-16 surrogates with U+FFFD, as the driver's UTF-8 encoding does to text
 * parameters. Hashing the string that will actually be stored keeps the chain verifiable, and jsonb
 * would otherwise refuse a lone `\ud800` escape and fail the caller's whole transaction.
 */
export function toWellFormed(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD');
}

/**
 * The JSON value a caller's data becomes once stored: `toJSON` applied (dates become ISO strings),
 * `undefined` and functions dropped, non-finite numbers null — all as JSON.stringify does — plus
 * bigints (money in minor units) as decimal strings and strings made well-formed.
 */
export function toJsonValue(value: unknown): JsonValue {
  const text: string | undefined = JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === 'bigint') return inner.toString();
    if (typeof inner === 'string') return toWellFormed(inner);
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      // fromEntries defines keys as own data properties, so a "__proto__" key stays a key.
      return Object.fromEntries(Object.entries(inner).map(([key, item]) => [toWellFormed(key), item]));
    }
    return inner;
  });
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}

/**
 * JSON text that depends only on the value, never on key insertion order (jsonb reorders keys, so
 * what comes back from the database must serialise exactly as what went in):
 * - object members sorted by key in UTF-16 code-unit order (as RFC 8785 does), no whitespace;
 * - arrays in their order;
 * - strings, numbers, booleans and null exactly as JSON.stringify writes them.
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
