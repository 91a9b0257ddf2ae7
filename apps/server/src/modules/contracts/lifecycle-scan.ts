import { civilDateAt, formatCivilDate, parseCivilDate } from '../business-time/index.ts';
import { contractStatusAfter, type ContractTerms } from '../contract-terms/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { auditContextOf } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { defineJob, type Logger } from '../../platform/jobs/index.ts';
import * as repo from './contracts.repository.ts';
import type { ContractsService } from './contracts.service.ts';
import type { Notify } from './notify.ts';

/** Days before the end date at which the owner is reminded, tightest first. */
const reminderDays = [30, 60, 90] as const;
const system = { kind: 'all' } as const;

export interface LifecycleScanResult {
  reminders: number;
  expired: number;
  renewed: number;
  failed: number;
}

/**
 * What the calendar does to contracts, run hourly on every process (each step is idempotent):
 * - renewal reminders 90, 60 and 30 days before the end date, to the contract's owner (else the
 *   account's owner), each exactly once per end date: a reminder row is claimed with a unique key
 *   in the same transaction as the notification. A contract found inside a later window gets only
 *   the tightest reminder it is in (a contract signed 40 days before its end gets the 60-day one).
 * - on the day after the end date, a contract in force expires, or, if its terms say it renews
 *   automatically, is renewed for twelve months (a new version with the same terms).
 * "Today" is the date in the account's time zone: a contract ends at midnight where the customer is.
 */
export function createLifecycleScan(deps: {
  db: Db;
  clock: Clock;
  notify: Notify;
  contracts: Pick<ContractsService, 'get' | 'renew'>;
}) {
  const { db, clock, notify, contracts } = deps;

  async function remind(row: Awaited<ReturnType<typeof repo.contractsEndingBy>>[number], daysLeft: number) {
    const daysBefore = reminderDays.find((days) => daysLeft <= days);
    if (daysBefore === undefined) return false;
    const recipient = row.ownerId ?? row.accountOwnerId;
    return db.transaction().execute(async (tx) => {
      const claimed = await repo.claimRenewalReminder(tx, {
        accountId: row.accountId,
        contractId: row.id,
        endDate: row.endDate,
        daysBefore,
        sentAt: clock.now(),
      });
      if (!claimed || recipient === null) return claimed;
      await notify(tx, {
        userId: recipient,
        kind: 'contract.renewal_due',
        title: `${row.reference} ends in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`,
        body: `${row.accountName}: “${row.title}” ends on ${row.endDate}. Renew, renegotiate or let it expire.`,
        link: `/contracts/${row.id}`,
        entityType: 'contract',
        entityId: row.id,
      });
      return true;
    });
  }

  /** Expires a contract that is still in force with the same end date once it is locked. */
  async function expire(row: Awaited<ReturnType<typeof repo.contractsEndingBy>>[number]) {
    return db.transaction().execute(async (tx) => {
      const current = await repo.lockContract(tx, system, row.id);
      if (
        !current ||
        current.endDate !== row.endDate ||
        !['active', 'amended', 'renewed'].includes(current.status)
      )
        return false;
      const status = contractStatusAfter(current.status, 'expire');
      const now = clock.now();
      const reason = `Reached its end date ${row.endDate}`;
      await repo.updateContract(tx, row.id, { status, endedAt: now, endReason: reason, updatedAt: now });
      await recordAudit(
        tx,
        {
          ...auditContextOf(null),
          action: 'contract.expired',
          entityType: 'contract',
          entityId: row.id,
          accountId: row.accountId,
          changes: { status: { from: current.status, to: status }, reason },
        },
        clock,
      );
      const recipient = row.ownerId ?? row.accountOwnerId;
      if (recipient) {
        await notify(tx, {
          userId: recipient,
          kind: 'contract.expired',
          title: `${row.reference} has expired`,
          body: `${row.accountName}: “${row.title}” ended on ${row.endDate}.`,
          link: `/contracts/${row.id}`,
          entityType: 'contract',
          entityId: row.id,
        });
      }
      return true;
    });
  }

  async function renewAutomatically(
    row: Awaited<ReturnType<typeof repo.contractsEndingBy>>[number],
    terms: ContractTerms,
  ) {
    const endDate = addTwelveMonths(row.endDate);
    await contracts.renew(null, row.id, undefined, {
      summary: `Renewed automatically for twelve months (the terms say it renews automatically)`,
      terms: { ...terms, endDate },
    });
  }

  return async function runLifecycleScan(logger?: Logger): Promise<LifecycleScanResult> {
    const now = clock.now().getTime();
    // The widest "today + 90" of any zone: UTC's date plus a day covers zones up to UTC+14.
    const until = formatCivilDate(parseCivilDate(civilDateAt(now, 'UTC'))! + 91);
    const result: LifecycleScanResult = { reminders: 0, expired: 0, renewed: 0, failed: 0 };
    for (const row of await repo.contractsEndingBy(db, until)) {
      const daysLeft = parseCivilDate(row.endDate)! - parseCivilDate(civilDateAt(now, row.accountTimeZone))!;
      try {
        if (daysLeft >= 0) {
          if (await remind(row, daysLeft)) result.reminders += 1;
          continue;
        }
        const terms = (await contracts.get(null, row.id)).terms;
        if (terms.autoRenew) {
          await renewAutomatically(row, terms);
          result.renewed += 1;
        } else if (await expire(row)) {
          result.expired += 1;
        }
      } catch (error) {
        // One contract that cannot be processed must not hold up the others; it is retried next run.
        result.failed += 1;
        logger?.error({ err: error, contractId: row.id }, 'contract lifecycle step failed');
      }
    }
    return result;
  };
}

export function createLifecycleJob(runLifecycleScan: ReturnType<typeof createLifecycleScan>) {
  return defineJob<Record<string, never>>('contracts-lifecycle', async (_payload, ctx) => {
    const result = await runLifecycleScan(ctx.logger);
    if (result.reminders + result.expired + result.renewed + result.failed > 0)
      ctx.logger.info({ ...result }, 'contract lifecycle scan');
  });
}

/** The same day a year later; 29 February becomes 28 February. */
function addTwelveMonths(date: string) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const next = parseCivilDate(
    `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  );
  return next === undefined ? `${year + 1}-02-28` : formatCivilDate(next);
}
