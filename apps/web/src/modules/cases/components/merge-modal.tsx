import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconGitMerge } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { Case } from '../api/cases-types.ts';
import { useMergeCase } from '../hooks/use-case-work.ts';

interface MergeModalProps {
  opened: boolean;
  item: Case;
  address: string;
  onClose: () => void;
}

export function MergeModal({ opened, onClose, ...props }: MergeModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.merge.title')} centered>
      {opened ? <MergeForm onClose={onClose} {...props} /> : null}
    </Modal>
  );
}

/** Says what a merge does before it is done: it cannot be taken back. */
function MergeForm({ item, address, onClose }: Omit<MergeModalProps, 'opened'>) {
  const { t } = useTranslation();
  const merge = useMergeCase(address);
  const [into, setInto] = useState('');
  const [missing, setMissing] = useState(false);
  const target = into.trim().toUpperCase();
  const shown = target || t('cases.merge.theOther');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) {
      setMissing(true);
      return;
    }
    merge.mutate({ version: item.version, into: target }, { onSuccess: onClose });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="case-merge-form">
      <Stack gap="sm">
        <ProblemAlert error={merge.error} testId="case-merge-error" />
        <TextInput
          label={t('cases.merge.into', { reference: item.reference })}
          placeholder="PD-100001"
          maxLength={40}
          required
          data-autofocus
          value={into}
          error={missing ? t('common.required') : undefined}
          onChange={(event) => {
            setInto(event.currentTarget.value);
            setMissing(false);
          }}
          data-testid="case-merge-into"
        />
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('cases.merge.whatHappens')}
        >
          <List size="sm" spacing={2} data-testid="case-merge-consequences">
            <List.Item>{t('cases.merge.moves', { reference: item.reference, target: shown })}</List.Item>
            <List.Item>{t('cases.merge.closes', { reference: item.reference, target: shown })}</List.Item>
            <List.Item>{t('cases.merge.final')}</List.Item>
          </List>
        </Alert>
        <Text size="xs" c="dimmed">
          {t('cases.merge.hint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="orange"
            leftSection={<IconGitMerge size={16} />}
            loading={merge.isPending}
            data-testid="case-merge-submit"
          >
            {t('cases.merge.submit', { target: shown })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
