import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BusinessCalendar } from '../api/calendars-types.ts';
import { CalendarEditor } from './calendar-editor.tsx';

interface NewCalendarModalProps {
  /** The zone a new calendar starts in: the person's own. */
  defaultTimeZone: string;
  onClose: () => void;
  onCreated: (calendar: BusinessCalendar) => void;
}

/** Mounted only while open, so every new calendar starts from a clean template. */
export function NewCalendarModal({ defaultTimeZone, onClose, onCreated }: NewCalendarModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('calendars.editor.newTitle')} size="xl">
      <CalendarEditor
        calendar={null}
        defaultTimeZone={defaultTimeZone}
        onSaved={onCreated}
        onCancel={onClose}
      />
    </Modal>
  );
}
