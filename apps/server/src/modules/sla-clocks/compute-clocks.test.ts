import { describe, expect, it } from 'vitest';
import type { SlaMetric } from '@paydesk/shared';
import { isAppError } from '../../platform/errors.ts';
import { computeClocks, type CaseEvent, type ClockState, type ResolutionOnReopen } from './index.ts';
import {
  allDay,
  at,
  customer,
  HOUR,
  londonOffice,
  MINUTE,
  note,
  opened,
  policy,
  priority,
  reply,
  status,
} from './test-clocks.ts';

const london = londonOffice();
const utc = allDay();

function clocks(
  calendar: typeof london,
  events: CaseEvent[],
  now: string,
  resolutionOnReopen: ResolutionOnReopen = 'resume',
): ClockState[] {
  return computeClocks({ policy, calendar, events, now: at(now), rules: { resolutionOnReopen } });
}

function clock(states: ClockState[], metric: SlaMetric, cycle = 1): ClockState {
  const found = states.find((state) => state.metric === metric && state.cycle === cycle);
  if (!found) throw new Error(`no ${metric} clock, cycle ${cycle}`);
  return found;
}

describe('first response on office hours', () => {
  // Thursday 16:00 GMT + 4 business hours: 1 h 30 min on Thursday; Good Friday, the weekend (BST
  // starts on Sunday) and Easter Monday do not count; 2 h 30 min on Tuesday from 09:00 BST.
  const easter = [opened('2024-03-28T16:00Z', 'P3')];

  it('is due across the Easter holidays and the change to summer time, warnings projected', () => {
    const state = clock(clocks(london, easter, '2024-03-28T17:00Z'), 'firstResponse');
    expect(state).toEqual({
      metric: 'firstResponse',
      cycle: 1,
      status: 'running',
      targetMs: 4 * HOUR,
      startedAt: at('2024-03-28T16:00Z'),
      pauses: [],
      dueAt: at('2024-04-02T11:30+01:00'),
      remainingMs: 3 * HOUR,
      businessElapsedMs: HOUR,
      breachedAt: null,
      stoppedAt: null,
      warnings: [
        { thresholdPercent: 50, at: at('2024-04-02T09:30+01:00') },
        { thresholdPercent: 75, at: at('2024-04-02T10:30+01:00') },
        { thresholdPercent: 90, at: at('2024-04-02T11:06+01:00') },
      ],
    });
  });

  it('is met by the first public reply, not by an internal note, and keeps its due time', () => {
    const events = [...easter, note('2024-04-02T10:00+01:00'), reply('2024-04-02T11:00+01:00')];
    const state = clock(clocks(london, events, '2024-04-05T12:00Z'), 'firstResponse');
    expect(state).toMatchObject({
      status: 'met',
      stoppedAt: at('2024-04-02T11:00+01:00'),
      businessElapsedMs: 3.5 * HOUR,
      remainingMs: 30 * MINUTE,
      dueAt: at('2024-04-02T11:30+01:00'),
      breachedAt: null,
    });
    // 90 % (11:06) was never reached: a met clock has no projected warnings.
    expect(state.warnings.map((warning) => warning.thresholdPercent)).toEqual([50, 75]);
  });

  it('is breached at its due instant when the reply comes later', () => {
    const state = clock(
      clocks(london, [...easter, reply('2024-04-02T12:00+01:00')], '2024-04-02T13:00+01:00'),
      'firstResponse',
    );
    expect(state).toMatchObject({
      status: 'breached',
      breachedAt: at('2024-04-02T11:30+01:00'),
      remainingMs: -30 * MINUTE,
    });
  });

  it('is met by a reply at the due instant exactly', () => {
    const state = clock(
      clocks(london, [...easter, reply('2024-04-02T11:30+01:00')], '2024-04-02T13:00+01:00'),
      'firstResponse',
    );
    expect(state).toMatchObject({ status: 'met', breachedAt: null, remainingMs: 0 });
  });

  it('is due over the change back to winter time', () => {
    const state = clock(
      clocks(london, [opened('2024-10-25T17:00+01:00', 'P3')], '2024-10-25T17:10+01:00'),
      'firstResponse',
    );
    expect(state.dueAt).toBe(at('2024-10-28T12:30Z'));
  });

  it('pauses while the case waits on the customer: no due time while paused, later once it resumes', () => {
    const events = [
      opened('2024-04-02T09:00+01:00', 'P3'),
      status('2024-04-02T09:30+01:00', 'open'),
      status('2024-04-02T10:00+01:00', 'pending_customer'),
      status('2024-04-02T12:00+01:00', 'open'),
    ];
    expect(clock(clocks(london, events, '2024-04-02T11:00+01:00'), 'firstResponse')).toMatchObject({
      status: 'paused',
      pauses: [{ from: at('2024-04-02T10:00+01:00'), to: null, reason: 'pending_customer' }],
      dueAt: null,
      businessElapsedMs: HOUR,
      remainingMs: 3 * HOUR,
      warnings: [],
    });
    expect(clock(clocks(london, events, '2024-04-02T13:00+01:00'), 'firstResponse')).toMatchObject({
      status: 'running',
      pauses: [
        { from: at('2024-04-02T10:00+01:00'), to: at('2024-04-02T12:00+01:00'), reason: 'pending_customer' },
      ],
      dueAt: at('2024-04-02T15:00+01:00'),
      businessElapsedMs: 2 * HOUR,
    });
  });

  it('does not pause in a waiting status the policy does not name', () => {
    const events = [
      opened('2024-04-02T09:00+01:00', 'P3'),
      status('2024-04-02T10:00+01:00', 'pending_internal'),
    ];
    expect(clock(clocks(london, events, '2024-04-02T11:00+01:00'), 'firstResponse').status).toBe('running');
  });

  it('stops without a breach when the case is resolved before any reply, breached if already late', () => {
    const early = clocks(
      london,
      [opened('2024-04-02T09:00+01:00', 'P3'), status('2024-04-02T10:00+01:00', 'resolved')],
      '2024-04-03T12:00+01:00',
    );
    expect(clock(early, 'firstResponse')).toMatchObject({
      status: 'stopped',
      breachedAt: null,
      remainingMs: 3 * HOUR,
    });
    expect(clock(early, 'resolution').status).toBe('met');

    const late = clocks(
      london,
      [opened('2024-04-02T09:00+01:00', 'P3'), status('2024-04-03T09:00+01:00', 'closed')],
      '2024-04-03T12:00+01:00',
    );
    expect(clock(late, 'firstResponse')).toMatchObject({
      status: 'breached',
      breachedAt: at('2024-04-02T13:00+01:00'),
    });
  });

  it('ignores events after now', () => {
    const events = [opened('2024-04-02T09:00+01:00', 'P3'), reply('2024-04-02T10:00+01:00')];
    expect(clock(clocks(london, events, '2024-04-02T09:30+01:00'), 'firstResponse').status).toBe('running');
    expect(clocks(london, events, '2024-04-02T08:00+01:00')).toEqual([]);
  });
});

describe('next response', () => {
  const events = [
    opened('2024-05-01T00:00Z', 'P2'),
    customer('2024-05-01T01:00Z'),
    reply('2024-05-01T02:00Z'),
    customer('2024-05-01T03:00Z'),
    customer('2024-05-01T04:00Z'),
    note('2024-05-01T05:00Z'),
    reply('2024-05-01T06:00Z'),
    customer('2024-05-01T07:00Z'),
  ];

  it('runs a cycle from each unanswered customer reply after the first response, keeping the history', () => {
    const states = clocks(utc, events, '2024-05-01T12:00Z').filter(
      (state) => state.metric === 'nextResponse',
    );
    expect(states).toMatchObject([
      {
        cycle: 1,
        status: 'met',
        startedAt: at('2024-05-01T03:00Z'),
        stoppedAt: at('2024-05-01T06:00Z'),
        businessElapsedMs: 3 * HOUR,
      },
      {
        cycle: 2,
        status: 'running',
        startedAt: at('2024-05-01T07:00Z'),
        dueAt: at('2024-05-01T11:00Z'),
        breachedAt: at('2024-05-01T11:00Z'),
        remainingMs: -HOUR,
      },
    ]);
  });

  it('stops a running cycle when the case is resolved and starts one when a customer reply reopens it', () => {
    const states = clocks(
      utc,
      [
        ...events,
        status('2024-05-01T08:00Z', 'resolved'),
        customer('2024-05-01T09:00Z'),
        status('2024-05-01T09:00Z', 'open'),
      ],
      '2024-05-01T10:00Z',
    ).filter((state) => state.metric === 'nextResponse');
    expect(states.map((state) => [state.cycle, state.status, state.startedAt])).toEqual([
      [1, 'met', at('2024-05-01T03:00Z')],
      [2, 'stopped', at('2024-05-01T07:00Z')],
      [3, 'running', at('2024-05-01T09:00Z')],
    ]);
  });
});

describe('resolution on reopen', () => {
  const events = [
    opened('2024-05-01T00:00Z', 'P1'),
    status('2024-05-01T02:00Z', 'resolved'),
    status('2024-05-01T05:00Z', 'open'),
  ];

  it('resumes by default: elapsed kept, the resolved stretch a pause', () => {
    const states = clocks(utc, events, '2024-05-01T08:00Z').filter((state) => state.metric === 'resolution');
    expect(states).toMatchObject([
      {
        cycle: 1,
        status: 'running',
        pauses: [{ from: at('2024-05-01T02:00Z'), to: at('2024-05-01T05:00Z'), reason: 'resolved' }],
        businessElapsedMs: 5 * HOUR,
        dueAt: at('2024-05-01T11:00Z'),
        stoppedAt: null,
      },
    ]);
  });

  it('resets when the rules say so: the first cycle stays met, a second starts from zero', () => {
    const states = clocks(utc, events, '2024-05-01T08:00Z', 'reset').filter(
      (state) => state.metric === 'resolution',
    );
    expect(states).toMatchObject([
      { cycle: 1, status: 'met', businessElapsedMs: 2 * HOUR, stoppedAt: at('2024-05-01T02:00Z') },
      { cycle: 2, status: 'running', businessElapsedMs: 3 * HOUR, dueAt: at('2024-05-01T13:00Z') },
    ]);
  });
});

describe('periodic update', () => {
  it('starts a cycle at each public reply, stops at resolution and starts again on reopen', () => {
    const events = [
      opened('2024-05-01T00:00Z', 'P1'),
      reply('2024-05-01T01:00Z'),
      reply('2024-05-01T04:00Z'),
      status('2024-05-01T05:00Z', 'on_hold'),
    ];
    const states = clocks(utc, events, '2024-05-01T06:00Z').filter(
      (state) => state.metric === 'periodicUpdate',
    );
    expect(states).toMatchObject([
      { cycle: 1, status: 'met', businessElapsedMs: HOUR },
      { cycle: 2, status: 'breached', breachedAt: at('2024-05-01T03:00Z') },
      {
        cycle: 3,
        status: 'paused',
        pauses: [{ from: at('2024-05-01T05:00Z'), to: null, reason: 'on_hold' }],
        businessElapsedMs: HOUR,
        dueAt: null,
      },
    ]);

    const reopened = clocks(
      utc,
      [...events, status('2024-05-01T07:00Z', 'resolved'), status('2024-05-01T08:00Z', 'open')],
      '2024-05-01T09:00Z',
    ).filter((state) => state.metric === 'periodicUpdate');
    expect(reopened.map((state) => [state.cycle, state.status])).toEqual([
      [1, 'met'],
      [2, 'breached'],
      [3, 'stopped'],
      [4, 'running'],
    ]);
  });
});

describe('priority changes', () => {
  it('keep the elapsed time and recompute the due time from the new target', () => {
    const events = [opened('2024-05-01T00:00Z', 'P3'), priority('2024-05-01T02:00Z', 'P1')];
    expect(clock(clocks(utc, events, '2024-05-01T03:00Z'), 'resolution')).toMatchObject({
      targetMs: 8 * HOUR,
      businessElapsedMs: 3 * HOUR,
      dueAt: at('2024-05-01T08:00Z'),
    });
  });

  it('breach at the change, not before, when the new target is already used up', () => {
    const events = [opened('2024-05-01T00:00Z', 'P3'), priority('2024-05-01T10:00Z', 'P1')];
    const before = clock(clocks(utc, events, '2024-05-01T09:00Z'), 'resolution');
    const after = clock(clocks(utc, events, '2024-05-01T12:00Z'), 'resolution');
    expect(before.breachedAt).toBeNull();
    expect(after).toMatchObject({
      breachedAt: at('2024-05-01T10:00Z'),
      dueAt: at('2024-05-01T10:00Z'),
      remainingMs: -4 * HOUR,
    });
    expect(after.warnings.map((warning) => warning.at)).toEqual([
      at('2024-05-01T10:00Z'),
      at('2024-05-01T10:00Z'),
      at('2024-05-01T10:00Z'),
    ]);
  });

  it('pause a clock while the priority does not measure its metric', () => {
    const events = [
      opened('2024-05-01T00:00Z', 'P1'),
      priority('2024-05-01T02:00Z', 'P4'),
      priority('2024-05-01T04:00Z', 'P2'),
    ];
    expect(clock(clocks(utc, events, '2024-05-01T03:00Z'), 'resolution')).toMatchObject({
      status: 'paused',
      targetMs: 8 * HOUR,
      pauses: [{ from: at('2024-05-01T02:00Z'), to: null, reason: 'not_measured' }],
    });
    expect(clock(clocks(utc, events, '2024-05-01T05:00Z'), 'resolution')).toMatchObject({
      status: 'running',
      targetMs: 16 * HOUR,
      businessElapsedMs: 3 * HOUR,
      dueAt: at('2024-05-01T18:00Z'),
    });
  });

  it('give no clock for a metric the priority never measured', () => {
    const states = clocks(utc, [opened('2024-05-01T00:00Z', 'P4')], '2024-05-01T01:00Z');
    expect(states.map((state) => state.metric)).toEqual(['firstResponse']);
  });
});

describe('on a 24×7 calendar', () => {
  it('is due at the start plus the target, and counts every millisecond', () => {
    const states = clocks(utc, [opened('2024-05-01T00:00Z', 'P2')], '2024-05-01T00:30Z');
    expect(
      states.map((state) => [state.metric, state.dueAt! - state.startedAt, state.businessElapsedMs]),
    ).toEqual([
      ['firstResponse', 2 * HOUR, 30 * MINUTE],
      ['resolution', 16 * HOUR, 30 * MINUTE],
      ['periodicUpdate', 4 * HOUR, 30 * MINUTE],
    ]);
  });
});

describe('a history that cannot be replayed', () => {
  const codeOf = (events: CaseEvent[]) => {
    try {
      clocks(utc, events, '2024-06-01T00:00Z');
    } catch (error) {
      return isAppError(error) ? `${error.code} ${error.extra.errors?.[0]?.path}` : String(error);
    }
    return undefined;
  };

  it('is refused with the event at fault', () => {
    expect(codeOf([reply('2024-05-01T00:00Z')])).toBe('VALIDATION_FAILED events/0');
    expect(codeOf([opened('2024-05-01T01:00Z', 'P1'), reply('2024-05-01T00:00Z')])).toBe(
      'VALIDATION_FAILED events/1',
    );
    expect(codeOf([opened('2024-05-01T00:00Z', 'P1'), opened('2024-05-01T01:00Z', 'P1')])).toBe(
      'VALIDATION_FAILED events/1',
    );
  });

  it('is empty when there is no history', () => {
    expect(codeOf([])).toBeUndefined();
    expect(clocks(utc, [], '2024-06-01T00:00Z')).toEqual([]);
  });
});
