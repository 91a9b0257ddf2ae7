import type { CaseStatus, PausableCaseStatus, Priority, SlaMetric } from '@paydesk/shared';
import type { BusinessCalendar } from '../business-time/index.ts';
import type { SlaPolicy } from '../contract-terms/index.ts';

/** One entry of a case's history as the clocks read it; `at` is epoch ms. */
export type CaseEvent =
  | { readonly type: 'opened'; readonly at: number; readonly status: CaseStatus; readonly priority: Priority }
  | { readonly type: 'status_changed'; readonly at: number; readonly to: CaseStatus }
  | { readonly type: 'priority_changed'; readonly at: number; readonly to: Priority }
  /** Internal notes are staff replies with `public: false`: they stop nothing. */
  | { readonly type: 'staff_replied'; readonly at: number; readonly public: boolean }
  | { readonly type: 'customer_replied'; readonly at: number }
  /** A functional escalation to a vendor: starts that vendor's underpinning cycle, moves no other clock. */
  | { readonly type: 'vendor_escalated'; readonly at: number; readonly vendorId: string };

/** What a reopen does to the resolution clock: keep its elapsed time, or start a new cycle from zero. */
export type ResolutionOnReopen = 'resume' | 'reset';

export interface ClockPolicy {
  readonly targets: SlaPolicy['targets'];
  readonly pauseStatuses: readonly PausableCaseStatus[];
  /** Percent of the target, ascending. */
  readonly warningThresholds: readonly number[];
}

export interface ClockInput {
  readonly policy: ClockPolicy;
  /** A 24×7 policy passes an always-open calendar. */
  readonly calendar: BusinessCalendar;
  /** Sorted by `at` (equal instants in the order they happened); the first is `opened`. */
  readonly events: readonly CaseEvent[];
  /** Evaluate as of this instant: later events are ignored. */
  readonly now: number;
  readonly rules?: { readonly resolutionOnReopen: ResolutionOnReopen };
}

/**
 * - `running`: counting now (it may be past its target: then `breachedAt` is set and `remainingMs` < 0);
 * - `paused`: open but held by a pause (a pause status, or a priority without a target for it);
 * - `met`: ended by its own stop event (the reply, the resolution) before the target;
 * - `breached`: ended after the target was reached, whatever ended it;
 * - `stopped`: ended before the target by something other than its stop event (the case was
 *   resolved before a first reply): nothing was measured, nothing was missed.
 */
export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'stopped';

/**
 * Why a clock did not count: a pause status of the policy; the resolved or closed stretch a resumed
 * resolution clock skips; or a priority whose target for the metric is null (`not_measured`).
 */
export type PauseReason = PausableCaseStatus | 'resolved' | 'closed' | 'not_measured';

export interface ClockPause {
  readonly from: number;
  /** null while the pause lasts. */
  readonly to: number | null;
  readonly reason: PauseReason;
}

export interface ClockWarning {
  readonly thresholdPercent: number;
  /** When that share of the target was (or, for a running clock, will be) counted. */
  readonly at: number;
}

export interface ClockState {
  readonly metric: SlaMetric;
  /** 1, 2, … per metric: next response and periodic update cycles, a reset resolution. */
  readonly cycle: number;
  readonly status: ClockStatus;
  /** The target in force (the last measured priority's), in business ms. */
  readonly targetMs: number;
  readonly startedAt: number;
  readonly pauses: readonly ClockPause[];
  /**
   * When counted time reaches the target: for a running clock from now on (in the past once
   * breached); for an ended clock as it stood at the stop; null while (or if it ended) paused.
   */
  readonly dueAt: number | null;
  /** Business ms left of the target at the stop or now; negative once breached. */
  readonly remainingMs: number;
  readonly businessElapsedMs: number;
  /** The instant counted time reached the target, if before the stop (or now). */
  readonly breachedAt: number | null;
  readonly stoppedAt: number | null;
  /** Ascending; the ones reached, and for a running clock also the projected ones. */
  readonly warnings: readonly ClockWarning[];
}
