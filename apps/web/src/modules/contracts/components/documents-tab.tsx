import {
  ActionIcon,
  Anchor,
  Button,
  Center,
  FileInput,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { documentContentUrl } from '../api/contracts-api.ts';
import type { ContractDocument } from '../api/contracts-types.ts';
import { useContractDocuments, useDeleteDocument, useUploadDocument } from '../hooks/use-contracts.ts';
import { useContractFormat } from './use-contract-format.ts';

const accepted = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
  'text/plain',
].join(',');

/** The signed papers of a contract: listed and downloaded by anyone who reads it, added by those who manage it. */
export function DocumentsTab({ contractId, canManage }: { contractId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const { formatMoment } = useContractFormat();
  const documents = useContractDocuments(contractId);
  const upload = useUploadDocument(contractId);
  const [removing, setRemoving] = useState<ContractDocument | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const size = new Intl.NumberFormat(i18n.language, {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 1,
  });

  return (
    <Stack gap="md">
      {canManage ? (
        <Stack gap={4}>
          <FileInput
            key={inputKey}
            maw={420}
            label={t('contracts.documents.upload')}
            description={t('contracts.documents.uploadHint')}
            placeholder={t('contracts.documents.choose')}
            leftSection={upload.isPending ? <Loader size={14} /> : <IconUpload size={14} />}
            accept={accepted}
            disabled={upload.isPending}
            onChange={(file) => {
              if (file) upload.mutate(file, { onSettled: () => setInputKey((key) => key + 1) });
            }}
            data-testid="contract-document-upload"
          />
          <ProblemAlert error={upload.error} testId="contract-document-upload-error" />
        </Stack>
      ) : null}
      {documents.isPending ? (
        <Center py="lg">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : documents.isError ? (
        <ProblemAlert error={documents.error} testId="contract-documents-error" />
      ) : documents.data.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="contract-documents-empty">
          {t('contracts.documents.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" data-testid="contract-documents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contracts.documents.fileName')}</Table.Th>
                <Table.Th>{t('contracts.documents.size')}</Table.Th>
                <Table.Th>{t('contracts.documents.uploadedBy')}</Table.Th>
                <Table.Th>{t('contracts.versions.when')}</Table.Th>
                {canManage ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.data.map((document) => (
                <Table.Tr
                  key={document.id}
                  data-testid="contract-document-row"
                  data-file-name={document.fileName}
                >
                  <Table.Td>
                    <Anchor
                      href={documentContentUrl(contractId, document.id)}
                      download={document.fileName}
                      size="sm"
                      data-testid="contract-document-download"
                    >
                      {document.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{size.format(document.sizeBytes / 1024)}</Table.Td>
                  <Table.Td>{document.uploadedBy?.displayName ?? '—'}</Table.Td>
                  <Table.Td>{formatMoment(document.createdAt)}</Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('contracts.documents.remove')}
                        onClick={() => setRemoving(document)}
                        data-testid="contract-document-remove"
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {removing ? (
        <RemoveDocumentModal contractId={contractId} document={removing} onClose={() => setRemoving(null)} />
      ) : null}
    </Stack>
  );
}

function RemoveDocumentModal(props: { contractId: string; document: ContractDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteDocument(props.contractId);
  return (
    <Modal opened onClose={props.onClose} title={t('contracts.documents.removeTitle')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('contracts.documents.removeConfirm', { name: props.document.fileName })}</Text>
        <ProblemAlert error={remove.error} testId="contract-document-remove-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(props.document.id, { onSuccess: props.onClose })}
            data-testid="contract-document-remove-confirm"
          >
            {t('contracts.documents.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
