import type { CaseStatus, CaseType, ImpactLevel } from '@paydesk/shared';
import type { Services } from '../app.ts';
import type { RequestContext } from '../platform/auth/index.ts';
import type { Clock } from '../platform/clock.ts';
import { demoAccountManager } from './demo-data.ts';

/**
 * Demo cases with a history: each is replayed step by step at its original time (hours before the
 * seeding), so the SLA engine computes real clocks from it — some met, some at risk, some breached.
 */
type Step =
  | { after: number; by: string; reply: string; internal?: boolean }
  | { after: number; by: string; status: CaseStatus };

interface DemoCase {
  account: string;
  /** Hours before the seeding that the case was opened. */
  openedHoursAgo: number;
  openedBy: string;
  subject: string;
  description: string;
  type: CaseType;
  impact: ImpactLevel;
  urgency: ImpactLevel;
  serviceCode?: string;
  /** The account's contact who raised it (their e-mail), so replies and macros can name them. */
  contact?: string;
  channel?: 'email' | 'phone' | 'portal';
  team?: string;
  assignee?: string;
  /** Hours after opening, in order. */
  steps?: Step[];
}

const l1 = 'l1.agent@paydesk.test';
const l2 = 'l2.agent@paydesk.test';
const l3 = 'l3.agent@paydesk.test';
const northbank = 'customer@northbank.test';

export const demoCases: DemoCase[] = [
  {
    account: 'Northbank',
    openedHoursAgo: 0.4,
    openedBy: northbank,
    subject: 'Inbound Faster Payments credits delayed since 09:10',
    contact: 'hannah.clarke@northbank.test',
    description: 'About 300 inbound FPS credits are delayed. Customers are calling. Please treat as urgent.',
    type: 'incident',
    impact: 'high',
    urgency: 'high',
    serviceCode: 'faster_payments',
    team: 'l3-london',
    assignee: l3,
  },
  {
    account: 'Northbank',
    openedHoursAgo: 30,
    openedBy: l1,
    subject: 'Bacs Direct Debit file rejected: invalid originator number',
    contact: 'rajesh.patel@northbank.test',
    description: 'Our submission for Monday was rejected with reason code 0018.',
    type: 'incident',
    impact: 'medium',
    urgency: 'high',
    serviceCode: 'bacs_direct_debit',
    channel: 'phone',
    team: 'l2-warsaw',
    assignee: l2,
    steps: [
      { after: 0.2, by: l2, reply: 'We are checking the originator table for your service user number.' },
      {
        after: 0.3,
        by: l2,
        reply: 'SUN mapping changed in the last release; raising with engineering.',
        internal: true,
      },
      { after: 1, by: l2, status: 'pending_internal' },
    ],
  },
  {
    account: 'Thames Mutual Bank',
    openedHoursAgo: 52,
    openedBy: l1,
    subject: 'Request: add a second settlement contact for Faster Payments',
    contact: 'oliver.reid@thamesmutual.test',
    description: 'Please add Grace Thompson as a settlement contact from next week.',
    type: 'service_request',
    impact: 'low',
    urgency: 'medium',
    serviceCode: 'faster_payments',
    channel: 'email',
    team: 'l1-mexico',
    assignee: l1,
    steps: [
      { after: 2, by: l1, reply: 'Thanks — could you confirm her phone number for call-backs?' },
      { after: 2.1, by: l1, status: 'pending_customer' },
    ],
  },
  {
    account: 'Northbank',
    openedHoursAgo: 120,
    openedBy: northbank,
    subject: 'Question about the new ISO 20022 pacs.008 fields',
    contact: 'fiona.grant@northbank.test',
    description: 'Which structured address fields become mandatory in November?',
    type: 'question',
    impact: 'low',
    urgency: 'low',
    team: 'l1-mexico',
    assignee: l1,
    steps: [
      {
        after: 3,
        by: l1,
        reply: 'Town name and country become mandatory; the rest stays optional. Guide attached.',
      },
      { after: 3.1, by: l1, status: 'resolved' },
    ],
  },
  {
    account: 'PagoRápido',
    openedHoursAgo: 9,
    openedBy: 'soporte@pagorapido.test',
    subject: 'Pagos de servicios duplicados en el corte de las 14:00',
    contact: 'mariana.lopez@pagorapido.test',
    description: 'Detectamos 12 pagos duplicados a Agua Metropolitana en el corte de las 14:00.',
    type: 'payment_investigation',
    impact: 'medium',
    urgency: 'medium',
    serviceCode: 'bill_payments',
    team: 'l1-mexico',
  },
  {
    account: 'PayWisła',
    openedHoursAgo: 75,
    openedBy: 'wsparcie@paywisla.test',
    subject: 'Reklamacja: obciążenie karty bez autoryzacji',
    contact: 'agnieszka.kowalska@paywisla.test',
    description: 'Klient zgłasza obciążenie, którego nie autoryzował. Prosimy o zbadanie transakcji.',
    type: 'dispute',
    impact: 'low',
    urgency: 'high',
    team: 'l2-warsaw',
  },
];

/**
 * Replays the demo cases through the cases service at their original times, acting as the people
 * in them (their replies are theirs in the timeline and the audit log).
 */
export async function seedDemoCases(
  services: Services,
  clock: Clock,
  accountIds: Map<string, string>,
  teamIds: Map<string, string>,
  people: Map<string, RequestContext>,
) {
  const now = clock.now().getTime();
  const hours = (value: number) => value * 3_600_000;
  const manager = people.get(demoAccountManager)!;
  for (const demo of demoCases) {
    const openedAt = now - hours(demo.openedHoursAgo);
    const opener = people.get(demo.openedBy)!;
    const isStaff = opener.actor.accountId === null;
    const accountId = accountIds.get(demo.account)!;
    const contacts = demo.contact
      ? (await services.accounts.listContacts(manager, accountId, { limit: 100 })).items
      : [];
    const contactId = contacts.find((contact) => contact.email === demo.contact)?.id;
    if (demo.contact && !contactId) throw new Error(`demo contact ${demo.contact} is not ${demo.account}'s`);
    let current = await services.cases.create(
      opener,
      {
        accountId,
        ...(contactId ? { contactId } : {}),
        subject: demo.subject,
        description: demo.description,
        type: demo.type,
        impact: demo.impact,
        urgency: demo.urgency,
        ...(demo.serviceCode ? { serviceCode: demo.serviceCode } : {}),
        ...(isStaff && demo.channel ? { channel: demo.channel } : {}),
      },
      { at: new Date(openedAt) },
    );
    // Triage is the desk's: the team and the assignee are set just after the case arrives.
    if (demo.team || demo.assignee) {
      current = await services.cases.update(
        null,
        current.id,
        current.version,
        {
          ...(demo.team ? { teamId: teamIds.get(demo.team)! } : {}),
          ...(demo.assignee ? { assigneeId: people.get(demo.assignee)!.actor.userId } : {}),
        },
        { at: new Date(openedAt + 60_000) },
      );
    }
    for (const step of demo.steps ?? []) {
      const at = new Date(openedAt + hours(step.after));
      const person = people.get(step.by)!;
      if ('reply' in step) {
        await services.cases.addMessage(
          person,
          current.id,
          { visibility: step.internal ? 'internal' : 'public', body: step.reply },
          { at },
        );
        current = await services.cases.get(null, current.id);
      } else {
        current = await services.cases.update(
          person,
          current.id,
          current.version,
          { status: step.status },
          { at },
        );
      }
    }
  }
}
