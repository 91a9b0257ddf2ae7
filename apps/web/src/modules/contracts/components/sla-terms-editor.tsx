import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { priorities } from '@paydesk/shared';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { emptySlaPolicy, errorAt, SlaPolicyEditor, type PolicyFieldError } from '../../sla-policies/index.ts';
import type { AvailabilityTarget, CreditBand, SlaTerms } from '../api/contracts-types.ts';
import { problemsWithin } from '../terms-problems.ts';
import { MoneyInput } from './money-input.tsx';

interface SlaTermsEditorProps {
  value: SlaTerms;
  onChange: (next: SlaTerms) => void;
  /** The fee's currency: penalties are owed in it. */
  currency: string;
  calendars: ReadonlyArray<{ id: string; name: string }>;
  services: ReadonlyArray<{ code: string; name: string }>;
  /** Problems relative to the SLA terms (`/policies/0/name`). */
  errors: readonly PolicyFieldError[];
}

const maxPolicies = 20;
const newBand: CreditBand = { minPercent: null, maxPercent: '99.9', creditPercent: '5' };

/** The service levels of a contract: SLA policies, the phone answering target, availability and penalties. */
export function SlaTermsEditor({
  value,
  onChange,
  currency,
  calendars,
  services,
  errors,
}: SlaTermsEditorProps) {
  const { t } = useTranslation();
  const set = <K extends keyof SlaTerms>(key: K, next: SlaTerms[K]) => onChange({ ...value, [key]: next });
  const replaceAt = <T,>(list: readonly T[], index: number, item: T) =>
    list.map((current, i) => (i === index ? item : current));
  const removeAt = <T,>(list: readonly T[], index: number) => list.filter((_, i) => i !== index);
  const listError = messagesExactlyAt(errors, /^\/policies$/);

  return (
    <Stack gap="lg" data-testid="contract-sla-editor">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('contracts.sla.policies')}</Title>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            disabled={value.policies.length >= maxPolicies}
            onClick={() =>
              set('policies', [
                ...value.policies,
                emptySlaPolicy(t('contracts.sla.newPolicyName', { number: value.policies.length + 1 })),
              ])
            }
            data-testid="contract-policy-add"
          >
            {t('contracts.sla.addPolicy')}
          </Button>
        </Group>
        {listError ? (
          <Text c="red" size="xs">
            {listError}
          </Text>
        ) : null}
        {value.policies.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('contracts.sla.noPolicies')}
          </Text>
        ) : null}
        {value.policies.map((policy, index) => (
          <Card
            withBorder
            padding="md"
            key={index}
            data-testid="contract-policy"
            data-policy-name={policy.name}
          >
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{policy.name || t('contracts.sla.unnamedPolicy')}</Text>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => set('policies', removeAt(value.policies, index))}
                data-testid="contract-policy-remove"
              >
                {t('contracts.sla.removePolicy')}
              </Button>
            </Group>
            <SlaPolicyEditor
              value={policy}
              onChange={(next) => set('policies', replaceAt(value.policies, index, next))}
              calendars={calendars}
              services={services}
              errors={problemsWithin(errors, `/policies/${index}`)}
            />
          </Card>
        ))}
      </Stack>

      <Stack gap="xs">
        <Title order={4}>{t('contracts.sla.phoneAnswer')}</Title>
        <Switch
          label={t('contracts.sla.phoneAnswerEnabled')}
          checked={value.phoneAnswer !== null}
          onChange={(event) =>
            set('phoneAnswer', event.currentTarget.checked ? { percent: '80', withinSeconds: 20 } : null)
          }
          data-testid="contract-phone-enabled"
        />
        {value.phoneAnswer ? (
          <Group align="flex-start" gap="sm">
            <TextInput
              w={140}
              label={t('contracts.sla.phonePercent')}
              rightSection="%"
              value={value.phoneAnswer.percent}
              onChange={(event) =>
                set('phoneAnswer', {
                  withinSeconds: 20,
                  ...value.phoneAnswer,
                  percent: event.currentTarget.value,
                })
              }
              error={errorAt(errors, '/phoneAnswer/percent')}
              data-testid="contract-phone-percent"
            />
            <NumberInput
              w={160}
              label={t('contracts.sla.phoneWithin')}
              rightSection="s"
              min={1}
              max={3600}
              allowDecimal={false}
              value={value.phoneAnswer.withinSeconds}
              onChange={(next) =>
                set('phoneAnswer', { percent: '80', ...value.phoneAnswer, withinSeconds: Number(next) || 1 })
              }
              error={errorAt(errors, '/phoneAnswer/withinSeconds')}
              data-testid="contract-phone-seconds"
            />
          </Group>
        ) : null}
      </Stack>

      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('contracts.sla.availability')}</Title>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              set('availability', [
                ...value.availability,
                {
                  service: services[0]?.code ?? '',
                  targetPercent: '99.9',
                  creditBands: [{ ...newBand }],
                  monthlyCapPercent: '25',
                },
              ])
            }
            data-testid="contract-availability-add"
          >
            {t('contracts.sla.addAvailability')}
          </Button>
        </Group>
        {value.availability.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('contracts.sla.noAvailability')}
          </Text>
        ) : null}
        {value.availability.map((target, index) => (
          <AvailabilityEditor
            key={index}
            value={target}
            services={services}
            errors={problemsWithin(errors, `/availability/${index}`)}
            onChange={(next) => set('availability', replaceAt(value.availability, index, next))}
            onRemove={() => set('availability', removeAt(value.availability, index))}
          />
        ))}
      </Stack>

      <Stack gap="xs">
        <Title order={4}>{t('contracts.sla.penalties')}</Title>
        <Text c="dimmed" size="xs">
          {t('contracts.sla.penaltiesHint')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {priorities.map((priority) => {
            const index = value.incidentPenalties.findIndex((penalty) => penalty.priority === priority);
            return (
              <MoneyInput
                key={priority}
                label={priority}
                currency={currency}
                value={value.incidentPenalties[index]?.amountMinor ?? null}
                onChange={(amountMinor) =>
                  set(
                    'incidentPenalties',
                    priorities.flatMap((candidate) => {
                      const amount =
                        candidate === priority
                          ? amountMinor
                          : (value.incidentPenalties.find((penalty) => penalty.priority === candidate)
                              ?.amountMinor ?? null);
                      return amount === null ? [] : [{ priority: candidate, amountMinor: amount }];
                    }),
                  )
                }
                error={index >= 0 ? errorAt(errors, `/incidentPenalties/${index}`) : undefined}
                testId={`contract-penalty-${priority}`}
              />
            );
          })}
        </SimpleGrid>
        {errorAt(errors, '/incidentPenalties') ? (
          <Text c="red" size="xs">
            {errorAt(errors, '/incidentPenalties')}
          </Text>
        ) : null}
      </Stack>
    </Stack>
  );
}

function AvailabilityEditor(props: {
  value: AvailabilityTarget;
  services: ReadonlyArray<{ code: string; name: string }>;
  errors: readonly PolicyFieldError[];
  onChange: (next: AvailabilityTarget) => void;
  onRemove: () => void;
}) {
  const { value, services, errors, onChange, onRemove } = props;
  const { t } = useTranslation();
  const setBand = (index: number, band: CreditBand) =>
    onChange({
      ...value,
      creditBands: value.creditBands.map((current, i) => (i === index ? band : current)),
    });
  // A band as a whole (overlapping another) or the list: the cells show their own problems.
  const bandsError = messagesExactlyAt(errors, /^\/creditBands(\/[0-9]+)?$/);
  const options = services.map((service) => ({ value: service.code, label: service.name }));
  if (value.service && !options.some((option) => option.value === value.service))
    options.push({ value: value.service, label: value.service });

  return (
    <Card withBorder padding="md" data-testid="contract-availability">
      <Group align="flex-start" gap="sm" mb="sm">
        <Select
          flex="1 1 220px"
          label={t('contracts.sla.service')}
          data={options}
          value={value.service || null}
          onChange={(service) => onChange({ ...value, service: service ?? '' })}
          allowDeselect={false}
          searchable
          error={errorAt(errors, '/service')}
          data-testid="contract-availability-service"
        />
        <TextInput
          w={140}
          label={t('contracts.sla.targetPercent')}
          rightSection="%"
          value={value.targetPercent}
          onChange={(event) => onChange({ ...value, targetPercent: event.currentTarget.value })}
          error={errorAt(errors, '/targetPercent')}
          data-testid="contract-availability-target"
        />
        <TextInput
          w={160}
          label={t('contracts.sla.monthlyCap')}
          rightSection="%"
          value={value.monthlyCapPercent}
          onChange={(event) => onChange({ ...value, monthlyCapPercent: event.currentTarget.value })}
          error={errorAt(errors, '/monthlyCapPercent')}
          data-testid="contract-availability-cap"
        />
        <ActionIcon
          mt={26}
          variant="subtle"
          color="red"
          aria-label={t('contracts.sla.removeAvailability')}
          onClick={onRemove}
          data-testid="contract-availability-remove"
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      <Text size="sm" fw={500}>
        {t('contracts.sla.creditBands')}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {t('contracts.sla.creditBandsHint')}
      </Text>
      <Table withTableBorder data-testid="contract-credit-bands">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contracts.sla.bandFrom')}</Table.Th>
            <Table.Th>{t('contracts.sla.bandTo')}</Table.Th>
            <Table.Th>{t('contracts.sla.bandCredit')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {value.creditBands.map((band, index) => (
            <Table.Tr key={index}>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={t('contracts.sla.bandFrom')}
                  placeholder={t('contracts.sla.noLowerBound')}
                  rightSection="%"
                  value={band.minPercent ?? ''}
                  onChange={(event) => {
                    const text = event.currentTarget.value;
                    setBand(index, { ...band, minPercent: text.trim() === '' ? null : text });
                  }}
                  error={errorAt(errors, `/creditBands/${index}/minPercent`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={t('contracts.sla.bandTo')}
                  rightSection="%"
                  value={band.maxPercent}
                  onChange={(event) => setBand(index, { ...band, maxPercent: event.currentTarget.value })}
                  error={errorAt(errors, `/creditBands/${index}/maxPercent`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={t('contracts.sla.bandCredit')}
                  rightSection="%"
                  value={band.creditPercent}
                  onChange={(event) => setBand(index, { ...band, creditPercent: event.currentTarget.value })}
                  error={errorAt(errors, `/creditBands/${index}/creditPercent`)}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('contracts.sla.removeBand')}
                  onClick={() =>
                    onChange({ ...value, creditBands: value.creditBands.filter((_, i) => i !== index) })
                  }
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {bandsError ? (
        <Text c="red" size="xs">
          {bandsError}
        </Text>
      ) : null}
      <Button
        mt="xs"
        size="xs"
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange({ ...value, creditBands: [...value.creditBands, { ...newBand }] })}
        data-testid="contract-band-add"
      >
        {t('contracts.sla.addBand')}
      </Button>
    </Card>
  );
}

/** The messages of the problems whose path is exactly one `pattern` matches, joined. */
function messagesExactlyAt(errors: readonly PolicyFieldError[], pattern: RegExp): string | undefined {
  const messages = errors.filter((problem) => pattern.test(problem.path)).map((problem) => problem.message);
  return messages.length > 0 ? [...new Set(messages)].join('; ') : undefined;
}
