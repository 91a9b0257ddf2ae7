import { isApiError } from '../../app/http/api-error.ts';
import type { PolicyFieldError } from '../sla-policies/index.ts';

/**
 * The parts of a request the terms editor shows problems beside. A problem the server names
 * anywhere else is listed under the general message instead, so none is lost.
 */
const placedPrefixes = [
  'body/reference',
  'body/effectiveFrom',
  'body/summary',
  'body/terms/title',
  'body/terms/startDate',
  'body/terms/endDate',
  'body/terms/noticePeriodDays',
  'body/terms/monthlyFee',
  'body/terms/services',
  'body/terms/notes',
  'body/terms/sla/policies',
  'body/terms/sla/phoneAnswer',
  'body/terms/sla/availability',
  'body/terms/sla/incidentPenalties',
];

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The problems of a failed call, paths as the server wrote them (`body/terms/sla/policies/0/name`). */
export function problemsOf(error: unknown): PolicyFieldError[] {
  return isApiError(error) ? (error.problem?.errors ?? []) : [];
}

/** The problems at `prefix` or inside it, with paths made relative to it (`/0/name`). */
export function problemsWithin(problems: readonly PolicyFieldError[], prefix: string): PolicyFieldError[] {
  return problems
    .filter((problem) => isUnder(problem.path, prefix))
    .map((problem) => ({ ...problem, path: problem.path.slice(prefix.length) }));
}

/** The problems no field of the editor shows. */
export function unplacedProblems(problems: readonly PolicyFieldError[]): PolicyFieldError[] {
  return problems.filter((problem) => !placedPrefixes.some((prefix) => isUnder(problem.path, prefix)));
}
