import { Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useServiceCatalogue, useSubscribe, useSubscriptions } from '../hooks/use-accounts.ts';
import { PanelState } from '../../../ui/panel-state.tsx';
import { RemoveSubscriptionButton } from './remove-subscription-button.tsx';

interface ServicesPanelProps {
  accountId: string;
  canEdit: boolean;
}

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function ServicesPanel({ accountId, canEdit }: ServicesPanelProps) {
  const { t } = useTranslation();
  const { formatDate } = useFormatters('UTC');
  const subscriptions = useSubscriptions(accountId);
  const catalogue = useServiceCatalogue(canEdit);
  const subscribe = useSubscribe(accountId);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [startedOn, setStartedOn] = useState(today);
  const rows = subscriptions.data?.items ?? [];
  const subscribed = new Set(rows.map((row) => row.service.id));
  const available = (catalogue.data?.items ?? []).filter(
    (service) => service.isActive && !subscribed.has(service.id),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!serviceId || !/^\d{4}-\d{2}-\d{2}$/.test(startedOn)) return;
    subscribe.mutate({ serviceId, startedOn }, { onSuccess: () => setServiceId(null) });
  }

  return (
    <>
      {canEdit ? (
        <form onSubmit={submit} data-testid="subscription-form">
          <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
            <Select
              flex="1 1 260px"
              label={t('accounts.services.service')}
              placeholder={t('accounts.services.choose')}
              data={available.map((service) => ({ value: service.id, label: service.name }))}
              value={serviceId}
              onChange={setServiceId}
              nothingFoundMessage={t('accounts.services.noneLeft')}
              searchable
              data-testid="subscription-service"
            />
            <TextInput
              w={180}
              type="date"
              label={t('accounts.services.startedOn')}
              value={startedOn}
              onChange={(event) => setStartedOn(event.currentTarget.value)}
              data-testid="subscription-started-on"
            />
            <Button
              type="submit"
              leftSection={<IconPlus size={14} />}
              disabled={!serviceId}
              loading={subscribe.isPending}
              data-testid="subscription-add"
            >
              {t('accounts.services.add')}
            </Button>
          </Group>
          <ProblemAlert error={subscribe.error} testId="subscription-error" />
        </form>
      ) : null}
      <PanelState
        isPending={subscriptions.isPending}
        error={subscriptions.error}
        isEmpty={rows.length === 0}
        emptyText={t('accounts.services.empty')}
        testId="subscriptions"
      >
        <Table verticalSpacing="sm" data-testid="subscriptions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.services.service')}</Table.Th>
              <Table.Th>{t('accounts.services.startedOn')}</Table.Th>
              {canEdit ? <Table.Th w={48} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={row.service.id}
                data-testid="subscription-row"
                data-service-code={row.service.code}
              >
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {row.service.name}
                    </Text>
                    {!row.service.isActive ? (
                      <Badge size="xs" color="gray" variant="light">
                        {t('accounts.services.retired')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(`${row.startedOn}T00:00:00Z`)}</Text>
                </Table.Td>
                {canEdit ? (
                  <Table.Td>
                    <RemoveSubscriptionButton subscription={row} />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </PanelState>
    </>
  );
}
