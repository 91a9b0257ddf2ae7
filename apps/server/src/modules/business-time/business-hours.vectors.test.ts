import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  actualElapsed,
  compileCalendar,
  formatInstant,
  parseInstant,
  type CalendarSpec,
  type Pause,
} from './index.ts';

/**
 * Conformance with the published business-hours vectors in `../shared` (beside the repository).
 * Skipped when that directory is absent; a vector of a kind or schedule this file cannot read fails
 * rather than being passed over.
 */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const vectorsFile = path.resolve(repositoryRoot, '../shared/vectors/business-hours.json');
const hasVectors = fs.existsSync(vectorsFile);

/** The fields the vectors use; which are present depends on `kind`. */
interface Vector {
  id: string;
  kind: string;
  schedule: string;
  timezone: string;
  holidays?: string[];
  start: string;
  now: string;
  target_business_hours?: number;
  target_hours?: number;
  sla_duration_hours?: number | null;
  expected_due: string;
  expected_wall_clock_hours?: number | null;
  expected: Record<string, number | null>;
  timeline: Array<{ at: string; status: string; event: string }>;
}
const vectors: Vector[] = hasVectors ? JSON.parse(fs.readFileSync(vectorsFile, 'utf8')).vectors : [];

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The vectors name schedules in words; each form they use, as a calendar. */
function calendarFor(vector: Vector): CalendarSpec {
  const timeZone = vector.timezone === 'instance' ? 'UTC' : vector.timezone;
  const holidays = vector.holidays ?? [];
  const schedule = vector.schedule;
  if (schedule === '24x7' || schedule === 'none (24x7)') return { timeZone, always: true, holidays };
  const weekdays = /^Mon-Fri (\d\d:\d\d)-(\d\d:\d\d)$/.exec(schedule);
  if (weekdays) {
    const day = [[weekdays[1]!, weekdays[2]!] as const];
    return { timeZone, week: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidays };
  }
  // "split at midnight" is how tools without overnight windows write one; Paydesk writes it as one window.
  const daily = /^daily (\d\d:\d\d)-(\d\d:\d\d)(?: \(split at midnight\))?$/.exec(schedule);
  if (daily) {
    const day = [[daily[1]!, daily[2]!] as const];
    return {
      timeZone,
      week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      holidays,
    };
  }
  throw new Error(`schedule "${schedule}" is not understood by this test: teach calendarFor to read it`);
}

/** "instance" vectors give wall times without an offset; the instance is taken to run in UTC. */
function instant(text: string, vector: Vector): number {
  const parsed = parseInstant(vector.timezone === 'instance' ? `${text}Z` : text);
  if (parsed === undefined) throw new Error(`vector ${vector.id}: cannot read instant ${text}`);
  return parsed;
}

describe.skipIf(!hasVectors)('business-hours vectors (../shared/vectors/business-hours.json)', () => {
  it('are all of kinds this suite checks', () => {
    expect(vectors.length).toBeGreaterThan(0);
    for (const vector of vectors)
      expect(['elapsed', 'due_time', 'zendesk_metrics'], vector.id).toContain(vector.kind);
  });

  describe.each(vectors.filter((v) => v.kind === 'due_time').map((v) => [v.id, v] as const))(
    'due %s',
    (_, vector) => {
      it('is due at the published instant', () => {
        const calendar = compileCalendar(calendarFor(vector));
        const start = instant(vector.start, vector);
        const target = vector.target_business_hours ?? vector.target_hours ?? NaN;
        const due = calendar.addBusinessTime(start, target * HOUR);
        expect(due).toBe(instant(vector.expected_due, vector));
        if (vector.timezone !== 'instance')
          expect(formatInstant(due, calendar.timeZone)).toBe(vector.expected_due);
        if (vector.expected_wall_clock_hours != null)
          expect((due - start) / HOUR).toBe(vector.expected_wall_clock_hours);
        // And back: the business time from start to due is the target.
        expect(calendar.businessElapsed(start, due)).toBe(target * HOUR);
      });
    },
  );

  describe.each(vectors.filter((v) => v.kind === 'elapsed').map((v) => [v.id, v] as const))(
    'elapsed %s',
    (_, vector) => {
      it('counts the published business and actual time', () => {
        const calendar = compileCalendar(calendarFor(vector));
        const start = instant(vector.start, vector);
        const now = instant(vector.now, vector);
        const business = calendar.businessElapsed(start, now) / HOUR;
        const actual = actualElapsed(start, now) / HOUR;
        expect(business).toBe(vector.expected.business_elapsed_hours);
        expect(actual).toBe(vector.expected.actual_elapsed_hours);
        if (vector.sla_duration_hours != null) {
          expect((business / vector.sla_duration_hours) * 100).toBeCloseTo(
            Number(vector.expected.business_elapsed_pct),
            10,
          );
          expect((actual / vector.sla_duration_hours) * 100).toBeCloseTo(
            Number(vector.expected.actual_elapsed_pct),
            10,
          );
        }
      });
    },
  );

  describe.each(vectors.filter((v) => v.kind === 'zendesk_metrics').map((v) => [v.id, v] as const))(
    'Zendesk metrics %s',
    (_, vector) => {
      // Calendar hours (24×7); each metric is elapsed time with the statuses it does not count paused.
      const calendar = compileCalendar({ timeZone: 'UTC', always: true });
      const timeline = vector.timeline.map((entry) => ({
        ...entry,
        at: parseInstant(`${entry.at}Z`)!,
      }));
      const created = timeline[0]!.at;
      const solved = timeline[timeline.length - 1]!.at;
      const agentReplies = timeline.filter((entry) => entry.event === 'agent public reply').map((e) => e.at);
      /** Pauses covering every stretch whose status is not counted. */
      const pausedUnless = (counted: string[]): Pause[] =>
        timeline
          .slice(0, -1)
          .flatMap((entry, i) =>
            counted.includes(entry.status) ? [] : [{ start: entry.at, end: timeline[i + 1]!.at }],
          );
      const minutes = (from: number, to: number, pauses: Pause[] = []) =>
        calendar.businessElapsed(from, to, pauses) / MINUTE;

      it('reproduces every published metric', () => {
        const requesterComment = timeline.find((entry) => entry.event === 'requester reply')!.at;
        const nextReply = agentReplies.find((at) => at > requesterComment)!;
        const [firstReply, secondReply] = agentReplies as [number, number];
        expect({
          first_reply_time_min: minutes(created, firstReply),
          next_reply_time_min: minutes(requesterComment, nextReply),
          requester_wait_time_min: minutes(created, solved, pausedUnless(['new', 'open', 'on-hold'])),
          agent_work_time_min: minutes(created, solved, pausedUnless(['new', 'open'])),
          agent_wait_time_min: minutes(created, solved, pausedUnless(['pending'])),
          on_hold_time_min: minutes(created, solved, pausedUnless(['on-hold'])),
          full_resolution_time_min: minutes(created, solved),
          periodic_update_min: minutes(firstReply, secondReply),
          pausable_update_min: minutes(firstReply, secondReply, pausedUnless(['new', 'open', 'on-hold'])),
        }).toEqual(vector.expected);
        expect(actualElapsed(created, solved, pausedUnless(['new', 'open'])) / MINUTE).toBe(
          vector.expected.agent_work_time_min,
        );
      });
    },
  );
});
