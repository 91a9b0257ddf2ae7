/**
 * SLA clocks, pure (no database, no HTTP): a case's clocks computed from its event history alone, on
 * the business-time maths, and each clock's explanation for people. The SLA engine stores what
 * `computeClocks` returns and recomputes it on every case event, policy or calendar change; replaying
 * the same history always gives the same clocks.
 *
 * The rules (one clock per metric the case's priority gives a target, in cycles):
 * - Every clock pauses while the case is in one of the policy's pause statuses, and while the case's
 *   priority has no target for its metric (reason `not_measured`: a metric never measured under any
 *   priority the clock ran under gives no clock at all).
 * - First response starts when the case opens and is met at the first public staff reply (internal
 *   notes stop nothing). A case resolved or closed before any reply stops it (`stopped`, or
 *   `breached` if its target had already passed); it does not start again on a reopen.
 * - Next response starts at a customer reply once the first response is over (before that the first
 *   response clock covers the wait), unless a cycle is already running, and is met at the next public
 *   staff reply. Each such wait is a cycle; all are returned. Resolving stops a running cycle; a
 *   customer reply to a resolved case starts one when the case is reopened.
 * - Resolution starts when the case opens and is met at resolved or closed. A reopen (resolved or
 *   closed → another status) resumes it (`rules.resolutionOnReopen: 'resume'`, the default: elapsed
 *   kept, the resolved stretch becomes a pause with reason `resolved`/`closed`) or starts a new cycle
 *   from zero (`'reset'`).
 * - Periodic update starts when the case opens; each public staff reply meets the cycle and starts
 *   the next; resolving stops it and a reopen starts a new cycle.
 * - A priority change gives running clocks the new priority's target from that instant: elapsed is
 *   kept and the due time recomputed. A target already used up is breached at the change itself (not
 *   retroactively), so an instant that has passed never changes its meaning.
 * - Breach: the instant counted business time reaches the target, if before the stop (or now). The
 *   warnings are the same instants for each threshold percent of the target, projected forward for a
 *   running clock. Finished clocks keep the due time they had at their stop (on the calendar's rules
 *   in force while they ran: a calendar change taking effect later does not move it).
 * - Underpinning (a vendor's contract, `computeUnderpinningClocks`): each functional escalation to a
 *   vendor (event `vendor_escalated`) starts a cycle of that vendor's clocks at the escalation — the
 *   nth vendor escalation of the case is cycle n. Only resolution is measured (the history holds
 *   when the case went to the vendor and came back, not the vendor's own replies). It counts while
 *   the case is pending_vendor, pauses in the contract's other pause statuses (pending_vendor never
 *   pauses it), and ends at the release: any other status (open, resolved, …) or the next vendor
 *   escalation; met before the target, breached after. Returning to pending_vendor without a new
 *   escalation starts nothing: the escalation names the vendor and its ticket. Priority changes
 *   retarget it as above.
 * See `ClockStatus` for the statuses.
 */
export { computeClocks } from './compute-clocks.ts';
export {
  computeUnderpinningClocks,
  vendorEngagements,
  type UnderpinningInput,
  type VendorEngagement,
} from './underpinning-clocks.ts';
export { explainClock, type ClockExplanation, type ClockSegment } from './explain-clock.ts';
export type {
  CaseEvent,
  ClockInput,
  ClockPause,
  ClockPolicy,
  ClockState,
  ClockStatus,
  ClockWarning,
  PauseReason,
  ResolutionOnReopen,
} from './clock-types.ts';
