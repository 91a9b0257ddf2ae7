import type { Services } from '../app.ts';
import type { NewAgreement, NewVendor } from '../modules/agreements/index.ts';
import type { RequestContext } from '../platform/auth/index.ts';
import { demoCalendars } from './demo-calendars.ts';
import { demoTeams } from './demo-data.ts';

type Policy = NewAgreement['policy'];
type Minutes = number | null;
type Row = [firstResponse: Minutes, nextResponse: Minutes, resolution: Minutes, periodicUpdate: Minutes];

const hours = (h: number) => h * 60;

/** Targets in minutes, one row per priority P1–P4: first response, next response, resolution, update. */
function policy(
  name: string,
  calendarId: string | null,
  rows: [Row, Row, Row, Row],
  extra: Partial<Policy> = {},
) {
  const targets = Object.fromEntries(
    rows.map(([firstResponse, nextResponse, resolution, periodicUpdate], index) => [
      `P${index + 1}`,
      { firstResponse, nextResponse, resolution, periodicUpdate },
    ]),
  ) as Policy['targets'];
  return {
    name,
    calendarId,
    conditions: { services: [], caseTypes: [], channels: [] },
    targets,
    pauseStatuses: ['pending_customer'],
    warningThresholds: [50, 75, 90],
    breachActions: ['notify_manager'],
    ...extra,
  } satisfies Policy;
}

export const demoVendors: NewVendor[] = [
  {
    name: 'Visa',
    kind: 'card_scheme',
    contactEmail: 'issuer-support@visa.test',
    contactPhone: '+44 20 7795 5777',
  },
  { name: 'Mastercard', kind: 'card_scheme', contactEmail: 'customer.ops@mastercard.test' },
  {
    name: 'CloudCo hosting',
    kind: 'hosting',
    contactEmail: 'noc@cloudco.test',
    contactPhone: '+44 161 496 0000',
    notes: 'Hosts the payment gateway and the portal (two regions).',
  },
  {
    name: 'Telia telecom',
    kind: 'telecom',
    contactEmail: 'carrier-support@telia.test',
    notes: 'Leased lines to the clearing houses; contact centre trunks.',
  },
];

/** What each team promises the service desk: first line answers fast, later lines resolve. */
const olaTargets: Record<(typeof demoTeams)[number]['key'], [Row, Row, Row, Row]> = {
  'l1-mexico': [
    [10, 30, hours(2), 30],
    [30, hours(1), hours(8), hours(2)],
    [hours(2), hours(4), hours(24), null],
    [hours(4), hours(8), hours(40), null],
  ],
  'l2-warsaw': [
    [15, 60, hours(4), 60],
    [60, hours(2), hours(12), hours(4)],
    [hours(4), hours(8), hours(32), null],
    [hours(8), hours(16), hours(80), null],
  ],
  'l3-london': [
    [30, 60, hours(6), 60],
    [hours(2), hours(4), hours(16), hours(4)],
    [hours(8), hours(8), hours(40), null],
    [hours(16), hours(16), null, null],
  ],
  shanghai: [
    [15, 30, hours(4), 60],
    [60, hours(2), hours(12), hours(4)],
    [hours(4), hours(8), hours(32), null],
    [hours(8), hours(16), hours(80), null],
  ],
};

/** What each vendor owes us, mostly round the clock. */
const ucTerms: Record<string, { reference: string; policy: (calendarId: string | null) => Policy }> = {
  Visa: {
    reference: 'VISA-EU-ACQ-2024-031',
    policy: () =>
      policy(
        'Visa issuer and acquirer support',
        null,
        [
          [15, 60, hours(4), 60],
          [60, hours(4), hours(24), hours(4)],
          [hours(8), hours(24), hours(72), null],
          [hours(24), null, hours(120), null],
        ],
        {
          conditions: {
            services: ['card_acquiring', 'card_issuing_processing'],
            caseTypes: [],
            channels: [],
          },
        },
      ),
  },
  Mastercard: {
    reference: 'MC-CS-2025-114',
    policy: () =>
      policy(
        'Mastercard customer operations',
        null,
        [
          [15, 60, hours(4), 60],
          [60, hours(4), hours(24), hours(4)],
          [hours(8), hours(24), hours(72), null],
          [hours(24), null, hours(120), null],
        ],
        {
          conditions: {
            services: ['card_acquiring', 'card_issuing_processing'],
            caseTypes: [],
            channels: [],
          },
        },
      ),
  },
  'CloudCo hosting': {
    reference: 'CC-ENT-88213',
    policy: () =>
      policy(
        'Hosting incidents',
        null,
        [
          [15, 30, hours(2), 30],
          [30, hours(1), hours(8), hours(1)],
          [hours(4), hours(8), hours(48), null],
          [hours(8), null, null, null],
        ],
        {
          conditions: { services: [], caseTypes: ['incident'], channels: [] },
          breachActions: ['notify_manager', 'raise_priority'],
        },
      ),
  },
  'Telia telecom': {
    reference: 'TELIA-UK-2023-0457',
    policy: (calendarId) =>
      policy('Line faults', calendarId, [
        [30, 60, hours(4), 60],
        [hours(1), hours(4), hours(12), hours(4)],
        [hours(4), hours(8), hours(40), null],
        [hours(8), null, null, null],
      ]),
  },
};

/**
 * The demo's vendors, an OLA per team and an underpinning contract per vendor, on the UK business
 * calendar (which must be seeded already). Written by `actor`, through the service, so audited.
 */
export async function seedDemoAgreements(
  services: Services,
  teamIds: ReadonlyMap<string, string>,
  actor: RequestContext,
): Promise<void> {
  const calendars = await services.calendars.list(actor, { limit: 200 });
  const ukName = demoCalendars[0]!.name;
  const ukCalendarId = calendars.items.find((calendar) => calendar.name === ukName)?.id ?? null;
  for (const team of demoTeams) {
    await services.agreements.create(actor, {
      kind: 'ola',
      teamId: teamIds.get(team.key)!,
      name: `${team.name} OLA`,
      policy: policy(`${team.name} to the service desk`, ukCalendarId, olaTargets[team.key]),
      effectiveFrom: '2025-01-01',
    });
  }
  for (const vendor of demoVendors) {
    const { id } = await services.agreements.createVendor(actor, vendor);
    const terms = ucTerms[vendor.name]!;
    await services.agreements.create(actor, {
      kind: 'underpinning',
      vendorId: id,
      name: `${vendor.name} underpinning contract`,
      reference: terms.reference,
      policy: terms.policy(ukCalendarId),
      effectiveFrom: '2025-01-01',
    });
  }
}
