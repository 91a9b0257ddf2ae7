import { formatInstant } from '../business-time/index.ts';

/** Instants and business durations as the clock explanations print them, in the calendar's zone. */

const weekdayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

interface LocalMoment {
  /** `Tue 2 Apr` */
  day: string;
  year: string;
  /** `09:00`, or `09:00:30` off the minute */
  time: string;
  /** `+01:00` */
  offset: string;
}

function localMoment(instant: number, zone: string): LocalMoment {
  // formatInstant already does the zone's offset; its text is read back into parts.
  const text = formatInstant(instant, zone);
  const [year, month, dayOfMonth] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, dayOfMonth)).getUTCDay();
  const seconds = text.slice(17, 19);
  return {
    day: `${weekdayNames[weekday]} ${dayOfMonth} ${monthNames[month - 1]}`,
    year: String(year),
    time: seconds === '00' ? text.slice(11, 16) : text.slice(11, 19),
    offset: text.slice(text.length - 6),
  };
}

/** `Tue 2 Apr 2024 11:30 (UTC+01:00)` */
export function formatMoment(instant: number, zone: string): string {
  const moment = localMoment(instant, zone);
  return `${moment.day} ${moment.year} ${moment.time} (UTC${moment.offset})`;
}

/** `Tue 2 Apr`: the local day an instant falls on. */
export function formatDay(instant: number, zone: string): string {
  return localMoment(instant, zone).day;
}

/** `Tue 2 Apr 09:00–17:30`, `Thu 28 Mar 17:30–24:00`, `Thu 28 Mar 17:30 – Tue 2 Apr 09:00`. */
export function describeSpan(from: number, to: number, zone: string): string {
  const start = localMoment(from, zone);
  const end = localMoment(to, zone);
  if (start.day === end.day) return `${start.day} ${start.time}–${end.time}`;
  if (end.time === '00:00' && localMoment(to - 1, zone).day === start.day)
    return `${start.day} ${start.time}–24:00`;
  return `${start.day} ${start.time} – ${end.day} ${end.time}`;
}

/** `8 h 30 min`, `45 min`, `12 min 30 s`, `0 min`; hours are not folded into days (business days vary). */
export function formatBusinessTime(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const magnitude = Math.abs(ms);
  const hours = Math.floor(magnitude / MS_PER_HOUR);
  const minutes = Math.floor((magnitude % MS_PER_HOUR) / MS_PER_MINUTE);
  const seconds = Math.floor((magnitude % MS_PER_MINUTE) / 1000);
  const parts = [hours && `${hours} h`, minutes && `${minutes} min`, seconds && `${seconds} s`].filter(
    Boolean,
  );
  return parts.length ? `${sign}${parts.join(' ')}` : '0 min';
}
