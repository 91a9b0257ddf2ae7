import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowsSplit } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { Case } from '../api/cases-types.ts';
import { useSplitCase } from '../hooks/use-case-work.ts';
import { useCaseMessages } from '../hooks/use-cases.ts';

interface SplitModalProps {
  opened: boolean;
  item: Case;
  address: string;
  timeZone: string;
  onClose: () => void;
}

export function SplitModal({ opened, onClose, ...props }: SplitModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.split.title')} size="lg" centered>
      {opened ? <SplitForm onClose={onClose} {...props} /> : null}
    </Modal>
  );
}

/** Pick the messages that are another matter; they move to a new child case, which then opens. */
function SplitForm({ item, address, timeZone, onClose }: Omit<SplitModalProps, 'opened'>) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters(timeZone);
  const navigate = useNavigate();
  const messages = useCaseMessages(address);
  const split = useSplitCase(address);
  const [chosen, setChosen] = useState<string[]>([]);
  const [subject, setSubject] = useState('');
  const [problem, setProblem] = useState<'subject' | 'none' | 'all' | null>(null);
  const all = messages.data ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = !subject.trim()
      ? 'subject'
      : chosen.length === 0
        ? 'none'
        : chosen.length === all.length
          ? 'all'
          : null;
    setProblem(next);
    if (next) return;
    split.mutate(
      { messageIds: chosen, subject: subject.trim() },
      {
        onSuccess: (created) => {
          onClose();
          void navigate(`/cases/${created.reference}`);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="case-split-form">
      <Stack gap="sm">
        <Text size="sm">{t('cases.split.hint', { reference: item.reference })}</Text>
        <ProblemAlert error={split.error ?? messages.error} testId="case-split-error" />
        <TextInput
          label={t('cases.split.subject')}
          required
          maxLength={300}
          value={subject}
          error={problem === 'subject' ? t('common.required') : undefined}
          onChange={(event) => setSubject(event.currentTarget.value)}
          data-testid="case-split-subject"
        />
        <Checkbox.Group
          label={t('cases.split.messages')}
          value={chosen}
          onChange={(value) => {
            setChosen(value);
            setProblem(null);
          }}
          error={
            problem === 'none'
              ? t('cases.split.pickOne')
              : problem === 'all'
                ? t('cases.split.keepOne')
                : undefined
          }
        >
          <ScrollArea.Autosize mah={320} mt="xs">
            <Stack gap="xs">
              {all.map((message) => (
                <Checkbox
                  key={message.id}
                  value={message.id}
                  data-testid="case-split-message"
                  label={
                    <Stack gap={0}>
                      <Text size="xs" c="dimmed">
                        {message.author?.displayName ?? t('cases.conversation.unknownAuthor')} ·{' '}
                        {formatDateTime(message.createdAt)}
                      </Text>
                      <Text size="sm" lineClamp={2}>
                        {message.body}
                      </Text>
                    </Stack>
                  }
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            leftSection={<IconArrowsSplit size={16} />}
            loading={split.isPending}
            data-testid="case-split-submit"
          >
            {t('cases.split.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
