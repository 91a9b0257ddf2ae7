import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { impactLevels, priorities, type ImpactLevel, type Priority } from '@paydesk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { Case, UpdateCaseInput } from '../api/cases-types.ts';
import { priorityColors, priorityFor } from '../priority.ts';

interface PriorityModalProps {
  opened: boolean;
  item: Case;
  error: unknown;
  pending: boolean;
  onClose: () => void;
  onSave: (input: UpdateCaseInput) => void;
}

/** Impact and urgency give the priority; a different one needs a reason the timeline keeps. */
export function PriorityModal({ opened, onClose, ...props }: PriorityModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.priorityDialog.title')} size="lg" centered>
      <PriorityForm onClose={onClose} {...props} />
    </Modal>
  );
}

function PriorityForm({ item, error, pending, onClose, onSave }: Omit<PriorityModalProps, 'opened'>) {
  const { t } = useTranslation();
  const [impact, setImpact] = useState<ImpactLevel>(item.impact);
  const [urgency, setUrgency] = useState<ImpactLevel>(item.urgency);
  const matrix = priorityFor(impact, urgency);
  const [override, setOverride] = useState(item.priority !== priorityFor(item.impact, item.urgency));
  const [priority, setPriority] = useState<Priority>(item.priority);
  const [reason, setReason] = useState(item.priorityReason ?? '');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const levels = impactLevels.map((level) => ({ value: level, label: t(`cases.levels.${level}`) }));
  const overriding = override && priority !== matrix;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (overriding && !reason.trim()) {
      setReasonError(t('cases.create.reasonRequired'));
      return;
    }
    onSave({
      impact,
      urgency,
      ...(overriding ? { priority, priorityReason: reason.trim() } : { priority: matrix }),
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="case-priority-form">
      <Stack gap="sm">
        <ProblemAlert error={error} testId="case-priority-error" />
        <SimpleGrid cols={2}>
          <Select
            label={t('cases.fields.impact')}
            allowDeselect={false}
            data={levels}
            value={impact}
            onChange={(value) => value && setImpact(value as ImpactLevel)}
            data-testid="case-priority-impact"
          />
          <Select
            label={t('cases.fields.urgency')}
            allowDeselect={false}
            data={levels}
            value={urgency}
            onChange={(value) => value && setUrgency(value as ImpactLevel)}
            data-testid="case-priority-urgency"
          />
        </SimpleGrid>
        <Group gap="xs">
          <Text size="sm">{t('cases.create.resultingPriority')}</Text>
          <Badge color={priorityColors[matrix]}>{t(`cases.priorities.${matrix}`)}</Badge>
        </Group>
        <Checkbox
          label={t('cases.create.override')}
          checked={override}
          onChange={(event) => setOverride(event.currentTarget.checked)}
          data-testid="case-priority-override"
        />
        {override ? (
          <SimpleGrid cols={2}>
            <Select
              label={t('cases.fields.priority')}
              allowDeselect={false}
              data={priorities.map((value) => ({ value, label: t(`cases.priorities.${value}`) }))}
              value={priority}
              onChange={(value) => value && setPriority(value as Priority)}
              data-testid="case-priority-value"
            />
            <TextInput
              label={t('cases.fields.priorityReason')}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonError}
              data-testid="case-priority-reason-input"
            />
          </SimpleGrid>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="case-priority-save">
            {t('cases.priorityDialog.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
