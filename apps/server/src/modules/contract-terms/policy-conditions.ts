import type { CaseChannel, CaseType } from '@paydesk/shared';
import type { SlaPolicy } from './terms-schema.ts';

/** What is known about a case when the SLA engine looks for the policies that govern it. */
export interface CaseFacts {
  serviceCode?: string | undefined;
  caseType?: CaseType | undefined;
  channel?: CaseChannel | undefined;
}

/**
 * Whether a policy's conditions take in a case: every non-empty condition list must contain the
 * case's value (an empty list means any). A case that does not say its service (or type, or
 * channel) is not taken in by a policy restricted to particular ones: the restriction was meant.
 */
export function policyApplies(policy: Pick<SlaPolicy, 'conditions'>, facts: CaseFacts): boolean {
  const { services, caseTypes, channels } = policy.conditions;
  return (
    listAdmits(services, facts.serviceCode) &&
    listAdmits(caseTypes, facts.caseType) &&
    listAdmits(channels, facts.channel)
  );
}

function listAdmits<T>(list: readonly T[], value: T | undefined): boolean {
  return list.length === 0 || (value !== undefined && list.includes(value));
}
