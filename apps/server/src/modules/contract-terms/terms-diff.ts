import { priorities, slaMetrics, type SlaMetric } from '@paydesk/shared';
import type { AvailabilityTarget, ContractTerms, CreditBand, SlaPolicy, SlaTerms } from './terms-schema.ts';
import {
  formatDays,
  formatList,
  formatMinutes,
  formatMoney,
  formatPercent,
  formatYesNo,
} from './terms-text.ts';

/**
 * One difference between two versions' terms, for people comparing them: `path` is stable for
 * programs (`sla.policies[Standard].targets.P1.resolution`), `label` is English
 * (`Policy “Standard”: P1 resolution`), and before/after are formatted for reading; null where the
 * thing did not exist (added) or no longer does (removed).
 */
export interface TermsChange {
  path: string;
  label: string;
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
}

export interface TermsDiffOptions {
  /** A business calendar's name, to show instead of its id. */
  calendarName?: (id: string) => string | undefined;
}

const metricNames: Record<SlaMetric, string> = {
  firstResponse: 'first response',
  nextResponse: 'next response',
  resolution: 'resolution',
  periodicUpdate: 'periodic update',
};

/**
 * What changed from `before` to `after`, in the order the terms are laid out. Policies are matched
 * by name, availability targets by service and penalties by priority, so an added or removed one is
 * one change with a one-line summary; a change of their order is reported too, since the order is
 * part of the terms (the first matching policy applies). Values compare exactly: "99.95" and "99.950"
 * differ, and show as written. Meant for terms that passed validation (unique names and keys).
 */
export function diffContractTerms(
  before: ContractTerms,
  after: ContractTerms,
  options: TermsDiffOptions = {},
): TermsChange[] {
  const changes: TermsChange[] = [];
  const field: FieldOf<ContractTerms> = (path, label, pick, format) =>
    pushIfChanged(changes, path, label, pick(before, before), pick(after, after), format);
  const text = (value: string) => value;
  field('title', 'Title', (t) => t.title, text);
  field('startDate', 'Start date', (t) => t.startDate, text);
  field(
    'endDate',
    'End date',
    (t) => t.endDate,
    (date) => date ?? 'open-ended',
  );
  field('noticePeriodDays', 'Notice period', (t) => t.noticePeriodDays, formatDays);
  field('autoRenew', 'Renews automatically', (t) => t.autoRenew, formatYesNo);
  field('monthlyFee', 'Monthly fee', (t) => t.monthlyFee, formatFee);
  field('services', 'Services', (t) => t.services, none);
  field('notes', 'Notes', (t) => t.notes, text);

  const calendar = (id: string | null) => (id === null ? '24×7' : (options.calendarName?.(id) ?? id));
  diffKeyed(changes, before, after, (t) => t.sla.policies, {
    path: 'sla.policies',
    orderLabel: 'Order of policies',
    keyOf: (policy) => policy.name,
    label: (name) => `Policy “${name}”`,
    summary: (policy) => summarizePolicy(policy, calendar),
    fields: (policyField) => {
      policyField('calendarId', 'calendar', (p) => p.calendarId, calendar);
      policyField('conditions.services', 'services', (p) => p.conditions.services, any);
      policyField('conditions.caseTypes', 'case types', (p) => p.conditions.caseTypes, any);
      policyField('conditions.channels', 'channels', (p) => p.conditions.channels, any);
      for (const priority of priorities)
        for (const metric of slaMetrics)
          policyField(
            `targets.${priority}.${metric}`,
            `${priority} ${metricNames[metric]}`,
            (p) => p.targets[priority][metric],
            formatTarget,
          );
      policyField('pauseStatuses', 'clocks paused in', (p) => p.pauseStatuses, none);
      policyField('warningThresholds', 'warnings at', (p) => p.warningThresholds, formatThresholds);
      policyField('breachActions', 'on breach', (p) => p.breachActions, none);
    },
  });

  const [phoneBefore, phoneAfter] = [before.sla.phoneAnswer, after.sla.phoneAnswer];
  if (phoneBefore === null || phoneAfter === null) {
    if (phoneBefore !== phoneAfter)
      changes.push({
        path: 'sla.phoneAnswer',
        label: 'Phone answering',
        kind: phoneBefore === null ? 'added' : 'removed',
        before: phoneBefore && formatPhoneAnswer(phoneBefore),
        after: phoneAfter && formatPhoneAnswer(phoneAfter),
      });
  } else
    pushIfChanged(changes, 'sla.phoneAnswer', 'Phone answering', phoneBefore, phoneAfter, formatPhoneAnswer);

  diffKeyed(changes, before, after, (t) => t.sla.availability, {
    path: 'sla.availability',
    orderLabel: 'Order of availability targets',
    keyOf: (target) => target.service,
    label: (service) => `Availability of ${service}`,
    summary: summarizeAvailability,
    fields: (targetField) => {
      targetField('targetPercent', 'target', (t) => t.targetPercent, formatPercent);
      targetField('creditBands', 'credit bands', (t) => t.creditBands, formatBands);
      targetField('monthlyCapPercent', 'monthly credit cap', (t) => t.monthlyCapPercent, formatPercent);
    },
  });

  // A penalty is in its version's fee currency, so a change of currency changes every penalty too.
  const penaltyIn = (penalty: Penalty, terms: ContractTerms) => ({
    amountMinor: penalty.amountMinor,
    currency: terms.monthlyFee.currency,
  });
  diffKeyed(changes, before, after, (t) => t.sla.incidentPenalties, {
    path: 'sla.incidentPenalties',
    orderLabel: 'Order of incident penalties',
    keyOf: (penalty) => penalty.priority,
    label: (priority) => `Penalty per ${priority} incident`,
    summary: (penalty, terms) => formatFee(penaltyIn(penalty, terms)),
    fields: (penaltyField) => penaltyField('', '', penaltyIn, formatFee),
  });
  return changes;
}

type Penalty = SlaTerms['incidentPenalties'][number];

/**
 * Compares one field of two things (`pick` gets the thing and the terms it belongs to) and records a
 * change when it differs. An empty `name` compares the whole thing.
 */
type FieldOf<T> = <V>(
  name: string,
  words: string,
  pick: (item: T, terms: ContractTerms) => V,
  format: (value: V) => string,
) => void;

interface KeyedSpec<T> {
  path: string;
  orderLabel: string;
  keyOf: (item: T) => string;
  label: (key: string) => string;
  summary: (item: T, terms: ContractTerms) => string;
  fields: (field: FieldOf<T>) => void;
}

function pushIfChanged<V>(
  changes: TermsChange[],
  path: string,
  label: string,
  was: V,
  is: V,
  format: (value: V) => string,
): void {
  if (!isSameValue(was, is))
    changes.push({ path, label, kind: 'changed', before: format(was), after: format(is) });
}

/**
 * Items matched by key: changes within each kept item and removals in the old order, then additions
 * in the new order, then the order itself if the kept items were rearranged.
 */
function diffKeyed<T>(
  changes: TermsChange[],
  before: ContractTerms,
  after: ContractTerms,
  itemsOf: (terms: ContractTerms) => readonly T[],
  spec: KeyedSpec<T>,
): void {
  const [was, is] = [itemsOf(before), itemsOf(after)];
  const isByKey = new Map(is.map((item) => [spec.keyOf(item), item]));
  const wasKeys = new Set(was.map(spec.keyOf));
  for (const item of was) {
    const key = spec.keyOf(item);
    const path = `${spec.path}[${key}]`;
    const label = spec.label(key);
    const counterpart = isByKey.get(key);
    if (counterpart === undefined)
      changes.push({ path, label, kind: 'removed', before: spec.summary(item, before), after: null });
    else
      spec.fields((name, words, pick, format) =>
        pushIfChanged(
          changes,
          name ? `${path}.${name}` : path,
          words ? `${label}: ${words}` : label,
          pick(item, before),
          pick(counterpart, after),
          format,
        ),
      );
  }
  for (const item of is) {
    const key = spec.keyOf(item);
    if (!wasKeys.has(key))
      changes.push({
        path: `${spec.path}[${key}]`,
        label: spec.label(key),
        kind: 'added',
        before: null,
        after: spec.summary(item, after),
      });
  }
  const keptBefore = was.map(spec.keyOf).filter((key) => isByKey.has(key));
  const keptAfter = is.map(spec.keyOf).filter((key) => wasKeys.has(key));
  if (!isSameValue(keptBefore, keptAfter))
    changes.push({
      path: spec.path,
      label: spec.orderLabel,
      kind: 'changed',
      before: keptBefore.join(', '),
      after: keptAfter.join(', '),
    });
}

const any = (values: readonly string[]) => formatList(values, 'any');
const none = (values: readonly string[]) => formatList(values, 'none');
const formatFee = (money: { amountMinor: string; currency: string }) =>
  formatMoney(money.amountMinor, money.currency);

function formatTarget(minutes: number | null): string {
  return minutes === null ? 'not measured' : formatMinutes(minutes);
}

function formatThresholds(percents: readonly number[]): string {
  return formatList(
    percents.map((percent) => `${percent} %`),
    'none',
  );
}

function formatPhoneAnswer(phone: NonNullable<SlaTerms['phoneAnswer']>): string {
  return `${formatPercent(phone.percent)} within ${phone.withinSeconds} s`;
}

function formatBand(band: CreditBand): string {
  const range =
    band.minPercent === null
      ? `below ${formatPercent(band.maxPercent)}`
      : `${formatPercent(band.minPercent)} to ${formatPercent(band.maxPercent)}`;
  return `${range}: ${formatPercent(band.creditPercent)}`;
}

function formatBands(bands: readonly CreditBand[]): string {
  return formatList(bands.map(formatBand), 'none');
}

function summarizePolicy(policy: SlaPolicy, calendar: (id: string | null) => string): string {
  const { services, caseTypes, channels } = policy.conditions;
  const conditions = [
    services.length ? `services ${services.join(', ')}` : '',
    caseTypes.length ? `case types ${caseTypes.join(', ')}` : '',
    channels.length ? `channels ${channels.join(', ')}` : '',
  ].filter(Boolean);
  const targets = priorities.map((priority) => {
    const measured = slaMetrics.flatMap((metric) => {
      const minutes = policy.targets[priority][metric];
      return minutes === null ? [] : [`${metricNames[metric]} ${formatMinutes(minutes)}`];
    });
    return `${priority} ${formatList(measured, 'not measured')}`;
  });
  return [
    calendar(policy.calendarId),
    conditions.length ? conditions.join('; ') : 'any case',
    ...targets,
    `clocks paused in ${none(policy.pauseStatuses)}`,
    `warnings at ${formatThresholds(policy.warningThresholds)}`,
    `on breach ${none(policy.breachActions)}`,
  ].join('; ');
}

function summarizeAvailability(target: AvailabilityTarget): string {
  return [
    `target ${formatPercent(target.targetPercent)}`,
    `credit bands ${formatBands(target.creditBands)}`,
    `monthly credit cap ${formatPercent(target.monthlyCapPercent)}`,
  ].join('; ');
}

/** Deep equality of JSON values; object keys in any order. */
function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => isSameValue(item, b[i]))
    );
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aKeys = Object.keys(a);
  return (
    aKeys.length === Object.keys(b).length &&
    aKeys.every(
      (key) =>
        Object.hasOwn(b, key) &&
        isSameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}
