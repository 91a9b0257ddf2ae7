import type { Case } from './api/cases-types.ts';

/** A case number as people type it: PD-100001, pd-100001 or 100001 (as the server reads it). */
export function parseCaseNumber(text: string): number | null {
  const match = /^(?:pd-)?([1-9][0-9]{0,14})$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/**
 * The case a search names outright: its number or reference, or its external reference typed in full
 * (any case). Such a search opens the case instead of listing results; part of a number, a word or an
 * e-mail address (a contact has many cases) lists them.
 */
export function findNamedCase<T extends Pick<Case, 'number' | 'externalReference'>>(
  text: string,
  results: readonly T[],
): T | null {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  const number = parseCaseNumber(wanted);
  return (
    results.find(
      (item) =>
        (number !== null && item.number === number) ||
        item.externalReference?.trim().toLowerCase() === wanted,
    ) ?? null
  );
}

/** Moves the highlighted result with the arrow keys, staying within the list. */
export function moveHighlight(current: number, key: 'ArrowDown' | 'ArrowUp', count: number): number {
  if (count === 0) return 0;
  return key === 'ArrowDown' ? Math.min(current + 1, count - 1) : Math.max(current - 1, 0);
}

/** The search page's address for these words. */
export function searchAddress(text: string): string {
  return `/search?${new URLSearchParams({ q: text.trim() }).toString()}`;
}
