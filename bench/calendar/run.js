/**
 * `npm run bench:calendar` — Paydesk's `addBusinessTime` against moment-business-time and
 * dayjs-business-time on the same inputs in the same run: a Mon–Fri 09:00–18:00 Mexico City calendar
 * with Mexico's statutory rest days, start instants over two years. Prints ops/s, the ratio to the
 * faster peer, where the peers disagree with Paydesk, and how all three fare on the shared vectors.
 *
 * The peers have no time zones of their own: they compute in the process's local zone, so the bench
 * sets TZ to the calendar's zone (Node applies a change of process.env.TZ at once).
 *
 * Plain JavaScript run through tsx's loader (for the TypeScript module it measures): the TypeScript
 * projects cannot include server sources from bench/, and the peers ship no usable types anyway.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import dayjs from 'dayjs';
import dayjsBusinessTime from 'dayjs-business-time';
import moment from 'moment-business-time';
import {
  compileCalendar,
  formatInstant,
  importICalendarHolidays,
  parseInstant,
} from '../../apps/server/src/modules/business-time/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const INPUTS = 10_000;
const MEASURE_MS = 2_000;

dayjs.extend(dayjsBusinessTime);

// ——— the calendar and the inputs ———

const zone = 'America/Mexico_City';
const holidays = importICalendarHolidays(fs.readFileSync(path.join(here, 'mexico-holidays.ics'), 'utf8'), {
  timeZone: zone,
  from: '2024-01-01',
  to: '2026-12-31',
});
const nineToSix = [['09:00', '18:00']];
const spec = {
  timeZone: zone,
  week: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
  holidays,
};

/** mulberry32: the same inputs on every run. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const next = random(20_240_101);
const firstStart = parseInstant('2024-01-01T00:00:00-06:00');
const lastStart = parseInstant('2026-01-01T00:00:00-06:00');
/** Whole minutes (the peers count in minutes): any minute of 2024–2025; 1 minute … 45 business hours. */
const inputs = Array.from({ length: INPUTS }, () => ({
  start: firstStart + Math.floor(next() * ((lastStart - firstStart) / MINUTE)) * MINUTE,
  minutes: 1 + Math.floor(next() * 45 * 60),
}));

// ——— the three implementations ———

/**
 * A calendar's windows per weekday (index 0 = Sunday) as [open, close] minutes after midnight,
 * overnight ones split at midnight as the peers need.
 */
function peerWeek(calendar) {
  const week = [[], [], [], [], [], [], []];
  if ('always' in calendar) return week.map(() => [[0, 1440]]);
  const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const minutes = (text) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
  names.forEach((name, day) => {
    for (const [openText, closeText] of calendar.week[name] ?? []) {
      const [open, close] = [minutes(openText), minutes(closeText)];
      if (close > open) week[day].push([open, close]);
      else {
        week[day].push([open, 1440]);
        week[(day + 1) % 7].push([0, close]);
      }
    }
  });
  return week.map((windows) => windows.sort((a, b) => a[0] - b[0]));
}

function configurePeers(calendar, timeZone) {
  process.env.TZ = timeZone;
  const week = peerWeek(calendar);
  const clock = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
  const dates = (calendar.holidays ?? []).map((h) => (typeof h === 'string' ? h : h.date));
  moment.updateLocale('en', {
    workinghours: Object.fromEntries(
      week.map((windows, day) => [
        day,
        windows.length ? windows.flatMap(([o, c]) => [clock(o), clock(c)]) : null,
      ]),
    ),
    holidays: dates,
  });
  const names = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  dayjs.setBusinessTime(
    Object.fromEntries(
      names.map((name, day) => [
        name,
        week[day].length ? week[day].map(([o, c]) => ({ start: clock(o), end: clock(c) })) : null,
      ]),
    ),
  );
  dayjs.setHolidays(dates);
}

const paydesk = compileCalendar(spec);
const implementations = [
  { name: 'Paydesk', add: (start, minutes) => paydesk.addBusinessTime(start, minutes * MINUTE) },
  {
    name: 'moment-business-time 2.0.0',
    add: (start, minutes) => moment(start).addWorkingTime(minutes, 'minutes').valueOf(),
  },
  {
    name: 'dayjs-business-time 1.0.4',
    add: (start, minutes) => dayjs(start).addBusinessMinutes(minutes).valueOf(),
  },
];

/** ops/s over repeated passes through the inputs for at least MEASURE_MS. */
function measure(add) {
  let operations = 0;
  let checksum = 0;
  const began = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (let i = 0; i < 100; i++) {
      const input = inputs[(operations + i) % INPUTS];
      checksum += add(input.start, input.minutes) % 7;
    }
    operations += 100;
    elapsed = performance.now() - began;
  }
  if (Number.isNaN(checksum)) throw new Error('a result was not a number');
  return operations / (elapsed / 1000);
}

// ——— run ———

configurePeers(spec, zone);
if (new Date(Date.UTC(2024, 6, 1)).getTimezoneOffset() !== 360) throw new Error('TZ did not take effect');

const speeds = implementations.map(({ name, add }) => ({ name, opsPerSecond: measure(add) }));
const ours = speeds[0].opsPerSecond;
const fasterPeer = Math.max(...speeds.slice(1).map((s) => s.opsPerSecond));

const line = (...cells) => console.log(cells.join(''));
const fmt = (n) => Math.round(n).toLocaleString('en-US');
line('Paydesk calendar bench: addBusinessTime');
line(
  `calendar: Mon–Fri 09:00–18:00 ${zone}, ${holidays.length} statutory rest days 2024–2026 (from an .ics, RRULEs expanded)`,
);
line(
  `inputs: ${INPUTS} (start: a whole minute in 2024–2025; target: 1 min … 45 h of business time in whole minutes)`,
);
line(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; one thread`,
);
line('');
line('implementation'.padEnd(30), 'ops/s'.padStart(14), '   ratio to the faster peer');
for (const { name, opsPerSecond } of speeds)
  line(name.padEnd(30), fmt(opsPerSecond).padStart(14), `   ${(opsPerSecond / fasterPeer).toFixed(2)}×`);
line('');
line(
  `goal ≥ 1,000,000 ops/s: ${ours >= 1_000_000 ? 'met' : 'NOT met'}; ` +
    `goal ≥ 50× the faster peer: ${ours / fasterPeer >= 50 ? 'met' : 'NOT met'} (${(ours / fasterPeer).toFixed(0)}×)`,
);

reportDisagreements(`the ${INPUTS} inputs above`, spec, zone, inputs);
// Not timed: the same comparison where the peers are weakest, on nights across DST changes.
const nights = {
  timeZone: 'America/New_York',
  week: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['22:00', '06:00']]]),
  ),
  holidays: ['2024-12-25', '2025-01-01'],
};
reportDisagreements(
  '2,000 of them on a daily 22:00–06:00 America/New_York calendar',
  nights,
  'America/New_York',
  inputs.slice(0, 2_000),
);
configurePeers(spec, zone);

reportVectors();

/** Runs the inputs through all three on a calendar and lists where the peers' due times differ. */
function reportDisagreements(title, calendar, timeZone, cases) {
  configurePeers(calendar, timeZone);
  const compiled = compileCalendar(calendar);
  const ours = cases.map((input) => compiled.addBusinessTime(input.start, input.minutes * MINUTE));
  line('');
  line(`Where the peers disagree with Paydesk on ${title}:`);
  for (const peer of implementations.slice(1)) {
    const failures = [];
    const differing = cases.flatMap((input, i) => {
      try {
        const theirs = peer.add(input.start, input.minutes);
        return theirs === ours[i] ? [] : [{ ...input, ours: ours[i], theirs }];
      } catch (error) {
        failures.push({ ...input, error: String(error) });
        return [];
      }
    });
    const later = differing.filter((d) => d.theirs > d.ours).length;
    line(
      `  ${peer.name}: ${cases.length - differing.length - failures.length} agree, ${differing.length} differ ` +
        `(${later} later than Paydesk, ${differing.length - later} earlier), ${failures.length} throw`,
    );
    const who = peer.name.split(' ')[0];
    for (const d of differing.slice(0, 3))
      line(
        `    from ${formatInstant(d.start, timeZone)} + ${d.minutes} min: Paydesk ${formatInstant(d.ours, timeZone)}, ` +
          `${who} ${formatInstant(d.theirs, timeZone)}`,
      );
    for (const f of failures.slice(0, 2))
      line(`    from ${formatInstant(f.start, timeZone)} + ${f.minutes} min: ${who} throws ${f.error}`);
  }
}

/** The shared vectors (due-time and elapsed kinds) through all three, when ../shared is there. */
function reportVectors() {
  const file = path.resolve(here, '../../../shared/vectors/business-hours.json');
  line('');
  if (!fs.existsSync(file)) {
    line(`Vectors: ${file} not found; skipped.`);
    return;
  }
  const { vectors } = JSON.parse(fs.readFileSync(file, 'utf8'));
  line('Vectors (../shared/vectors/business-hours.json): ✓ agrees with the published figure, ✗ does not');
  line('vector'.padEnd(40), 'Paydesk'.padEnd(10), 'moment'.padEnd(10), 'dayjs');
  for (const vector of vectors) {
    if (vector.kind !== 'due_time' && vector.kind !== 'elapsed') {
      line(vector.id.padEnd(40), `(${vector.kind}: needs pauses by status; Paydesk checked in its tests)`);
      continue;
    }
    const timeZone = vector.timezone === 'instance' ? 'UTC' : vector.timezone;
    const calendar = vectorCalendar(vector.schedule, timeZone, vector.holidays ?? []);
    configurePeers(calendar, timeZone);
    const instant = (text) => parseInstant(vector.timezone === 'instance' ? `${text}Z` : text);
    const start = instant(vector.start);
    const ours = compileCalendar(calendar);
    let cells;
    if (vector.kind === 'due_time') {
      const minutes = (vector.target_business_hours ?? vector.target_hours ?? 0) * 60;
      const expected = instant(vector.expected_due);
      const show = (due) => (due === expected ? '✓' : `✗ ${formatInstant(due, timeZone)}`);
      cells = [
        show(ours.addBusinessTime(start, minutes * MINUTE)),
        show(moment(start).addWorkingTime(minutes, 'minutes').valueOf()),
        show(dayjs(start).addBusinessMinutes(minutes).valueOf()),
      ];
    } else {
      const now = instant(vector.now);
      const expected = vector.expected.business_elapsed_hours;
      const show = (hours) => (hours === expected ? '✓' : `✗ ${hours} h`);
      cells = [
        show(ours.businessElapsed(start, now) / HOUR),
        show(moment(now).workingDiff(moment(start), 'minutes', true) / 60),
        show(dayjs(start).businessMinutesDiff(dayjs(now)) / 60),
      ];
    }
    line(vector.id.padEnd(40), cells[0].padEnd(10), cells[1].padEnd(10), cells[2]);
  }
  process.env.TZ = zone;
}

function vectorCalendar(schedule, timeZone, holidayDates) {
  if (schedule === '24x7' || schedule === 'none (24x7)')
    return { timeZone, always: true, holidays: holidayDates };
  const hours = /(\d\d:\d\d)-(\d\d:\d\d)/.exec(schedule);
  if (!hours) throw new Error(`schedule "${schedule}" not understood`);
  const windows = [[hours[1], hours[2]]];
  const days = schedule.startsWith('daily')
    ? ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
    : ['mon', 'tue', 'wed', 'thu', 'fri'];
  return { timeZone, week: Object.fromEntries(days.map((d) => [d, windows])), holidays: holidayDates };
}
