import { Button, Card, Center, Group, Loader, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CalendarTable,
  canManageCalendars,
  NewCalendarModal,
  useCalendars,
} from '../modules/calendars/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';

/** The business calendars SLA clocks count on. The route guard keeps it to the SLA area. */
export function CalendarsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const calendars = useCalendars();
  const [isCreating, setIsCreating] = useState(false);
  const rows = calendars.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('calendars.title')}
        subtitle={t('calendars.subtitle')}
        actions={
          canManageCalendars(me.role) ? (
            <Button
              leftSection={<IconPlus size={14} />}
              onClick={() => setIsCreating(true)}
              data-testid="calendar-new"
            >
              {t('calendars.editor.new')}
            </Button>
          ) : null
        }
      />
      {isCreating ? (
        <NewCalendarModal
          defaultTimeZone={me.timeZone}
          onClose={() => setIsCreating(false)}
          onCreated={(calendar) => void navigate(`/sla/calendars/${calendar.id}`)}
        />
      ) : null}
      <Card withBorder padding={0}>
        {calendars.isPending ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : calendars.isError && rows.length === 0 ? (
          <Card.Section p="md">
            <ProblemAlert error={calendars.error} testId="calendars-error" />
          </Card.Section>
        ) : rows.length === 0 ? (
          <Text c="dimmed" size="sm" p="lg" ta="center" data-testid="calendars-empty">
            {t('calendars.empty')}
          </Text>
        ) : (
          <CalendarTable calendars={rows} />
        )}
      </Card>
      {calendars.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void calendars.fetchNextPage()}
            loading={calendars.isFetchingNextPage}
            data-testid="calendars-load-more"
          >
            {t('calendars.loadMore')}
          </Button>
        </Group>
      ) : null}
      {calendars.isFetchNextPageError ? (
        <ProblemAlert error={calendars.error} testId="calendars-error" />
      ) : null}
    </>
  );
}
