import type { Executor } from '../../platform/db/index.ts';
import { listAgreementsInForce, type AgreementRow } from './agreements.repository.ts';
import { policyApplies, type CaseFacts, type SlaPolicy } from '../contract-terms/index.ts';

export interface AgreementQuery extends CaseFacts, AgreementParties {
  /** The civil date ('YYYY-MM-DD') the agreements must be in force on. */
  onDate: string;
}

export type ApplicableAgreement = Omit<AgreementRow, 'policy'> & { policy: SlaPolicy };

/** Whose agreements: a team's OLAs, a vendor's underpinning contracts (every one's when neither is given). */
export interface AgreementParties {
  teamId?: string | undefined;
  vendorId?: string | undefined;
}

/**
 * The agreements of `parties` in force on `onDate`, before any case's conditions: what a case's
 * policy depends on besides its own facts, so a recomputation run reads it once for thousands of cases.
 */
export async function agreementsInForce(
  db: Executor,
  parties: AgreementParties,
  onDate: string,
): Promise<ApplicableAgreement[]> {
  // A stored policy has passed the schema and the policy rules on its way in.
  return (await listAgreementsInForce(db, parties, onDate)) as ApplicableAgreement[];
}

/** Those of `inForce` whose policy conditions take the case in. */
export function agreementsTakingIn(inForce: ApplicableAgreement[], facts: CaseFacts): ApplicableAgreement[] {
  return inForce.filter((agreement) => policyApplies(agreement.policy, facts));
}

/**
 * The OLAs and underpinning contracts that govern a case: those of its team and of the vendor it is
 * escalated to (of every team and vendor when neither is given) in force on `onDate`, whose policy
 * conditions take the case in. For the SLA engine; it checks no permission.
 */
export async function applicableAgreements(
  db: Executor,
  query: AgreementQuery,
): Promise<ApplicableAgreement[]> {
  const inForce = await agreementsInForce(
    db,
    { teamId: query.teamId, vendorId: query.vendorId },
    query.onDate,
  );
  return agreementsTakingIn(inForce, query);
}
