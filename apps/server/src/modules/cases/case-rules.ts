import type { CaseStatus, ImpactLevel, Priority } from '@paydesk/shared';
import { AppError } from '../../platform/errors.ts';

/**
 * Priority from impact × urgency, the ITIL way: a case that stops many payments and must be fixed
 * now is P1; the same impact with time to spare, or a narrower impact that cannot wait, is P2; and
 * so on down to P4. Rows are impact, columns urgency (high, medium, low).
 */
const priorityMatrix: Record<ImpactLevel, Record<ImpactLevel, Priority>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

export function priorityFor(impact: ImpactLevel, urgency: ImpactLevel): Priority {
  return priorityMatrix[impact][urgency];
}

/** The statuses that end the work on a case; everything else is open work. */
export const doneStatuses: readonly CaseStatus[] = ['resolved', 'closed'];
const waiting: CaseStatus[] = ['pending_customer', 'pending_internal', 'pending_vendor', 'on_hold'];

/**
 * Where a case may go from each status. A new case is triaged (opened, parked, or resolved at once,
 * e.g. a question answered on the phone); waiting statuses come back to open or move between each
 * other; a resolved case is closed or reopened; a closed case can only be reopened (within the
 * reopen window, which `checkReopen` enforces).
 */
const transitions: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', ...waiting, 'resolved', 'closed'],
  open: [...waiting, 'resolved'],
  pending_customer: ['open', ...waiting.filter((s) => s !== 'pending_customer'), 'resolved'],
  pending_internal: ['open', ...waiting.filter((s) => s !== 'pending_internal'), 'resolved'],
  pending_vendor: ['open', ...waiting.filter((s) => s !== 'pending_vendor'), 'resolved'],
  on_hold: ['open', ...waiting.filter((s) => s !== 'on_hold'), 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export function allowedStatuses(from: CaseStatus): readonly CaseStatus[] {
  return transitions[from];
}

/** Refuses a move the status graph does not have, naming the moves that are allowed (409). */
export function checkTransition(from: CaseStatus, to: CaseStatus): void {
  if (from === to || transitions[from].includes(to)) return;
  const allowed = transitions[from];
  throw new AppError(
    'CASE_TRANSITION_FORBIDDEN',
    `A ${from} case cannot become ${to}; it can become ${allowed.join(', ')}`,
    { errors: [{ path: 'body/status', message: `allowed from ${from}: ${allowed.join(', ')}` }] },
  );
}

/**
 * A resolved or closed case reopens only within the window after it was resolved (a reply weeks
 * later is a new matter, which a new case that refers to this one tracks better).
 */
export function checkReopen(resolvedAt: Date | null, now: Date, windowDays: number): void {
  if (resolvedAt === null) return;
  const windowEnds = resolvedAt.getTime() + windowDays * 86_400_000;
  if (now.getTime() > windowEnds)
    throw new AppError(
      'CASE_REOPEN_WINDOW_PASSED',
      `The case was resolved on ${resolvedAt.toISOString().slice(0, 10)}; cases reopen within ${windowDays} days`,
    );
}

/** The number people quote: PD-104233. */
export function formatCaseNumber(number: number | string): string {
  return `PD-${number}`;
}

/** `PD-104233`, `pd-104233` or `104233` → 104233; undefined for anything else. */
export function parseCaseNumber(text: string): number | undefined {
  const match = /^(?:pd-)?([1-9][0-9]{0,14})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/** Case numbers have at most 15 digits (parseCaseNumber). */
const maxNumberDigits = 15;

/**
 * Which case numbers a piece of search text can be part of, as `PD-<number>`:
 * - `anywhere`: bare digits, which may sit anywhere in a number;
 * - `start`: text that starts a number — "PD-1021", "D-1021", "-1021" — as the ranges of numbers
 *   that begin with those digits (1021, 10210–10219, 102100–102199, … up to 15 digits);
 * - undefined: text that is part of no case number (a letter other than the prefix's, say).
 */
export function caseNumberPart(
  text: string,
): { anywhere: string } | { start: Array<[from: bigint, to: bigint]> } | undefined {
  if (/^[0-9]+$/.test(text)) return { anywhere: text };
  const prefix = /^(?:p?d)?-([1-9][0-9]*)$/i.exec(text)?.[1];
  if (prefix === undefined || prefix.length > maxNumberDigits) return undefined;
  const start: Array<[bigint, bigint]> = [];
  for (let extra = 0; prefix.length + extra <= maxNumberDigits; extra++) {
    const size = 10n ** BigInt(extra);
    const from = BigInt(prefix) * size;
    start.push([from, from + size - 1n]);
  }
  return { start };
}
