import { Anchor, Badge, Center, FileInput, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconLock, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { attachmentContentUrl } from '../api/cases-api.ts';
import { attachmentSizeLimitBytes } from '@paydesk/shared';
import { attachmentAccept, formatFileSize } from '../attachment-files.ts';
import { useCaseAttachments, useUploadAttachment } from '../hooks/use-case-work.ts';

/**
 * Every file of the case, on the case or on a message, oldest first, each downloadable; a file can
 * also be attached to the case itself here (customers see it, as they see the case).
 */
export function AttachmentsPanel({ address, timeZone }: { address: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const { formatDateTime } = useFormatters(timeZone);
  const attachments = useCaseAttachments(address);
  const upload = useUploadAttachment(address);
  const [inputKey, setInputKey] = useState(0);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const limit = formatFileSize(attachmentSizeLimitBytes, i18n.language);

  return (
    <Stack gap="md" data-testid="case-attachments">
      <Stack gap={4}>
        <FileInput
          key={inputKey}
          maw={420}
          label={t('cases.attachments.upload')}
          description={t('cases.attachments.uploadHint', { limit })}
          placeholder={t('cases.attachments.choose')}
          leftSection={upload.isPending ? <Loader size={14} /> : <IconUpload size={14} />}
          accept={attachmentAccept}
          disabled={upload.isPending}
          onChange={(file) => {
            setTooLarge(null);
            upload.reset();
            if (!file) return;
            if (file.size > attachmentSizeLimitBytes) {
              setTooLarge(t('cases.attachments.tooLarge', { name: file.name, limit }));
              setInputKey((key) => key + 1);
              return;
            }
            upload.mutate({ file }, { onSettled: () => setInputKey((key) => key + 1) });
          }}
          data-testid="case-attachment-upload"
        />
        <ProblemAlert error={upload.error} testId="case-attachment-upload-error" />
        {tooLarge ? (
          <Text size="sm" c="red" role="alert" data-testid="case-attachment-upload-error">
            {tooLarge}
          </Text>
        ) : null}
      </Stack>
      {attachments.isPending ? (
        <Center py="lg">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : attachments.isError ? (
        <ProblemAlert error={attachments.error} testId="case-attachments-error" />
      ) : attachments.data.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="case-attachments-empty">
          {t('cases.attachments.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="case-attachment-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.attachments.fileName')}</Table.Th>
                <Table.Th>{t('cases.attachments.size')}</Table.Th>
                <Table.Th>{t('cases.attachments.type')}</Table.Th>
                <Table.Th>{t('cases.attachments.uploadedBy')}</Table.Th>
                <Table.Th>{t('cases.attachments.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attachments.data.map((attachment) => (
                <Table.Tr
                  key={attachment.id}
                  data-testid="case-attachment-row"
                  data-file-name={attachment.fileName}
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor
                        href={attachmentContentUrl(address, attachment.id)}
                        download={attachment.fileName}
                        size="sm"
                        style={{ overflowWrap: 'anywhere' }}
                        data-testid="case-attachment-download"
                      >
                        {attachment.fileName}
                      </Anchor>
                      {attachment.internal ? (
                        <Badge size="xs" color="yellow" leftSection={<IconLock size={10} />}>
                          {t('cases.conversation.internal')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatFileSize(attachment.sizeBytes, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {attachment.contentType}
                    </Text>
                  </Table.Td>
                  <Table.Td>{attachment.uploadedBy?.displayName ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(attachment.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
