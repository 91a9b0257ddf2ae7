import {
  Chip,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import {
  breachActions,
  caseChannels,
  caseTypes,
  pausableCaseStatuses,
  priorities,
  slaMetrics,
  type BreachAction,
  type CaseChannel,
  type CaseType,
  type PausableCaseStatus,
} from '@paydesk/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorAt } from '../policy-form.ts';
import type { PolicyFieldError, SlaPolicy } from '../sla-policy-types.ts';
import { DurationInput } from './duration-input.tsx';
import { SlaPolicyView } from './sla-policy-view.tsx';

export interface SlaPolicyEditorProps {
  value: SlaPolicy;
  onChange: (next: SlaPolicy) => void;
  /** The business calendars to choose from; none chosen = 24×7. */
  calendars: ReadonlyArray<{ id: string; name: string }>;
  /** The service catalogue, for the conditions. */
  services: ReadonlyArray<{ code: string; name: string }>;
  /** Shows the policy as `SlaPolicyView` does. */
  readOnly?: boolean;
  /** Problems from the server, paths relative to the policy (see `policyErrorsOf`). */
  errors?: readonly PolicyFieldError[];
}

const maxThresholds = 5;

/** Edits one SLA policy: the P1–P4 × clock matrix of targets, its calendar, conditions and actions. */
export function SlaPolicyEditor(props: SlaPolicyEditorProps) {
  const { value, onChange, calendars, services, readOnly, errors } = props;
  const { t } = useTranslation();
  if (readOnly) return <SlaPolicyView policy={value} calendars={calendars} services={services} />;

  const set = <K extends keyof SlaPolicy>(key: K, next: SlaPolicy[K]) => onChange({ ...value, [key]: next });
  const setCondition = <K extends keyof SlaPolicy['conditions']>(key: K, next: SlaPolicy['conditions'][K]) =>
    set('conditions', { ...value.conditions, [key]: next });

  return (
    <Stack gap="md" data-testid="sla-policy-editor">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('slaPolicies.fields.name')}
          required
          maxLength={100}
          value={value.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errorAt(errors, '/name')}
          data-testid="sla-policy-name"
        />
        <Select
          label={t('slaPolicies.fields.calendar')}
          data={[
            { value: '', label: t('slaPolicies.calendar24x7') },
            ...calendars.map((calendar) => ({ value: calendar.id, label: calendar.name })),
          ]}
          value={value.calendarId ?? ''}
          onChange={(next) => set('calendarId', next ? next : null)}
          allowDeselect={false}
          error={errorAt(errors, '/calendarId')}
          data-testid="sla-policy-calendar"
        />
      </SimpleGrid>

      <Stack gap={4}>
        <Text fw={500} size="sm">
          {t('slaPolicies.fields.targets')}
        </Text>
        <Text c="dimmed" size="xs">
          {t('slaPolicies.durationHint')}
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder withColumnBorders data-testid="sla-policy-matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('slaPolicies.fields.priority')}</Table.Th>
                {slaMetrics.map((metric) => (
                  <Table.Th key={metric}>{t(`slaPolicies.metrics.${metric}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {priorities.map((priority) => (
                <Table.Tr key={priority}>
                  <Table.Th scope="row">{priority}</Table.Th>
                  {slaMetrics.map((metric) => (
                    <Table.Td key={metric}>
                      <DurationInput
                        label={`${priority} ${t(`slaPolicies.metrics.${metric}`)}`}
                        value={value.targets[priority][metric]}
                        onChange={(minutes) =>
                          set('targets', {
                            ...value.targets,
                            [priority]: { ...value.targets[priority], [metric]: minutes },
                          })
                        }
                        error={errorAt(errors, `/targets/${priority}/${metric}`)}
                        testId={`sla-target-${priority}-${metric}`}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {errorAt(errors, '/targets') && !priorities.some((p) => errorAt(errors, `/targets/${p}`)) ? (
          <Text c="red" size="xs" data-testid="sla-policy-targets-error">
            {errorAt(errors, '/targets')}
          </Text>
        ) : null}
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <MultiSelect
          label={t('slaPolicies.fields.services')}
          placeholder={value.conditions.services.length === 0 ? t('slaPolicies.any') : undefined}
          data={mergeOptions(
            services.map((service) => ({ value: service.code, label: service.name })),
            value.conditions.services,
          )}
          value={value.conditions.services}
          onChange={(next) => setCondition('services', next)}
          searchable
          error={errorAt(errors, '/conditions/services')}
          data-testid="sla-policy-services"
        />
        <MultiSelect
          label={t('slaPolicies.fields.caseTypes')}
          placeholder={value.conditions.caseTypes.length === 0 ? t('slaPolicies.any') : undefined}
          data={caseTypes.map((type) => ({ value: type, label: t(`slaPolicies.caseTypes.${type}`) }))}
          value={value.conditions.caseTypes}
          onChange={(next) => setCondition('caseTypes', next as CaseType[])}
          error={errorAt(errors, '/conditions/caseTypes')}
          data-testid="sla-policy-case-types"
        />
        <MultiSelect
          label={t('slaPolicies.fields.channels')}
          placeholder={value.conditions.channels.length === 0 ? t('slaPolicies.any') : undefined}
          data={caseChannels.map((channel) => ({
            value: channel,
            label: t(`slaPolicies.channels.${channel}`),
          }))}
          value={value.conditions.channels}
          onChange={(next) => setCondition('channels', next as CaseChannel[])}
          error={errorAt(errors, '/conditions/channels')}
          data-testid="sla-policy-channels"
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ChipField
          label={t('slaPolicies.fields.pauseStatuses')}
          error={errorAt(errors, '/pauseStatuses')}
          testId="sla-policy-pause-statuses"
        >
          <Chip.Group
            multiple
            value={value.pauseStatuses}
            onChange={(next) =>
              set('pauseStatuses', inOrder(pausableCaseStatuses, next as PausableCaseStatus[]))
            }
          >
            <Group gap="xs">
              {pausableCaseStatuses.map((status) => (
                <Chip key={status} value={status} size="sm" data-testid={`sla-pause-${status}`}>
                  {t(`slaPolicies.pauseStatuses.${status}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </ChipField>
        <ChipField
          label={t('slaPolicies.fields.breachActions')}
          error={errorAt(errors, '/breachActions')}
          testId="sla-policy-breach-actions"
        >
          <Chip.Group
            multiple
            value={value.breachActions}
            onChange={(next) => set('breachActions', inOrder(breachActions, next as BreachAction[]))}
          >
            <Group gap="xs">
              {breachActions.map((action) => (
                <Chip key={action} value={action} size="sm" data-testid={`sla-breach-${action}`}>
                  {t(`slaPolicies.breachActions.${action}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </ChipField>
      </SimpleGrid>

      <TagsInput
        label={t('slaPolicies.fields.warningThresholds')}
        description={t('slaPolicies.thresholdsHint')}
        value={value.warningThresholds.map(String)}
        onChange={(next) => set('warningThresholds', readThresholds(next))}
        maxTags={maxThresholds}
        clearable
        error={errorAt(errors, '/warningThresholds')}
        data-testid="sla-policy-thresholds"
      />
    </Stack>
  );
}

function ChipField(props: { label: string; error: string | undefined; testId: string; children: ReactNode }) {
  return (
    <Stack gap={6} data-testid={props.testId}>
      <Text fw={500} size="sm">
        {props.label}
      </Text>
      {props.children}
      {props.error ? (
        <Text c="red" size="xs">
          {props.error}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Whole percents 1–99, each once, ascending: anything else typed is dropped as it is entered. */
function readThresholds(texts: string[]): number[] {
  const percents = texts
    .map((text) => Number(text.trim().replace(/\s*%$/, '')))
    .filter((percent) => Number.isInteger(percent) && percent >= 1 && percent <= 99);
  return [...new Set(percents)].sort((a, b) => a - b).slice(0, maxThresholds);
}

/** The chosen values in the vocabulary's order, so a policy reads the same however it was clicked. */
function inOrder<T extends string>(vocabulary: readonly T[], chosen: readonly T[]): T[] {
  return vocabulary.filter((value) => chosen.includes(value));
}

/** A code the policy names but the catalogue no longer lists (retired) stays visible and removable. */
function mergeOptions(options: Array<{ value: string; label: string }>, chosen: readonly string[]) {
  const known = new Set(options.map((option) => option.value));
  return [
    ...options,
    ...chosen.filter((code) => !known.has(code)).map((code) => ({ value: code, label: code })),
  ];
}
