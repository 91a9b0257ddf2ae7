import type { CaseStatus, Priority } from '@paydesk/shared';
import { compileCalendar, parseInstant, type BusinessCalendar } from '../business-time/index.ts';
import type { CaseEvent, ClockPolicy } from './clock-types.ts';

/** Calendars, a policy and event builders shared by the sla-clocks tests. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function at(text: string): number {
  const instant = parseInstant(text);
  if (instant === undefined) throw new Error(`bad instant in test: ${text}`);
  return instant;
}

const officeHours = [['09:00', '17:30']] as const;

/** Mon–Fri 09:00–17:30 London with the 2024 Easter bank holidays (BST starts on Easter Sunday). */
export function londonOffice(): BusinessCalendar {
  return compileCalendar({
    timeZone: 'Europe/London',
    week: { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours },
    holidays: [
      { date: '2024-03-29', name: 'Good Friday' },
      { date: '2024-04-01', name: 'Easter Monday' },
    ],
  });
}

export function allDay(): BusinessCalendar {
  return compileCalendar({ timeZone: 'UTC', always: true });
}

const targets = (
  firstResponse: number | null,
  nextResponse: number | null,
  resolution: number | null,
  periodicUpdate: number | null,
) => ({
  firstResponse,
  nextResponse,
  resolution,
  periodicUpdate,
});

/** Minutes: P1 1 h / 2 h / 8 h / 2 h … P4 measures only the first response. */
export const policy: ClockPolicy = {
  targets: {
    P1: targets(60, 120, 480, 120),
    P2: targets(120, 240, 960, 240),
    P3: targets(240, 480, 2400, null),
    P4: targets(480, null, null, null),
  },
  pauseStatuses: ['pending_customer', 'pending_vendor', 'on_hold'],
  warningThresholds: [50, 75, 90],
};

export const opened = (when: string, priority: Priority, status: CaseStatus = 'new'): CaseEvent => ({
  type: 'opened',
  at: at(when),
  status,
  priority,
});
export const status = (when: string, to: CaseStatus): CaseEvent => ({
  type: 'status_changed',
  at: at(when),
  to,
});
export const priority = (when: string, to: Priority): CaseEvent => ({
  type: 'priority_changed',
  at: at(when),
  to,
});
export const reply = (when: string): CaseEvent => ({ type: 'staff_replied', at: at(when), public: true });
export const note = (when: string): CaseEvent => ({ type: 'staff_replied', at: at(when), public: false });
export const customer = (when: string): CaseEvent => ({ type: 'customer_replied', at: at(when) });
