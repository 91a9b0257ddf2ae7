import { describe, expect, it } from 'vitest';
import { findNamedCase, moveHighlight, parseCaseNumber, searchAddress } from './case-search.ts';

const hits = [
  { number: 100042, externalReference: null, reference: 'PD-100042' },
  { number: 100007, externalReference: 'BACS-4471', reference: 'PD-100007' },
];

describe('parseCaseNumber', () => {
  it('reads a number as people type it', () => {
    expect(parseCaseNumber('PD-100042')).toBe(100042);
    expect(parseCaseNumber(' pd-100042 ')).toBe(100042);
    expect(parseCaseNumber('100042')).toBe(100042);
  });

  it('refuses anything else', () => {
    for (const text of ['', 'PD-', 'PD-0042', 'PD100042', 'PD-10a', 'bacs', '-5', '1.5'])
      expect(parseCaseNumber(text)).toBeNull();
  });
});

describe('findNamedCase', () => {
  it('finds the case whose number or reference was typed', () => {
    expect(findNamedCase('PD-100007', hits)?.reference).toBe('PD-100007');
    expect(findNamedCase('100042', hits)?.reference).toBe('PD-100042');
  });

  it('finds the case whose external reference was typed in full, in any case', () => {
    expect(findNamedCase(' bacs-4471 ', hits)?.reference).toBe('PD-100007');
  });

  it('names no case for part of a number or reference, a word, or a number not among the results', () => {
    expect(findNamedCase('1000', hits)).toBeNull();
    expect(findNamedCase('BACS', hits)).toBeNull();
    expect(findNamedCase('PD-100099', hits)).toBeNull();
    expect(findNamedCase('  ', hits)).toBeNull();
  });
});

describe('moveHighlight', () => {
  it('moves within the results and stops at either end', () => {
    expect(moveHighlight(0, 'ArrowDown', 3)).toBe(1);
    expect(moveHighlight(2, 'ArrowDown', 3)).toBe(2);
    expect(moveHighlight(1, 'ArrowUp', 3)).toBe(0);
    expect(moveHighlight(0, 'ArrowUp', 3)).toBe(0);
    expect(moveHighlight(0, 'ArrowDown', 0)).toBe(0);
  });
});

describe('searchAddress', () => {
  it('carries the words, trimmed and encoded', () => {
    expect(searchAddress('  sort code & EISCD ')).toBe('/search?q=sort+code+%26+EISCD');
  });
});
