import type { CaseType, Language } from '@paydesk/shared';

/** A team member as routing sees them: their tier (agents) and routing profile (none: never routed to). */
export interface Member {
  id: string;
  tier: number | null;
  profile: {
    serviceCodes: string[];
    caseTypes: CaseType[];
    languages: Language[];
    loadCap: number;
    isAvailable: boolean;
  } | null;
}

export interface Landing {
  type: CaseType;
  serviceCode: string | null;
  language: Language;
  tier: number;
}

/**
 * Who in the team may take the case: available, speaking its language, with a matching skill (its
 * service or its type; no skills at all is a generalist), working its tier (an agent's tier is the
 * highest they work; staff without a tier work any), and below their load cap. When nobody is left,
 * says which condition emptied the list, for the queue's `assignment_skipped` event.
 */
export function eligibleMembers(
  members: Member[],
  landing: Landing,
  loads: ReadonlyMap<string, number>,
): { ids: string[] } | { skipped: string } {
  const skill = landing.serviceCode
    ? `the ${landing.serviceCode} service or ${landing.type} cases`
    : `${landing.type} cases`;
  const filters: Array<[string, (member: Member & { profile: NonNullable<Member['profile']> }) => boolean]> =
    [
      ['no team member is available for routing', (m) => m.profile.isAvailable],
      [
        `no available team member handles ${landing.language}`,
        (m) => m.profile.languages.includes(landing.language),
      ],
      [
        `no available team member handling ${landing.language} has a skill for ${skill}`,
        ({ profile }) =>
          (profile.serviceCodes.length === 0 && profile.caseTypes.length === 0) ||
          (landing.serviceCode !== null && profile.serviceCodes.includes(landing.serviceCode)) ||
          profile.caseTypes.includes(landing.type),
      ],
      [
        `no eligible team member works tier ${landing.tier}`,
        (m) => m.tier === null || m.tier >= landing.tier,
      ],
      ['every eligible team member is at their load cap', (m) => (loads.get(m.id) ?? 0) < m.profile.loadCap],
    ];
  let left = members.filter(
    (m): m is Member & { profile: NonNullable<Member['profile']> } => m.profile !== null,
  );
  if (left.length === 0) return { skipped: 'no team member has a routing profile' };
  for (const [reason, keep] of filters) {
    left = left.filter(keep);
    if (left.length === 0) return { skipped: reason };
  }
  return { ids: left.map((m) => m.id) };
}

/**
 * Round robin: the first eligible agent after the one the team last gave a case to, in a stable
 * order (ids sorted), wrapping around; the first one when the team has not assigned yet.
 */
export function nextInTurn(eligible: readonly string[], lastAssigned: string | null): string {
  const sorted = [...eligible].sort();
  if (sorted.length === 0) throw new Error('nextInTurn needs at least one eligible agent');
  return (lastAssigned === null ? undefined : sorted.find((id) => id > lastAssigned)) ?? sorted[0]!;
}
