import { describe, expect, it } from 'vitest';
import { computeClocks, explainClock, type CaseEvent, type ClockState } from './index.ts';
import { allDay, at, londonOffice, opened, policy, reply, status } from './test-clocks.ts';

const london = londonOffice();

function firstResponse(events: CaseEvent[], now: number, calendar = london): ClockState {
  return computeClocks({ policy, calendar, events, now }).find((state) => state.metric === 'firstResponse')!;
}

describe('explainClock', () => {
  it('shows the counted hours, closed time and named holidays that make up a due time across Easter', () => {
    const now = at('2024-04-05T12:00Z');
    const state = firstResponse([opened('2024-03-28T16:00Z', 'P3'), reply('2024-04-02T11:00+01:00')], now);
    const explanation = explainClock(state, london, now);
    expect(explanation.segments.map((segment) => segment.text)).toEqual([
      'Thu 28 Mar 16:00–17:30: counted 1 h 30 min',
      'Thu 28 Mar 17:30–24:00: closed (outside business hours)',
      'Fri 29 Mar: holiday (Good Friday)',
      'Sat 30 Mar 00:00 – Mon 1 Apr 00:00: closed (outside business hours)',
      'Mon 1 Apr: holiday (Easter Monday)',
      'Tue 2 Apr 00:00–09:00: closed (outside business hours)',
      'Tue 2 Apr 09:00–11:00: counted 2 h',
    ]);
    expect(explanation.summary).toBe(
      'First response: met at Tue 2 Apr 2024 11:00 (UTC+01:00), 3 h 30 min of 4 h counted, 30 min to spare.',
    );
    // The pieces cover the clock's life once, in order, and the counted ones add up to its elapsed time.
    const { segments } = explanation;
    expect(segments[0]!.from).toBe(state.startedAt);
    expect(segments.at(-1)!.to).toBe(state.stoppedAt);
    segments.slice(1).forEach((segment, i) => expect(segment.from).toBe(segments[i]!.to));
    const counted = segments.reduce((sum, s) => sum + (s.kind === 'counted' ? s.businessMs : 0), 0);
    expect(counted).toBe(state.businessElapsedMs);
  });

  it('shows pauses with their status and the business time they held back, and projects to the due time', () => {
    const events = [
      opened('2024-04-02T09:00+01:00', 'P3'),
      status('2024-04-02T10:00+01:00', 'pending_customer'),
      status('2024-04-02T12:00+01:00', 'open'),
    ];
    const now = at('2024-04-02T13:00+01:00');
    const explanation = explainClock(firstResponse(events, now), london, now);
    expect(explanation.segments.map((segment) => segment.text)).toEqual([
      'Tue 2 Apr 09:00–10:00: counted 1 h',
      'Tue 2 Apr 10:00–12:00: paused (pending customer), 2 h of business time not counted',
      'Tue 2 Apr 12:00–13:00: counted 1 h',
      'Tue 2 Apr 13:00–15:00: counted 2 h (to come)',
    ]);
    expect(explanation.summary).toBe(
      'First response: running, 2 h of 4 h counted, due Tue 2 Apr 2024 15:00 (UTC+01:00).',
    );
  });

  it('explains a paused clock up to now and a 24×7 clock as one stretch', () => {
    const events = [opened('2024-04-05T17:00+01:00', 'P3'), status('2024-04-05T17:15+01:00', 'on_hold')];
    const now = at('2024-04-08T10:00+01:00');
    const paused = explainClock(firstResponse(events, now), london, now);
    expect(paused.segments.map((segment) => segment.text)).toEqual([
      'Fri 5 Apr 17:00–17:15: counted 15 min',
      'Fri 5 Apr 17:15 – Mon 8 Apr 10:00: paused (on hold), 1 h 15 min of business time not counted',
    ]);
    expect(paused.summary).toBe(
      'First response: paused (on hold) since Fri 5 Apr 2024 17:15 (UTC+01:00), 15 min of 4 h counted.',
    );

    const utc = allDay();
    const start = at('2024-05-01T22:00Z');
    const running = explainClock(firstResponse([opened('2024-05-01T22:00Z', 'P1')], start, utc), utc, start);
    expect(running.segments.map((segment) => segment.text)).toEqual([
      'Wed 1 May 22:00–23:00: counted 1 h (to come)',
    ]);
  });
});
