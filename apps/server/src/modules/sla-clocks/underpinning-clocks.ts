import { priorities, type CaseStatus } from '@paydesk/shared';
import { checkHistory } from './clock-replay.ts';
import { computeClocks } from './compute-clocks.ts';
import type { CaseEvent, ClockInput, ClockPolicy, ClockState } from './clock-types.ts';

/** A vendor escalation in a case's history: the start of one underpinning cycle. */
export interface VendorEngagement {
  /** The case's nth vendor escalation starts cycle n, whether or not that vendor has a contract. */
  readonly cycle: number;
  readonly vendorId: string;
  readonly at: number;
}

/** The case's vendor escalations up to `now`, oldest first: one underpinning cycle each. */
export function vendorEngagements(events: readonly CaseEvent[], now: number): VendorEngagement[] {
  const engagements: VendorEngagement[] = [];
  for (const event of events) {
    if (event.at > now) break;
    if (event.type === 'vendor_escalated')
      engagements.push({ cycle: engagements.length + 1, vendorId: event.vendorId, at: event.at });
  }
  return engagements;
}

export interface UnderpinningInput extends Omit<ClockInput, 'rules'> {
  /** The vendor's underpinning contract policy. */
  readonly policy: ClockPolicy;
  /** Which vendor escalation (`VendorEngagement.cycle`) the clocks measure. */
  readonly cycle: number;
}

/**
 * The clocks the vendor's underpinning contract gives one vendor escalation (see the module's index
 * for the rules): the case's history while it was with the vendor is replayed as a case of its own,
 * opened at the escalation, open while pending_vendor, paused in the contract's pause statuses and
 * resolved at the release, so every rule of the customer clocks (targets by priority, priority
 * changes, calendars, warnings, breach) applies unchanged. Only resolution is measured.
 */
export function computeUnderpinningClocks(input: UnderpinningInput): ClockState[] {
  checkHistory(input.events);
  const window = vendorWindow(input.events, input.cycle, input.policy.pauseStatuses);
  if (!window) return [];
  return computeClocks({
    policy: resolutionOnly(input.policy),
    calendar: input.calendar,
    events: window,
    now: input.now,
  }).map((state) => ({ ...state, cycle: input.cycle }));
}

/**
 * The history of the vendor's nth cycle in the statuses the replay knows: pending_vendor counts
 * ('open'), a pause status of the contract pauses, anything else (open, resolved, …) and the next
 * vendor escalation release the vendor ('resolved') and end it. Undefined without an nth escalation.
 */
function vendorWindow(
  events: readonly CaseEvent[],
  cycle: number,
  pauseStatuses: ClockPolicy['pauseStatuses'],
): CaseEvent[] | undefined {
  // pending_vendor is what the vendor's clock measures: naming it a pause status would stop it for good.
  const withVendor = (status: CaseStatus): CaseStatus | null =>
    status === 'pending_vendor'
      ? 'open'
      : (pauseStatuses as readonly CaseStatus[]).includes(status)
        ? status
        : null;
  const [opened, ...changes] = events;
  if (opened?.type !== 'opened') return undefined;
  let { status, priority } = opened;
  let seen = 0;
  const window: CaseEvent[] = [];
  for (const event of changes) {
    if (window.length === 0) {
      if (event.type === 'status_changed') status = event.to;
      else if (event.type === 'priority_changed') priority = event.to;
      else if (event.type === 'vendor_escalated' && ++seen === cycle)
        // The escalation's own move to pending_vendor follows at the same instant: until then the
        // case counts for the vendor unless it is in one of the contract's pause statuses.
        window.push({ type: 'opened', at: event.at, status: withVendor(status) ?? 'open', priority });
      continue;
    }
    if (event.type === 'priority_changed') window.push(event);
    else if (event.type === 'status_changed' || event.type === 'vendor_escalated') {
      const to = event.type === 'status_changed' ? withVendor(event.to) : null;
      window.push({ type: 'status_changed', at: event.at, to: to ?? 'resolved' });
      if (to === null) return window;
    }
  }
  return window.length === 0 ? undefined : window;
}

/** The contract's resolution targets and nothing else: the history has no vendor replies to measure. */
function resolutionOnly(policy: ClockPolicy): ClockPolicy {
  const targets = Object.fromEntries(
    priorities.map((priority) => [
      priority,
      {
        firstResponse: null,
        nextResponse: null,
        resolution: policy.targets[priority].resolution,
        periodicUpdate: null,
      },
    ]),
  ) as ClockPolicy['targets'];
  return { ...policy, targets };
}
