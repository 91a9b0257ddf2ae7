import type { Services } from '../app.ts';
import type { RequestContext } from '../platform/auth/index.ts';
import { demoAccountManager } from './demo-data.ts';

const demoAnalyst = 'analyst@paydesk.test';
const msPerDay = 86_400_000;

/** A date this many days from the seeding day, so the demo always has recent and upcoming items. */
function daysFrom(now: Date, days: number) {
  return new Date(now.getTime() + days * msPerDay).toISOString().slice(0, 10);
}

/**
 * Service reviews, decisions and action items for a few demo accounts: a quarterly review held a
 * month ago with its minutes and what came of it, the next one planned, and action items that are
 * done, due soon and overdue (so the reminder job has something to say on the first run).
 */
export async function seedDemoGovernance(
  services: Services,
  accountIds: Map<string, string>,
  people: Map<string, RequestContext>,
  now = new Date(),
) {
  const manager = people.get(demoAccountManager)!;
  const analyst = people.get(demoAnalyst)!;
  const staff = [
    { name: 'Amelia Hughes', organisation: 'Paydesk', role: 'Account manager' },
    { name: 'Service-level analyst', organisation: 'Paydesk', role: 'SLA reporting' },
  ];

  const northbank = accountIds.get('Northbank')!;
  const held = await services.governance.createReview(manager, northbank, {
    title: 'Quarterly service review',
    heldOn: daysFrom(now, -30),
    startsAt: '10:00',
    status: 'held',
    attendees: [
      ...staff,
      { name: 'Olivia Grant', organisation: 'Northbank', role: 'Head of Payments Operations' },
      { name: 'Raj Patel', organisation: 'Northbank', role: 'Service manager' },
    ],
    agenda: '1. Faster Payments availability\n2. Incidents of the quarter\n3. Request to Pay pilot',
    minutes:
      'Availability was 99.98% against a target of 99.95%. The two P2 incidents were reviewed; ' +
      'root causes are agreed. Northbank asked for a monthly incident summary.',
  });
  await services.governance.createDecision(manager, northbank, {
    reviewId: held.id,
    text: 'Send a monthly incident summary to the Northbank service manager.',
    decidedOn: held.heldOn,
    decidedBy: 'Olivia Grant and Amelia Hughes',
  });
  await services.governance.createDecision(manager, northbank, {
    text: 'Move planned maintenance windows to Sunday 01:00–04:00 UK time.',
    decidedOn: daysFrom(now, -12),
    decidedBy: 'Change advisory board',
  });
  const done = await services.governance.createActionItem(manager, northbank, {
    reviewId: held.id,
    title: 'Share the root-cause reports of both P2 incidents',
    ownerId: analyst.actor.userId,
    dueOn: daysFrom(now, -20),
  });
  await services.governance.updateActionItem(analyst, northbank, done.id, { status: 'done' });
  await services.governance.createActionItem(manager, northbank, {
    reviewId: held.id,
    title: 'Send the first monthly incident summary',
    ownerId: analyst.actor.userId,
    dueOn: daysFrom(now, 2),
    status: 'in_progress',
  });
  await services.governance.createActionItem(manager, northbank, {
    reviewId: held.id,
    title: 'Confirm Request to Pay pilot dates with product management',
    ownerId: manager.actor.userId,
    dueOn: daysFrom(now, -3),
  });
  await services.governance.createReview(manager, northbank, {
    title: 'Quarterly service review',
    heldOn: daysFrom(now, 60),
    startsAt: '10:00',
    attendees: staff,
    agenda: '1. Availability and incidents\n2. Monthly summaries: are they useful?\n3. Renewal timeline',
  });

  const paywisla = accountIds.get('PayWisła')!;
  await services.governance.createReview(manager, paywisla, {
    title: 'Przegląd usług — onboarding',
    heldOn: daysFrom(now, 14),
    attendees: [...staff, { name: 'Tomasz Nowak', organisation: 'PayWisła', role: 'CTO' }],
    agenda: '1. Go-live checklist\n2. Support contacts and escalation',
  });
  await services.governance.createActionItem(manager, paywisla, {
    title: 'Agree the escalation contacts for go-live',
    ownerId: manager.actor.userId,
    dueOn: daysFrom(now, 10),
  });
}
