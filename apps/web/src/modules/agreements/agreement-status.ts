import type { Agreement } from './api/agreements-types.ts';

export type AgreementStatus = 'scheduled' | 'in_force' | 'ended';

/** Where an agreement stands on `today` ('YYYY-MM-DD'): in force from its start up to, not including, its end. */
export function agreementStatus(
  agreement: Pick<Agreement, 'effectiveFrom' | 'effectiveTo'>,
  today: string,
): AgreementStatus {
  if (today < agreement.effectiveFrom) return 'scheduled';
  if (agreement.effectiveTo !== null && today >= agreement.effectiveTo) return 'ended';
  return 'in_force';
}
