import { Type, type Static, type TProperties } from 'typebox';
import {
  breachActions,
  caseChannels,
  caseTypes,
  pausableCaseStatuses,
  priorities,
  type Priority,
  type SlaMetric,
} from '@paydesk/shared';

/**
 * The terms of a contract version as JSON: the request body, the answer and the jsonb column share
 * this one schema. It checks shapes and ranges; rules across fields (dates in order, unique names,
 * bands that do not overlap) are `validateContractTerms`'s, which names each problem.
 */

/** Objects refuse unknown fields: a misspelt term must not be silently dropped from a contract. */
const Strict = <T extends TProperties>(properties: T, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

/** `[0-9]` stands for its digit and nothing else, so no Unicode digit slips through. */
const Percent = (description: string) =>
  Type.String({
    pattern: '^(100(\\.0{1,3})?|[1-9]?[0-9](\\.[0-9]{1,3})?)$',
    description: `${description}: a decimal string, 0 to 100 with up to 3 decimals ("99.95"), never a number`,
  });
const AmountMinor = (description: string) =>
  Type.String({
    // 19 digits is the width of a bigint; validateContractTerms refuses values past its maximum.
    pattern: '^(0|[1-9][0-9]{0,18})$',
    description: `${description}: integer minor units (pence, cents) as a decimal string`,
  });
const CivilDate = (description: string) =>
  Type.String({ format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });
const ServiceCode = Type.String({
  pattern: '^[a-z][a-z0-9_]{1,49}$',
  description: 'A service catalogue code: faster_payments, card_acquiring',
});
/** Business minutes; a year is the longest target anyone means. */
const TargetMinutes = Type.Union([Type.Integer({ minimum: 1, maximum: 525_600 }), Type.Null()], {
  description: 'Minutes (of the policy calendar’s business time); null = not measured',
});

const metricTargets = Strict(
  {
    firstResponse: TargetMinutes,
    nextResponse: TargetMinutes,
    resolution: TargetMinutes,
    periodicUpdate: TargetMinutes,
  } satisfies Record<SlaMetric, unknown>,
  'One target per SLA clock',
);

export const SlaPolicySchema = Strict(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '\\S',
      description: 'Unique in the contract',
    }),
    calendarId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'The business calendar the clocks run on; null = 24×7',
    }),
    conditions: Strict(
      {
        services: Type.Array(ServiceCode, { maxItems: 50, description: 'Empty = any service' }),
        caseTypes: Type.Array(Type.Enum(caseTypes), {
          maxItems: caseTypes.length,
          description: 'Empty = any',
        }),
        channels: Type.Array(Type.Enum(caseChannels), {
          maxItems: caseChannels.length,
          description: 'Empty = any',
        }),
      },
      'The cases the policy applies to; every non-empty list must match',
    ),
    targets: Strict(
      {
        P1: metricTargets,
        P2: metricTargets,
        P3: metricTargets,
        P4: metricTargets,
      } satisfies Record<Priority, unknown>,
      'Targets by priority',
    ),
    pauseStatuses: Type.Array(Type.Enum(pausableCaseStatuses), {
      maxItems: pausableCaseStatuses.length,
      description: 'Case statuses during which the clocks stop',
    }),
    warningThresholds: Type.Array(Type.Integer({ minimum: 1, maximum: 99 }), {
      maxItems: 5,
      description: 'Percent of a target elapsed at which to warn, ascending: [50, 75, 90]',
    }),
    breachActions: Type.Array(Type.Enum(breachActions), {
      maxItems: breachActions.length,
      description: 'What happens when a clock breaches',
    }),
  },
  'Which cases get which targets, on which calendar',
);

const AvailabilityTargetSchema = Strict(
  {
    service: ServiceCode,
    targetPercent: Percent('Committed monthly uptime'),
    creditBands: Type.Array(
      Strict(
        {
          minPercent: Type.Union([Percent('Lowest uptime of the band (inclusive)'), Type.Null()], {
            description: 'null = no lower bound',
          }),
          maxPercent: Percent('Uptime the band reaches up to (exclusive)'),
          creditPercent: Percent('Credit, in percent of the monthly fee'),
        },
        'Applies when minPercent ≤ uptime < maxPercent',
      ),
      { maxItems: 20 },
    ),
    monthlyCapPercent: Percent('Most credit a month can give, in percent of the monthly fee'),
  },
  'The uptime committed for a service and the credits owed when it is missed',
);

const SlaTermsSchema = Strict(
  {
    policies: Type.Array(SlaPolicySchema, { maxItems: 20 }),
    phoneAnswer: Type.Union(
      [
        Strict(
          {
            percent: Percent('Share of calls answered in time'),
            withinSeconds: Type.Integer({ minimum: 1, maximum: 3600 }),
          },
          '"80" % of calls answered within 20 s',
        ),
        Type.Null(),
      ],
      { description: 'null = no phone answering target' },
    ),
    availability: Type.Array(AvailabilityTargetSchema, { maxItems: 50 }),
    incidentPenalties: Type.Array(
      Strict(
        {
          priority: Type.Enum(priorities),
          amountMinor: AmountMinor('Owed per breached incident, in the monthly fee’s currency'),
        },
        'A fixed penalty per incident of a priority whose resolution target is breached',
      ),
      { maxItems: priorities.length },
    ),
  },
  'Service levels',
);

export const ContractTermsSchema = Strict(
  {
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    startDate: CivilDate('First day the terms apply: YYYY-MM-DD'),
    endDate: Type.Union([CivilDate('Last day: YYYY-MM-DD, after startDate'), Type.Null()], {
      description: 'null = open-ended',
    }),
    noticePeriodDays: Type.Integer({ minimum: 0, maximum: 730 }),
    autoRenew: Type.Boolean(),
    monthlyFee: Strict(
      {
        amountMinor: AmountMinor('Monthly fee'),
        currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, upper case' }),
      },
      'Money: exact minor units and a currency',
    ),
    services: Type.Array(ServiceCode, { maxItems: 50, description: 'The services the contract covers' }),
    notes: Type.String({ maxLength: 10_000 }),
    sla: SlaTermsSchema,
  },
  'What a contract version says',
);

export type ContractTerms = Static<typeof ContractTermsSchema>;
export type SlaTerms = ContractTerms['sla'];
export type SlaPolicy = Static<typeof SlaPolicySchema>;
export type AvailabilityTarget = Static<typeof AvailabilityTargetSchema>;
export type CreditBand = AvailabilityTarget['creditBands'][number];
