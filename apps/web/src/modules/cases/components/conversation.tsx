import { Badge, Button, Center, Group, Loader, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { CaseMessage } from '../api/cases-types.ts';
import { useCaseMessages, usePostMessage } from '../hooks/use-cases.ts';

interface ConversationProps {
  address: string;
  timeZone: string;
  /** Staff may also write internal notes; customers only reply. */
  canNote: boolean;
}

/** The messages, oldest first, and the box to answer in. */
export function Conversation({ address, timeZone, canNote }: ConversationProps) {
  const { t } = useTranslation();
  const messages = useCaseMessages(address);
  const post = usePostMessage(address);
  const [body, setBody] = useState('');

  function send(visibility: 'public' | 'internal') {
    if (!body.trim()) return;
    post.mutate({ visibility, body }, { onSuccess: () => setBody('') });
  }

  return (
    <Stack gap="sm">
      {messages.isPending ? (
        <Center py="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : messages.isError ? (
        <ProblemAlert error={messages.error} testId="case-messages-error" />
      ) : (
        <Stack gap="sm" data-testid="case-messages">
          {messages.data.map((message) => (
            <MessageCard key={message.id} message={message} timeZone={timeZone} />
          ))}
        </Stack>
      )}
      <Paper withBorder p="sm" data-testid="case-reply">
        <Stack gap="xs">
          <ProblemAlert error={post.error} testId="case-reply-error" />
          <Textarea
            aria-label={t('cases.conversation.compose')}
            placeholder={t('cases.conversation.placeholder')}
            autosize
            minRows={3}
            maxRows={12}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            data-testid="case-reply-body"
          />
          <Group justify="flex-end" gap="sm">
            {canNote ? (
              <Button
                variant="light"
                color="yellow"
                leftSection={<IconLock size={16} />}
                disabled={!body.trim()}
                loading={post.isPending && post.variables?.visibility === 'internal'}
                onClick={() => send('internal')}
                data-testid="case-note-send"
              >
                {t('cases.conversation.note')}
              </Button>
            ) : null}
            <Button
              leftSection={<IconSend size={16} />}
              disabled={!body.trim()}
              loading={post.isPending && post.variables?.visibility === 'public'}
              onClick={() => send('public')}
              data-testid="case-reply-send"
            >
              {t('cases.conversation.reply')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function MessageCard({ message, timeZone }: { message: CaseMessage; timeZone: string }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters(timeZone);
  const internal = message.visibility === 'internal';
  return (
    <Paper
      withBorder
      p="sm"
      bg={internal ? 'yellow.0' : message.fromCustomer ? 'gray.0' : undefined}
      style={{
        borderLeft: `4px solid var(--mantine-color-${internal ? 'yellow-6' : message.fromCustomer ? 'gray-5' : 'blue-6'})`,
      }}
      data-testid="case-message"
      data-visibility={message.visibility}
      data-from-customer={message.fromCustomer}
    >
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {message.author?.displayName ?? t('cases.conversation.unknownAuthor')}
          </Text>
          {internal ? (
            <Badge size="xs" color="yellow" leftSection={<IconLock size={10} />}>
              {t('cases.conversation.internal')}
            </Badge>
          ) : message.fromCustomer ? (
            <Badge size="xs" color="gray" variant="light">
              {t('cases.conversation.customer')}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(message.createdAt)}
        </Text>
      </Group>
      <Text
        size="sm"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        data-testid="case-message-body"
      >
        {message.body}
      </Text>
    </Paper>
  );
}
