import { Anchor, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CalendarEditor,
  canManageCalendars,
  DeleteCalendarButton,
  DuePreviewPanel,
  HolidayList,
  useCalendar,
  WeekView,
} from '../modules/calendars/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';

/** One business calendar: its week, its holidays and a due-time preview; editable by those who manage calendars. */
export function CalendarPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const calendar = useCalendar(id);
  const [isEditing, setIsEditing] = useState(false);
  const canManage = canManageCalendars(me.role);

  if (calendar.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (calendar.isError) {
    return (
      <>
        <BackLink />
        <ProblemAlert error={calendar.error} testId="calendar-error" />
      </>
    );
  }
  const data = calendar.data;

  return (
    <>
      <BackLink />
      <PageHeader
        title={data.name}
        subtitle={
          <>
            {data.description ? `${data.description} · ` : ''}
            <span data-testid="calendar-zone">{t('calendars.zone', { zone: data.spec.timeZone })}</span>
          </>
        }
        actions={
          canManage && !isEditing ? (
            <Group gap="sm">
              <DeleteCalendarButton calendar={data} onDeleted={() => void navigate('/sla/calendars')} />
              <Button
                leftSection={<IconPencil size={14} />}
                onClick={() => setIsEditing(true)}
                data-testid="calendar-edit"
              >
                {t('calendars.editor.edit')}
              </Button>
            </Group>
          ) : null
        }
      />
      <Stack gap="lg">
        <DuePreviewPanel
          calendarId={data.id}
          calendarVersion={data.version}
          calendarTimeZone={data.spec.timeZone}
          viewerTimeZone={me.timeZone}
        />
        {isEditing ? (
          <CalendarEditor
            calendar={data}
            onSaved={() => setIsEditing(false)}
            onCancel={() => setIsEditing(false)}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Card withBorder padding="lg">
              <Title order={4} mb="sm">
                {t('calendars.week')}
              </Title>
              <WeekView spec={data.spec} />
            </Card>
            <Card withBorder padding="lg">
              <Title order={4} mb="sm">
                {t('calendars.holidays.title')}
              </Title>
              <HolidayList spec={data.spec} />
            </Card>
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/sla/calendars" size="sm" c="dimmed" data-testid="calendar-back">
      <Group gap={4} mb="xs">
        <IconChevronLeft size={14} />
        <Text span size="sm">
          {t('calendars.back')}
        </Text>
      </Group>
    </Anchor>
  );
}
