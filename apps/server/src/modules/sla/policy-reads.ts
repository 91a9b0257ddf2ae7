import type { Executor } from '../../platform/db/index.ts';
import { agreementsInForce, type AgreementParties, type ApplicableAgreement } from '../agreements/index.ts';
import { termsInForce, type TermsInForce } from '../contracts/index.ts';
import * as repo from './sla.repository.ts';

/**
 * What a case's policies depend on besides the case itself: the account's contracts in force on a
 * date, a team's or vendor's agreements in force on a date, the calendars' current versions. The
 * engine reads them through this door so that a recomputation run can answer the thousands of
 * cases that share an account, team and opening date from memory (`rememberedPolicyReads`).
 */
export interface PolicyReads {
  contractsInForce(accountId: string, onDate: string): Promise<TermsInForce[]>;
  agreementsInForce(parties: AgreementParties, onDate: string): Promise<ApplicableAgreement[]>;
  calendarVersions(ids: string[]): Promise<Array<{ id: string; version: number }>>;
}

/** Straight from the database: what a case change reads, in its transaction. */
export function policyReadsOf(executor: Executor): PolicyReads {
  return {
    contractsInForce: (accountId, onDate) => termsInForce(executor, accountId, onDate),
    agreementsInForce: (parties, onDate) => agreementsInForce(executor, parties, onDate),
    calendarVersions: (ids) => repo.listCalendarVersions(executor, ids),
  };
}

/**
 * Policy reads remembered for the length of one recomputation run: each distinct question (the
 * function and its arguments, which are all it depends on) goes to the database once, through the
 * executor of the batch that first asks it; the answer is shared, already parsed, by every later
 * case. Memoising at this level rather than per SQL statement also saves building, compiling and
 * parsing the same query and contract terms for every case.
 *
 * Only for the length of one run: a change made meanwhile queues another run, which reads afresh.
 */
export function rememberedPolicyReads(options: { maxEntries: number }) {
  const answers = new Map<string, Promise<unknown>>();
  function remembered<T>(key: string, read: () => Promise<T>): Promise<T> {
    let answer = answers.get(key) as Promise<T> | undefined;
    if (!answer) {
      // A bound, not an eviction policy: a run that meets more distinct questions than this (many
      // accounts × opening dates) starts remembering afresh.
      if (answers.size >= options.maxEntries) answers.clear();
      answer = read();
      answers.set(key, answer);
      // A failed read is not remembered: the batch fails, and its retry asks again.
      answer.catch(() => answers.delete(key));
    }
    return answer;
  }
  return {
    /** The reads through `executor` (the batch's transaction) for questions not answered before. */
    over(executor: Executor): PolicyReads {
      const direct = policyReadsOf(executor);
      return {
        contractsInForce: (accountId, onDate) =>
          remembered(`contracts\u0000${accountId}\u0000${onDate}`, () =>
            direct.contractsInForce(accountId, onDate),
          ),
        agreementsInForce: (parties, onDate) =>
          remembered(
            `agreements\u0000${parties.teamId ?? ''}\u0000${parties.vendorId ?? ''}\u0000${onDate}`,
            () => direct.agreementsInForce(parties, onDate),
          ),
        calendarVersions: (ids) =>
          remembered(`calendars\u0000${[...ids].sort().join(',')}`, () => direct.calendarVersions(ids)),
      };
    },
  };
}
