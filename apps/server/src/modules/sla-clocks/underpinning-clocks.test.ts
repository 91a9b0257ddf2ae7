import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.ts';
import {
  computeClocks,
  computeUnderpinningClocks,
  vendorEngagements,
  type CaseEvent,
  type ClockPolicy,
} from './index.ts';
import {
  allDay,
  at,
  HOUR,
  londonOffice,
  MINUTE,
  opened,
  policy,
  priority,
  reply,
  status,
} from './test-clocks.ts';

const utc = allDay();
const london = londonOffice();

const escalated = (when: string, vendorId = 'visa'): CaseEvent => ({
  type: 'vendor_escalated',
  at: at(when),
  vendorId,
});
/** What the escalations service writes: the escalation, then the move to pending_vendor. */
const toVendor = (when: string, vendorId = 'visa') => [
  escalated(when, vendorId),
  status(when, 'pending_vendor'),
];

/** The shared policy names pending_vendor a pause status, on purpose: it must not pause a vendor. */
const uc: ClockPolicy = { ...policy, pauseStatuses: ['pending_customer', 'pending_vendor'] };

function underpinning(events: CaseEvent[], now: string, cycle = 1, calendar = utc, contract = uc) {
  return computeUnderpinningClocks({ policy: contract, calendar, events, now: at(now), cycle });
}

const history = (...events: Array<CaseEvent | CaseEvent[]>) => events.flat();

describe('underpinning clocks', () => {
  // P1 resolution: 8 h.
  const start = [opened('2026-03-02T09:00Z', 'P1', 'open'), reply('2026-03-02T09:10Z')];

  it('start at the vendor escalation, not at the opening, and measure resolution only', () => {
    const events = history(start, toVendor('2026-03-02T10:00Z'));
    expect(underpinning(events, '2026-03-02T11:00Z')).toEqual([
      {
        metric: 'resolution',
        cycle: 1,
        status: 'running',
        targetMs: 8 * HOUR,
        startedAt: at('2026-03-02T10:00Z'),
        pauses: [],
        dueAt: at('2026-03-02T18:00Z'),
        remainingMs: 7 * HOUR,
        businessElapsedMs: HOUR,
        breachedAt: null,
        stoppedAt: null,
        warnings: [
          { thresholdPercent: 50, at: at('2026-03-02T14:00Z') },
          { thresholdPercent: 75, at: at('2026-03-02T16:00Z') },
          { thresholdPercent: 90, at: at('2026-03-02T17:12Z') },
        ],
      },
    ]);
    expect(underpinning(events, '2026-03-02T09:59Z')).toEqual([]);
  });

  it('are met when the vendor is released to another working status, and stay so', () => {
    const events = history(start, toVendor('2026-03-02T10:00Z'), status('2026-03-02T12:30Z', 'open'));
    const [released] = underpinning(events, '2026-03-03T12:00Z');
    expect(released).toMatchObject({
      status: 'met',
      stoppedAt: at('2026-03-02T12:30Z'),
      businessElapsedMs: 2.5 * HOUR,
      dueAt: at('2026-03-02T18:00Z'),
      breachedAt: null,
    });
    // Reached warnings only: 50 % (14:00) came after the release.
    expect(released!.warnings).toEqual([]);
  });

  it('are breached when the case is resolved after the target, and at the target, not the release', () => {
    const events = history(start, toVendor('2026-03-02T10:00Z'), status('2026-03-02T19:00Z', 'resolved'));
    expect(underpinning(events, '2026-03-02T20:00Z')).toEqual([
      expect.objectContaining({
        status: 'breached',
        breachedAt: at('2026-03-02T18:00Z'),
        stoppedAt: at('2026-03-02T19:00Z'),
        remainingMs: -HOUR,
      }),
    ]);
  });

  it('pause in the contract pause statuses while the vendor waits, but never in pending_vendor', () => {
    const events = history(
      start,
      toVendor('2026-03-02T10:00Z'),
      status('2026-03-02T11:00Z', 'pending_customer'),
      status('2026-03-02T13:00Z', 'pending_vendor'),
    );
    const [paused] = underpinning(events, '2026-03-02T12:00Z');
    expect(paused).toMatchObject({
      status: 'paused',
      dueAt: null,
      businessElapsedMs: HOUR,
      pauses: [{ from: at('2026-03-02T11:00Z'), to: null, reason: 'pending_customer' }],
    });
    const [resumed] = underpinning(events, '2026-03-02T14:00Z');
    expect(resumed).toMatchObject({
      status: 'running',
      businessElapsedMs: 2 * HOUR,
      dueAt: at('2026-03-02T20:00Z'),
      pauses: [{ from: at('2026-03-02T11:00Z'), to: at('2026-03-02T13:00Z'), reason: 'pending_customer' }],
    });
    // A status that is not one of the contract's pause statuses releases the vendor.
    const onHold = history(events, status('2026-03-02T15:00Z', 'on_hold'));
    expect(underpinning(onHold, '2026-03-02T16:00Z')[0]).toMatchObject({
      status: 'met',
      stoppedAt: at('2026-03-02T15:00Z'),
    });
  });

  it('start a new cycle at each vendor escalation; a handover ends the cycle before it', () => {
    const events = history(
      start,
      toVendor('2026-03-02T10:00Z', 'visa'),
      status('2026-03-02T11:00Z', 'open'),
      // Back to the vendor by a plain status change: no escalation, no clock.
      status('2026-03-02T11:30Z', 'pending_vendor'),
      escalated('2026-03-02T12:00Z', 'mastercard'),
      escalated('2026-03-02T13:00Z', 'visa'),
    );
    expect(vendorEngagements(events, at('2026-03-02T14:00Z'))).toEqual([
      { cycle: 1, vendorId: 'visa', at: at('2026-03-02T10:00Z') },
      { cycle: 2, vendorId: 'mastercard', at: at('2026-03-02T12:00Z') },
      { cycle: 3, vendorId: 'visa', at: at('2026-03-02T13:00Z') },
    ]);
    expect(vendorEngagements(events, at('2026-03-02T12:59Z'))).toHaveLength(2);
    const now = '2026-03-02T14:00Z';
    expect(underpinning(events, now, 1)[0]).toMatchObject({
      cycle: 1,
      status: 'met',
      stoppedAt: at('2026-03-02T11:00Z'),
      businessElapsedMs: HOUR,
    });
    // Escalated while already pending_vendor: the cycle counts from the escalation at once.
    expect(underpinning(events, now, 2)[0]).toMatchObject({
      cycle: 2,
      status: 'met',
      startedAt: at('2026-03-02T12:00Z'),
      stoppedAt: at('2026-03-02T13:00Z'),
    });
    expect(underpinning(events, now, 3)[0]).toMatchObject({
      cycle: 3,
      status: 'running',
      startedAt: at('2026-03-02T13:00Z'),
      businessElapsedMs: HOUR,
    });
    expect(underpinning(events, now, 4)).toEqual([]);
  });

  it("count on the contract's calendar and follow priority changes", () => {
    // Monday 2026-03-02 16:30 GMT, P2 (16 h): 1 h on Monday, 8.5 h Tuesday, 6.5 h on Wednesday.
    const events = history([opened('2026-03-02T16:00Z', 'P2', 'open')], toVendor('2026-03-02T16:30Z'));
    expect(underpinning(events, '2026-03-02T17:00Z', 1, london)[0]).toMatchObject({
      status: 'running',
      businessElapsedMs: 30 * MINUTE,
      dueAt: at('2026-03-04T15:30Z'),
    });
    // P1 (8 h) from Tuesday 10:00: 1 h + 1 h counted, 6 h left on Tuesday.
    const raised = history(events, priority('2026-03-03T10:00Z', 'P1'));
    expect(underpinning(raised, '2026-03-03T10:00Z', 1, london)[0]).toMatchObject({
      targetMs: 8 * HOUR,
      dueAt: at('2026-03-03T16:00Z'),
    });
    // P4 has no resolution target: the vendor's clock pauses as not measured.
    const lowered = history(events, priority('2026-03-03T10:00Z', 'P4'));
    expect(underpinning(lowered, '2026-03-03T11:00Z', 1, london)[0]).toMatchObject({
      status: 'paused',
      pauses: [{ from: at('2026-03-03T10:00Z'), to: null, reason: 'not_measured' }],
    });
    // A case escalated at P4 never gets one.
    const unmeasured = history([opened('2026-03-02T16:00Z', 'P4', 'open')], toVendor('2026-03-02T16:30Z'));
    expect(underpinning(unmeasured, '2026-03-02T17:00Z')).toEqual([]);
  });

  it('move none of the customer clocks', () => {
    const withVendor = history(start, toVendor('2026-03-02T10:00Z'), status('2026-03-02T12:00Z', 'open'));
    const withoutVendor = withVendor.filter((event) => event.type !== 'vendor_escalated');
    const clocks = (events: CaseEvent[]) =>
      computeClocks({ policy, calendar: utc, events, now: at('2026-03-02T13:00Z') });
    expect(clocks(withVendor)).toEqual(clocks(withoutVendor));
  });

  it('refuse a history out of order', () => {
    const events = history(start, toVendor('2026-03-02T10:00Z'), status('2026-03-02T09:30Z', 'open'));
    let error: unknown;
    try {
      underpinning(events, '2026-03-02T11:00Z');
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
  });
});
