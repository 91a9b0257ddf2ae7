import { priorities, slaMetrics, type Priority, type SlaMetric } from '@paydesk/shared';
import { isApiError } from '../../app/http/api-error.ts';
import type { PolicyFieldError, SlaPolicy } from './sla-policy-types.ts';

/** A policy to start editing from: covers every case, measures nothing yet, warns at 75 %. */
export function emptySlaPolicy(name = ''): SlaPolicy {
  const unmeasured = Object.fromEntries(slaMetrics.map((metric) => [metric, null])) as Record<
    SlaMetric,
    number | null
  >;
  return {
    name,
    calendarId: null,
    conditions: { services: [], caseTypes: [], channels: [] },
    targets: Object.fromEntries(priorities.map((priority) => [priority, { ...unmeasured }])) as Record<
      Priority,
      Record<SlaMetric, number | null>
    >,
    pauseStatuses: [],
    warningThresholds: [75],
    breachActions: [],
  };
}

/**
 * The problems of a failed call that concern the policy at `prefix` in the request (`body/policy`,
 * `body/terms/sla/policies/2`), with paths made relative to the policy, for `SlaPolicyEditor`'s `errors`.
 */
export function policyErrorsOf(error: unknown, prefix: string): PolicyFieldError[] {
  if (!isApiError(error)) return [];
  return (error.problem?.errors ?? [])
    .filter((problem) => problem.path === prefix || problem.path.startsWith(`${prefix}/`))
    .map((problem) => ({ ...problem, path: problem.path.slice(prefix.length) }));
}

/** The messages of the problems at `path` or inside it, joined; undefined when there are none. */
export function errorAt(errors: readonly PolicyFieldError[] | undefined, path: string): string | undefined {
  const messages = (errors ?? [])
    .filter((problem) => problem.path === path || problem.path.startsWith(`${path}/`))
    .map((problem) => problem.message);
  return messages.length > 0 ? [...new Set(messages)].join('; ') : undefined;
}
