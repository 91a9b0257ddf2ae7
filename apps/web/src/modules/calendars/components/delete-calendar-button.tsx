import { Button } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
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
      <ConfirmModal
        opened={isOpen}
        title={t('calendars.editor.deleteTitle')}
        message={t('calendars.editor.deleteConfirm', { name: calendar.name })}
        confirmLabel={t('calendars.editor.deleteSubmit')}
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: onDeleted })}
        onClose={close}
        testId="calendar-delete"
      />
    </>
  );
}
