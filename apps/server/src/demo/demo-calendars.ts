import type { NewCalendar } from '../modules/calendars/index.ts';

const weekdays = (open: string, close: string) => {
  const day = [[open, close] as const];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
};

const named = (name: string, dates: string[]) => dates.map((date) => ({ date, name }));

/** England and Wales bank holidays as GOV.UK publishes them, substitute days included. */
const englandAndWales = [
  ...named("New Year's Day", ['2025-01-01', '2026-01-01', '2027-01-01']),
  ...named('Good Friday', ['2025-04-18', '2026-04-03', '2027-03-26']),
  ...named('Easter Monday', ['2025-04-21', '2026-04-06', '2027-03-29']),
  ...named('Early May bank holiday', ['2025-05-05', '2026-05-04', '2027-05-03']),
  ...named('Spring bank holiday', ['2025-05-26', '2026-05-25', '2027-05-31']),
  ...named('Summer bank holiday', ['2025-08-25', '2026-08-31', '2027-08-30']),
  ...named('Christmas Day', ['2025-12-25', '2026-12-25', '2027-12-27']),
  ...named('Boxing Day', ['2025-12-26', '2026-12-28', '2027-12-28']),
].sort((a, b) => a.date.localeCompare(b.date));

/** Mexico's statutory rest days (Ley Federal del Trabajo, art. 74); the Monday ones move each year. */
const mexico = [
  ...named('Año Nuevo', ['2025-01-01', '2026-01-01', '2027-01-01']),
  ...named('Día de la Constitución', ['2025-02-03', '2026-02-02', '2027-02-01']),
  ...named('Natalicio de Benito Juárez', ['2025-03-17', '2026-03-16', '2027-03-15']),
  ...named('Día del Trabajo', ['2025-05-01', '2026-05-01', '2027-05-01']),
  ...named('Día de la Independencia', ['2025-09-16', '2026-09-16', '2027-09-16']),
  ...named('Día de la Revolución', ['2025-11-17', '2026-11-16', '2027-11-15']),
  ...named('Navidad', ['2025-12-25', '2026-12-25', '2027-12-25']),
].sort((a, b) => a.date.localeCompare(b.date));

/** The calendars SLA policies of the demo accounts will count on. */
export const demoCalendars: NewCalendar[] = [
  {
    name: 'UK business hours',
    description: 'Mon–Fri 09:00–17:30 London time; England and Wales bank holidays 2025–2027',
    spec: { timeZone: 'Europe/London', week: weekdays('09:00', '17:30'), holidays: englandAndWales },
  },
  {
    name: 'Mexico City business hours',
    description:
      'Lunes a viernes 09:00–18:00, hora de la Ciudad de México; días de descanso obligatorio 2025–2027',
    spec: { timeZone: 'America/Mexico_City', week: weekdays('09:00', '18:00'), holidays: mexico },
  },
  {
    name: '24×7',
    description: 'Every hour of every day: P1 incidents on payment rails',
    spec: { timeZone: 'UTC', always: true },
  },
];
