import type { Executor } from '../../platform/db/index.ts';
import { listAgreementsInForce, type AgreementRow } from './agreements.repository.ts';
import { policyApplies, type CaseFacts, type SlaPolicy } from '../contract-terms/index.ts';

export interface AgreementQuery extends CaseFacts {
  /** The owning team's OLAs. */
  teamId?: string | undefined;
  /** The underpinning contracts of the vendor the case is escalated to. */
  vendorId?: string | undefined;
  /** The civil date ('YYYY-MM-DD') the agreements must be in force on. */
  onDate: string;
}

export type ApplicableAgreement = Omit<AgreementRow, 'policy'> & { policy: SlaPolicy };

/**
 * The OLAs and underpinning contracts that govern a case: those of its team and of the vendor it is
 * escalated to (of every team and vendor when neither is given) in force on `onDate`, whose policy
 * conditions take the case in. For the SLA engine; it checks no permission.
 */
export async function applicableAgreements(
  db: Executor,
  query: AgreementQuery,
): Promise<ApplicableAgreement[]> {
  const inForce = await listAgreementsInForce(
    db,
    { teamId: query.teamId, vendorId: query.vendorId },
    query.onDate,
  );
  // A stored policy has passed the schema and the policy rules on its way in.
  return (inForce as ApplicableAgreement[]).filter((agreement) => policyApplies(agreement.policy, query));
}
