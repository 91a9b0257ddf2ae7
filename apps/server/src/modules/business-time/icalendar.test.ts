import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { compileCalendar, importICalendarHolidays, parseCalendarSpec, parseInstant } from './index.ts';

/** iCalendar text with CRLF line ends, as files on the wire have them. */
const ics = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

const allDay = (date: string, summary: string, uid: string) => [
  'BEGIN:VEVENT',
  `DTEND;VALUE=DATE:${nextDay(date)}`,
  `DTSTART;VALUE=DATE:${date}`,
  `SUMMARY:${summary}`,
  `UID:${uid}@gov.uk`,
  'SEQUENCE:0',
  'DTSTAMP:20240101T000000Z',
  'END:VEVENT',
];

/** Shaped like GOV.UK's england-and-wales.ics: one event per holiday, no rules. */
const govUk = ics(
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:PUBLISH',
  'PRODID:-//uk.gov/GOVUK calendars//EN',
  'CALSCALE:GREGORIAN',
  ...allDay('20231225', 'Christmas Day', 'a0'),
  ...allDay('20240101', 'New Year’s Day', 'a1'),
  ...allDay('20240329', 'Good Friday', 'a2'),
  ...allDay('20240401', 'Easter Monday', 'a3'),
  ...allDay('20240506', 'Early May bank holiday', 'a4'),
  'BEGIN:VEVENT',
  'DTEND;VALUE=DATE:20240528',
  'DTSTART;VALUE=DATE:20240527',
  'SUMMARY:Spring bank ',
  ' holiday',
  'UID:a5@gov.uk',
  'END:VEVENT',
  ...allDay('20240826', 'Summer bank holiday', 'a6'),
  ...allDay('20241225', 'Christmas Day', 'a7'),
  ...allDay('20241226', 'Boxing Day', 'a8'),
  ...allDay('20250101', 'New Year’s Day', 'a9'),
  'END:VCALENDAR',
);

/** The same kind of calendar written with rules, including moved holidays (VE Day 2020, the 2022 Jubilee). */
const ukRules = ics(
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Paydesk test//UK bank holidays rules//EN',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:STANDARD',
  'DTSTART:19701025T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:early-may',
  'DTSTART;VALUE=DATE:20190506',
  'DTEND;VALUE=DATE:20190507',
  'RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=1MO',
  'SUMMARY:Early May bank holiday',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:early-may',
  'RECURRENCE-ID;VALUE=DATE:20200504',
  'DTSTART;VALUE=DATE:20200508',
  'DTEND;VALUE=DATE:20200509',
  'SUMMARY:Early May bank holiday (VE Day)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:spring',
  'DTSTART;VALUE=DATE:20190527',
  'DURATION:P1D',
  'RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO',
  'EXDATE;VALUE=DATE:20220530',
  'RDATE;VALUE=DATE:20220602,20220603',
  'SUMMARY:Spring bank holiday',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:summer',
  'DTSTART;VALUE=DATE:20190826',
  'RRULE:FREQ=YEARLY;BYMONTH=8;BYDAY=-1MO',
  'SUMMARY:Summer bank holiday',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER:-P1D',
  'END:VALARM',
  'END:VEVENT',
  'END:VCALENDAR',
);

/** Mexico's statutory rest days (Ley Federal del Trabajo, art. 74). */
const mexico = ics(
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Paydesk test//Días de descanso obligatorio//ES',
  'BEGIN:VEVENT',
  'UID:anio-nuevo',
  'DTSTART;VALUE=DATE:20000101',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:Año Nuevo',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:constitucion',
  'DTSTART;VALUE=DATE:20060206',
  'RRULE:FREQ=YEARLY;BYMONTH=2;BYDAY=1MO',
  'SUMMARY:Día de la Constitución (primer lunes de febrero)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:juarez',
  'DTSTART;VALUE=DATE:20060320',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=3MO',
  'SUMMARY:Natalicio de Benito Juárez',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:trabajo',
  'DTSTART;VALUE=DATE:20000501',
  'RRULE:FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1',
  'SUMMARY:Día del Trabajo',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:independencia',
  'DTSTART;VALUE=DATE:20000916',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:Día de la Independencia',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:poder-ejecutivo',
  'DTSTART;VALUE=DATE:20241001',
  'RRULE:FREQ=YEARLY;INTERVAL=6',
  'SUMMARY:Transmisión del Poder Ejecutivo Federal',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:revolucion',
  'DTSTART;VALUE=DATE:20061120',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=3MO',
  'SUMMARY:Revolución Mexicana\\, tercer lunes de noviembre',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:navidad',
  'DTSTART;VALUE=DATE:20001225',
  'RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25',
  'SUMMARY:Navidad',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:cancelado',
  'DTSTART;VALUE=DATE:20240212',
  'STATUS:CANCELLED',
  'SUMMARY:Carnaval (no es día de descanso)',
  'END:VEVENT',
  'END:VCALENDAR',
);

const dates = (holidays: Array<{ date: string }>) => holidays.map((h) => h.date);

describe('importICalendarHolidays', () => {
  it('reads a GOV.UK-style file of single all-day events, unfolding folded lines', () => {
    const holidays = importICalendarHolidays(govUk, {
      timeZone: 'Europe/London',
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(holidays).toEqual([
      { date: '2024-01-01', name: 'New Year’s Day' },
      { date: '2024-03-29', name: 'Good Friday' },
      { date: '2024-04-01', name: 'Easter Monday' },
      { date: '2024-05-06', name: 'Early May bank holiday' },
      { date: '2024-05-27', name: 'Spring bank holiday' },
      { date: '2024-08-26', name: 'Summer bank holiday' },
      { date: '2024-12-25', name: 'Christmas Day' },
      { date: '2024-12-26', name: 'Boxing Day' },
    ]);
  });

  it('expands first and last Mondays, with EXDATE, RDATE and a RECURRENCE-ID override', () => {
    const holidays = importICalendarHolidays(ukRules, {
      timeZone: 'Europe/London',
      from: '2020-01-01',
      to: '2025-12-31',
    });
    expect(dates(holidays.filter((h) => h.name?.startsWith('Early May')))).toEqual([
      '2020-05-08',
      '2021-05-03',
      '2022-05-02',
      '2023-05-01',
      '2024-05-06',
      '2025-05-05',
    ]);
    expect(holidays.find((h) => h.date === '2020-05-08')?.name).toBe('Early May bank holiday (VE Day)');
    expect(dates(holidays.filter((h) => h.name === 'Spring bank holiday'))).toEqual([
      '2020-05-25',
      '2021-05-31',
      '2022-06-02',
      '2022-06-03',
      '2023-05-29',
      '2024-05-27',
      '2025-05-26',
    ]);
    expect(dates(holidays.filter((h) => h.name === 'Summer bank holiday'))).toEqual([
      '2020-08-31',
      '2021-08-30',
      '2022-08-29',
      '2023-08-28',
      '2024-08-26',
      '2025-08-25',
    ]);
  });

  it("expands Mexico's rest days: fixed dates, nth Mondays, every six years; skips cancelled events", () => {
    const holidays = importICalendarHolidays(mexico, {
      timeZone: 'America/Mexico_City',
      from: '2024-01-01',
      to: '2025-12-31',
    });
    expect(dates(holidays)).toEqual([
      '2024-01-01',
      '2024-02-05',
      '2024-03-18',
      '2024-05-01',
      '2024-09-16',
      '2024-10-01',
      '2024-11-18',
      '2024-12-25',
      '2025-01-01',
      '2025-02-03',
      '2025-03-17',
      '2025-05-01',
      '2025-09-16',
      '2025-11-17',
      '2025-12-25',
    ]);
    expect(holidays[6]?.name).toBe('Revolución Mexicana, tercer lunes de noviembre');
    expect(
      dates(
        importICalendarHolidays(mexico, {
          timeZone: 'America/Mexico_City',
          from: '2030-09-01',
          to: '2030-10-31',
        }),
      ),
    ).toEqual(['2030-09-16', '2030-10-01']);
  });

  it('gives holidays the calendar accepts and the maths honours', () => {
    const holidays = importICalendarHolidays(mexico, {
      timeZone: 'America/Mexico_City',
      from: '2024-01-01',
      to: '2025-12-31',
    });
    const weekdays = [['09:00', '18:00']] as const;
    const spec = parseCalendarSpec({
      timeZone: 'America/Mexico_City',
      week: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
      holidays,
    });
    const calendar = compileCalendar(spec);
    // Friday 2 February 2024 17:00 + 2 h: Monday 5 February is Constitution Day.
    expect(calendar.addBusinessTime(parseInstant('2024-02-02T17:00:00-06:00')!, 2 * 3_600_000)).toBe(
      parseInstant('2024-02-06T10:00:00-06:00'),
    );
  });

  it('cuts date-time events into part-day holidays in the calendar zone', () => {
    const eve = ics(
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Europe/London:20241224T130000',
      'DTEND;TZID=Europe/London:20241225T000000',
      'SUMMARY:Christmas Eve afternoon',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20241230T150000Z',
      'DTEND:20250102T120000Z',
      'SUMMARY:Year-end freeze',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    expect(
      importICalendarHolidays(eve, { timeZone: 'Europe/London', from: '2024-12-01', to: '2025-01-31' }),
    ).toEqual([
      { date: '2024-12-24', name: 'Christmas Eve afternoon', from: '13:00', to: '24:00' },
      { date: '2024-12-30', name: 'Year-end freeze', from: '15:00', to: '24:00' },
      { date: '2024-12-31', name: 'Year-end freeze' },
      { date: '2025-01-01', name: 'Year-end freeze' },
      { date: '2025-01-02', name: 'Year-end freeze', from: '00:00', to: '12:00' },
    ]);
    expect(
      importICalendarHolidays(eve, { timeZone: 'America/New_York', from: '2024-12-24', to: '2024-12-24' }),
    ).toEqual([{ date: '2024-12-24', name: 'Christmas Eve afternoon', from: '08:00', to: '19:00' }]);
  });

  it('honours COUNT, UNTIL, INTERVAL and WEEKLY, DAILY and MONTHLY rules', () => {
    const rules = ics(
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240101',
      'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4',
      'SUMMARY:weekly',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240201',
      'RRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20240207',
      'SUMMARY:daily',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240131',
      'RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3',
      'SUMMARY:month end',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240409',
      'RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;UNTIL=20240831T000000Z',
      'SUMMARY:second Tuesday',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    const holidays = importICalendarHolidays(rules, {
      timeZone: 'UTC',
      from: '2024-01-01',
      to: '2024-12-31',
    });
    const named = (name: string) => dates(holidays.filter((h) => h.name === name));
    expect(named('weekly')).toEqual(['2024-01-01', '2024-01-03', '2024-01-08', '2024-01-10']);
    expect(named('daily')).toEqual(['2024-02-01', '2024-02-03', '2024-02-05', '2024-02-07']);
    expect(named('month end')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(named('second Tuesday')).toEqual(['2024-04-09', '2024-06-11', '2024-08-13']);
  });
});

describe('importICalendarHolidays refuses a malformed file, naming the line', () => {
  const problemsOf = (text: string): string[] => {
    try {
      importICalendarHolidays(text, { timeZone: 'Europe/London', from: '2024-01-01', to: '2024-12-31' });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'ICALENDAR_INVALID') throw error;
      return (error.extra.errors ?? []).map((e) => `${e.path}: ${e.message}`);
    }
    throw new Error('the file was accepted');
  };

  it('that is not iCalendar at all', () => {
    expect(problemsOf('Date,Holiday\n2024-01-01,New Year\n')).toEqual([
      'line 1: not a content line "NAME:value": "Date,Holiday"',
      'line 2: not a content line "NAME:value": "2024-01-01,New Year"',
    ]);
    expect(problemsOf('')).toEqual(['line 1: not an iCalendar file: no BEGIN:VCALENDAR']);
  });

  it('whose components do not nest', () => {
    expect(
      problemsOf(ics('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20240101', 'END:VCALENDAR')),
    ).toEqual([
      'line 4: END:VCALENDAR does not close BEGIN:VEVENT (line 2)',
      'line 1: BEGIN:VCALENDAR is never closed with END:VCALENDAR',
    ]);
    expect(problemsOf(ics('BEGIN:VEVENT', 'END:VEVENT'))).toEqual([
      'line 1: expected BEGIN:VCALENDAR, found BEGIN:VEVENT',
    ]);
  });

  it('with bad dates, rules and zones — every one listed', () => {
    const text = ics(
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'SUMMARY:no start',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240231',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240101',
      'RRULE:FREQ=HOURLY',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240101',
      'RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Eastern Standard Time:20240101T090000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240105',
      'DTEND;VALUE=DATE:20240101',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    expect(problemsOf(text)).toEqual([
      'line 2: VEVENT without DTSTART',
      'line 6: DTSTART "20240231" is not a date YYYYMMDD',
      'line 10: RRULE FREQ=HOURLY is not supported (YEARLY, MONTHLY, WEEKLY, DAILY)',
      'line 14: RRULE part BYSETPOS is not supported',
      'line 17: TZID "Eastern Standard Time" is not an IANA time zone name',
      'line 21: DTEND is before DTSTART',
    ]);
  });

  it('with a continuation line before any content line', () => {
    expect(problemsOf(' BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')).toEqual([
      'line 1: a continuation line with nothing to continue',
      'line 2: END:VCALENDAR without a BEGIN',
    ]);
  });

  it('and says which line in the message', () => {
    expect(() =>
      importICalendarHolidays(
        ics('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:tomorrow', 'END:VEVENT', 'END:VCALENDAR'),
        {
          timeZone: 'UTC',
          from: '2024-01-01',
          to: '2024-12-31',
        },
      ),
    ).toThrow(
      'The iCalendar file is not valid: line 3: DTSTART "tomorrow" is not a date YYYYMMDD or date-time YYYYMMDDTHHMMSS[Z]',
    );
  });
});

function nextDay(yyyymmdd: string): string {
  const date = new Date(
    Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6)) + 1),
  );
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}
