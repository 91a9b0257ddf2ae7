import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  CloseButton,
  FileButton,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconArrowMoveRight, IconLock, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../../app/i18n/translate-error.ts';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { attachmentContentUrl } from '../api/cases-api.ts';
import type { CaseAttachment, CaseMessage } from '../api/cases-types.ts';
import { attachmentSizeLimitBytes } from '@paydesk/shared';
import { attachmentAccept, formatFileSize } from '../attachment-files.ts';
import { useCaseAttachments, useUploadAttachment } from '../hooks/use-case-work.ts';
import { useCaseMessages, usePostMessage } from '../hooks/use-cases.ts';

interface ConversationProps {
  address: string;
  timeZone: string;
  /** Staff may also write internal notes; customers only reply. */
  canNote: boolean;
  /** Who speaks in the customer's messages that staff entered for them: the contact, else the account. */
  customerName: string;
}

/** The messages with their files, oldest first, and the box to answer in (with files to attach). */
export function Conversation({ address, timeZone, canNote, customerName }: ConversationProps) {
  const { t, i18n } = useTranslation();
  const messages = useCaseMessages(address);
  const attachments = useCaseAttachments(address);
  const post = usePostMessage(address);
  const upload = useUploadAttachment(address);
  const [body, setBody] = useState('');
  const [pending, setPending] = useState<File[]>([]);
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const busy = post.isPending || upload.isPending;

  const filesOf = useMemo(() => {
    const byMessage = new Map<string, CaseAttachment[]>();
    for (const attachment of attachments.data ?? [])
      if (attachment.messageId)
        byMessage.set(attachment.messageId, [...(byMessage.get(attachment.messageId) ?? []), attachment]);
    return byMessage;
  }, [attachments.data]);

  function choose(files: File[]) {
    const limit = formatFileSize(attachmentSizeLimitBytes, i18n.language);
    const tooLarge = files.filter((file) => file.size > attachmentSizeLimitBytes);
    setFileProblems(tooLarge.map((file) => t('cases.attachments.tooLarge', { name: file.name, limit })));
    setPending((current) => [...current, ...files.filter((file) => !tooLarge.includes(file))]);
  }

  /** The message first, then its files, each tied to it (a note's files stay internal). */
  async function send(visibility: 'public' | 'internal') {
    if (!body.trim() || busy) return;
    const files = pending;
    setFileProblems([]);
    let message: CaseMessage;
    try {
      message = await post.mutateAsync({ visibility, body });
    } catch {
      return; // shown from post.error
    }
    setBody('');
    setPending([]);
    for (const file of files) {
      try {
        await upload.mutateAsync({ file, messageId: message.id });
      } catch (error) {
        const reason = translateError(t, error);
        setFileProblems((current) => [
          ...current,
          t('cases.attachments.failed', { name: file.name, reason }),
        ]);
      }
    }
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
            <MessageCard
              key={message.id}
              address={address}
              message={message}
              files={filesOf.get(message.id) ?? []}
              timeZone={timeZone}
              customerName={customerName}
            />
          ))}
        </Stack>
      )}
      <Paper withBorder p="sm" data-testid="case-reply">
        <Stack gap="xs">
          <ProblemAlert error={post.error} testId="case-reply-error" />
          {fileProblems.length > 0 ? (
            <Alert color="red" variant="light" role="alert" data-testid="case-reply-file-error">
              {fileProblems.map((problem) => (
                <Text key={problem} size="sm">
                  {problem}
                </Text>
              ))}
            </Alert>
          ) : null}
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
          {pending.length > 0 ? (
            <Group gap="xs" data-testid="case-reply-files">
              {pending.map((file, index) => (
                <Badge
                  key={`${file.name}-${index}`}
                  variant="light"
                  color="gray"
                  leftSection={<IconPaperclip size={12} />}
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={t('cases.attachments.unselect', { name: file.name })}
                      onClick={() => setPending((current) => current.filter((other) => other !== file))}
                    />
                  }
                  style={{ textTransform: 'none' }}
                  data-testid="case-reply-file"
                >
                  {file.name} · {formatFileSize(file.size, i18n.language)}
                </Badge>
              ))}
            </Group>
          ) : null}
          <Group justify="space-between" gap="sm">
            <FileButton
              multiple
              accept={attachmentAccept}
              onChange={choose}
              inputProps={{ 'data-testid': 'case-reply-file-input' } as Record<string, string>}
            >
              {(props) => (
                <Button
                  {...props}
                  variant="subtle"
                  leftSection={<IconPaperclip size={16} />}
                  disabled={busy}
                  data-testid="case-reply-attach"
                >
                  {t('cases.attachments.attach')}
                </Button>
              )}
            </FileButton>
            <Group gap="sm">
              {canNote ? (
                <Button
                  variant="light"
                  color="yellow"
                  leftSection={<IconLock size={16} />}
                  disabled={!body.trim() || (busy && post.variables?.visibility !== 'internal')}
                  loading={busy && post.variables?.visibility === 'internal'}
                  onClick={() => void send('internal')}
                  data-testid="case-note-send"
                >
                  {t('cases.conversation.note')}
                </Button>
              ) : null}
              <Button
                leftSection={<IconSend size={16} />}
                disabled={!body.trim() || (busy && post.variables?.visibility !== 'public')}
                loading={busy && post.variables?.visibility === 'public'}
                onClick={() => void send('public')}
                data-testid="case-reply-send"
              >
                {t('cases.conversation.reply')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function MessageCard({
  address,
  message,
  files,
  timeZone,
  customerName,
}: {
  address: string;
  message: CaseMessage;
  files: CaseAttachment[];
  timeZone: string;
  customerName: string;
}) {
  const { t, i18n } = useTranslation();
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
          {/* The customer's words entered by staff speak as the customer; who entered them follows. */}
          <Text size="sm" fw={600} data-testid="case-message-author">
            {message.recordedByStaff
              ? customerName
              : (message.author?.displayName ?? t('cases.conversation.unknownAuthor'))}
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
          {message.recordedByStaff && message.author ? (
            <Text size="xs" c="dimmed" data-testid="case-message-recorded-by">
              {t('cases.conversation.recordedBy', { name: message.author.displayName })}
            </Text>
          ) : null}
          {message.movedFrom ? (
            <Badge
              size="xs"
              color="grape"
              variant="light"
              leftSection={<IconArrowMoveRight size={10} />}
              style={{ textTransform: 'none' }}
              data-testid="case-message-moved"
            >
              {t(
                message.movedFrom.by === 'merge'
                  ? 'cases.conversation.movedByMerge'
                  : 'cases.conversation.movedBySplit',
                { reference: message.movedFrom.reference },
              )}
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
      {files.length > 0 ? (
        <Group gap="sm" mt="xs" data-testid="case-message-files">
          {files.map((file) => (
            <Anchor
              key={file.id}
              href={attachmentContentUrl(address, file.id)}
              download={file.fileName}
              size="xs"
              data-testid="case-message-file"
            >
              <Group gap={4} wrap="nowrap">
                <IconPaperclip size={12} />
                {file.fileName} · {formatFileSize(file.sizeBytes, i18n.language)}
              </Group>
            </Anchor>
          ))}
        </Group>
      ) : null}
    </Paper>
  );
}
