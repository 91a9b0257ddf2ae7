import {
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { caseStatuses, priorities, type CaseStatus, type Priority } from '@paydesk/shared';
import { IconAlarm, IconAlertTriangle, IconHourglass, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueueCounts } from '../hooks/use-cases.ts';
import { useDebouncedDraft } from '../hooks/use-debounced-draft.ts';
import {
  caseViews,
  isWaitingOnCustomer,
  withSla,
  withWaitingOnCustomer,
  type QueueFilter,
} from '../queue-filter.ts';
import { AccountSelect } from './account-select.tsx';

interface CaseFiltersProps {
  value: QueueFilter;
  /**
   * Each change is a function of the filter as it then is: two toggles clicked in quick succession
   * both apply, though the page has not shown the first yet.
   */
  onChange: (change: (current: QueueFilter) => QueueFilter) => void;
  /** Staff pick a queue, an account and an SLA state; a customer only ever sees their own requests. */
  isStaff: boolean;
}

/** The queue's filters: quick toggles for what a shift looks at first, then the detailed ones. */
export function CaseFilters({ value, onChange, isStaff }: CaseFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useDebouncedDraft(value.q, (next) => onChange((current) => ({ ...current, q: next })));
  // The view's counts (and the account's, if one is picked): what the toggles would show.
  const counts = useQueueCounts(value.view, value.accountId, isStaff);
  return (
    <Stack gap="sm" mb="md" data-testid="cases-filters">
      {isStaff ? (
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            value={value.view}
            onChange={(view) => onChange((current) => ({ ...current, view: view as QueueFilter['view'] }))}
            data={caseViews.map((key) => ({ value: key, label: t(`cases.views.${key}`) }))}
            data-testid="cases-view"
          />
          <Toggle
            on={value.sla === 'at_risk'}
            color="orange"
            icon={<IconAlertTriangle size={16} />}
            label={t('caseQueue.quick.atRisk')}
            count={counts.data?.atRisk}
            onToggle={(on) => onChange((current) => withSla(current, 'at_risk', on))}
            testId="cases-quick-at-risk"
          />
          <Toggle
            on={value.sla === 'breached'}
            color="red"
            icon={<IconAlarm size={16} />}
            label={t('caseQueue.quick.breached')}
            count={counts.data?.breached}
            onToggle={(on) => onChange((current) => withSla(current, 'breached', on))}
            testId="cases-quick-breached"
          />
          <Toggle
            on={isWaitingOnCustomer(value)}
            color="blue"
            icon={<IconHourglass size={16} />}
            label={t('caseQueue.quick.waitingOnCustomer')}
            onToggle={(on) => onChange((current) => withWaitingOnCustomer(current, on))}
            testId="cases-quick-waiting"
          />
          {counts.data ? (
            <Text size="sm" c="dimmed" data-testid="cases-open-count" data-count={counts.data.open}>
              {t('caseQueue.openCount', { count: counts.data.open })}
            </Text>
          ) : null}
        </Group>
      ) : null}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          flex="1 1 240px"
          label={t('cases.filters.search')}
          placeholder={t('cases.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          data-testid="cases-search"
        />
        {isStaff ? (
          <AccountSelect
            w={220}
            label={t('cases.fields.account')}
            placeholder={t('cases.filters.any')}
            value={value.accountId}
            onChange={(accountId) => onChange((current) => ({ ...current, accountId }))}
            testId="cases-filter-account"
          />
        ) : null}
        <MultiSelect
          w={260}
          label={t('cases.fields.status')}
          placeholder={value.status.length ? undefined : t('cases.filters.any')}
          clearable
          data={caseStatuses.map((status) => ({ value: status, label: t(`cases.statuses.${status}`) }))}
          value={value.status}
          onChange={(status) => onChange((current) => ({ ...current, status: status as CaseStatus[] }))}
          data-testid="cases-filter-status"
        />
        <Select
          w={130}
          label={t('cases.fields.priority')}
          placeholder={t('cases.filters.any')}
          clearable
          data={priorities.map((priority) => ({ value: priority, label: t(`cases.priorities.${priority}`) }))}
          value={value.priority}
          onChange={(priority) =>
            onChange((current) => ({ ...current, priority: priority as Priority | null }))
          }
          data-testid="cases-filter-priority"
        />
        <Checkbox
          mb={8}
          label={t('cases.filters.openOnly')}
          checked={value.openOnly}
          onChange={(event) => {
            const openOnly = event.currentTarget.checked;
            onChange((current) => ({ ...current, openOnly }));
          }}
          data-testid="cases-filter-open"
        />
      </Group>
    </Stack>
  );
}

interface ToggleProps {
  on: boolean;
  color: string;
  icon: ReactNode;
  label: string;
  /** How many cases of the view it would show, while known. */
  count?: number | undefined;
  onToggle: (on: boolean) => void;
  testId: string;
}

/** A filter switched on and off with one click; `aria-pressed` tells assistive technology its state. */
function Toggle({ on, color, icon, label, count, onToggle, testId }: ToggleProps) {
  const { i18n } = useTranslation();
  return (
    <Button
      variant={on ? 'light' : 'default'}
      color={on ? color : undefined}
      leftSection={icon}
      rightSection={
        count === undefined ? undefined : (
          <Badge
            size="sm"
            circle={count < 10}
            variant={count > 0 ? 'filled' : 'light'}
            color={count > 0 ? color : 'gray'}
            data-testid={`${testId}-count`}
            data-count={count}
          >
            {count.toLocaleString(i18n.language)}
          </Badge>
        )
      }
      aria-pressed={on}
      onClick={() => onToggle(!on)}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
