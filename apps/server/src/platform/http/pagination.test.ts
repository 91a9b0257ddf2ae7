import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toPage } from './pagination.ts';

describe('cursors', () => {
  it('decode what they encode, for any key', () => {
    const key = fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(key, (parts) => {
        expect(decodeCursor(encodeCursor(parts), parts.length)).toEqual(parts);
      }),
    );
  });

  it('refuse anything they did not issue', () => {
    for (const bad of [
      '',
      'garbage',
      encodeCursor(['a']),
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[null,1]').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad, 2), bad).toThrow(
        expect.objectContaining({ code: 'PAGINATION_CURSOR_INVALID' }),
      );
    }
  });

  it('turn the extra row into the next cursor, and none on the last page', () => {
    expect(toPage([1, 2, 3], 2, (n) => [n])).toEqual({ items: [1, 2], nextCursor: encodeCursor([2]) });
    expect(toPage([1, 2], 2, (n) => [n])).toEqual({ items: [1, 2], nextCursor: null });
  });
});
