import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { BusinessCalendar } from '../api/calendars-types.ts';
import { useDeleteCalendar } from '../hooks/use-calendars.ts';

/** Deletes the calendar after a confirmation; a calendar SLA policies use is refused (CALENDAR_IN_USE). */
export function DeleteCalendarButton({
  calendar,
  onDeleted,
}: {
  calendar: BusinessCalendar;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteCalendar(calendar.id);
  const [isOpen, setIsOpen] = useState(false);
  const close = () => {
    remove.reset();
    setIsOpen(false);
  };
  return (
    <>
      <Button
        variant="default"
        color="red"
        leftSection={<IconTrash size={14} />}
        onClick={() => setIsOpen(true)}
        data-testid="calendar-delete"
      >
        {t('calendars.editor.delete')}
      </Button>
      <Modal opened={isOpen} onClose={close} title={t('calendars.editor.deleteTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('calendars.editor.deleteConfirm', { name: calendar.name })}</Text>
          <ProblemAlert error={remove.error} testId="calendar-delete-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: onDeleted })}
              data-testid="calendar-delete-confirm"
            >
              {t('calendars.editor.deleteSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
