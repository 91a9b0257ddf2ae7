import { sql } from 'kysely';
import { withModuleTables, type Executor } from '../../platform/db/index.ts';
import { effectiveVersion, type ContractTerms } from '../contract-terms/index.ts';
import type { ContractTables } from './contracts.repository.ts';

export interface TermsInForce {
  contractId: string;
  version: number;
  terms: ContractTerms;
}

/**
 * The terms of an account's contracts in force (active, amended or renewed) on a civil date
 * ('YYYY-MM-DD', the account's own day), each at the version effective that day; contracts whose
 * first version takes effect later are left out. Oldest activation first, so a caller that takes
 * the first matching policy prefers the longest-standing contract. For the SLA engine: it checks no
 * permission and reads no scope. One query.
 */
export async function termsInForce(
  executor: Executor,
  accountId: string,
  onDate: string,
): Promise<TermsInForce[]> {
  const rows = await withModuleTables<ContractTables>(executor)
    .selectFrom('contracts')
    .innerJoin('contractVersions as v', (join) =>
      join.onRef('v.accountId', '=', 'contracts.accountId').onRef('v.contractId', '=', 'contracts.id'),
    )
    .select(['contracts.id as contractId', 'contracts.activatedAt', 'v.version'])
    .select((eb) => eb.cast<string>('v.effectiveFrom', 'text').as('effectiveFrom'))
    // As text: the CamelCasePlugin would otherwise rewrite the terms' keys.
    .select(sql<string>`v.terms::text`.as('termsJson'))
    .where('contracts.accountId', '=', accountId)
    .where('contracts.status', 'in', ['active', 'amended', 'renewed'])
    .where('v.effectiveFrom', '<=', sql<Date>`cast(${onDate} as date)`)
    .orderBy('contracts.activatedAt')
    .orderBy('contracts.id')
    .execute();
  const byContract = new Map<string, typeof rows>();
  for (const row of rows) byContract.set(row.contractId, [...(byContract.get(row.contractId) ?? []), row]);
  const result: TermsInForce[] = [];
  for (const [contractId, versions] of byContract) {
    const inForce = effectiveVersion(versions, onDate);
    // Stored terms passed the schema and the terms rules on their way in.
    if (inForce)
      result.push({
        contractId,
        version: inForce.version,
        terms: JSON.parse(inForce.termsJson) as ContractTerms,
      });
  }
  return result;
}
