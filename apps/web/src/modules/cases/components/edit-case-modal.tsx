import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { caseTypes, type CaseType } from '@paydesk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useServiceCatalogue } from '../../contracts/index.ts';
import type { Case, UpdateCaseInput } from '../api/cases-types.ts';
import { useAccountContacts } from '../hooks/use-cases.ts';

interface EditCaseModalProps {
  opened: boolean;
  item: Case;
  error: unknown;
  pending: boolean;
  onClose: () => void;
  onSave: (input: UpdateCaseInput) => void;
}

export function EditCaseModal({ opened, onClose, ...props }: EditCaseModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.editDialog.title')} size="lg" centered>
      <EditCaseForm onClose={onClose} {...props} />
    </Modal>
  );
}

/** Sends only the fields that differ from the case as it was opened in the dialog. */
function EditCaseForm({ item, error, pending, onClose, onSave }: Omit<EditCaseModalProps, 'opened'>) {
  const { t } = useTranslation();
  const services = useServiceCatalogue();
  const contacts = useAccountContacts(item.accountId);
  const [subject, setSubject] = useState(item.subject);
  const [type, setType] = useState<CaseType>(item.type);
  const [serviceCode, setServiceCode] = useState<string | null>(item.service?.code ?? null);
  const [contactId, setContactId] = useState<string | null>(item.contact?.id ?? null);
  const [externalReference, setExternalReference] = useState(item.externalReference ?? '');
  const [subjectError, setSubjectError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!subject.trim()) {
      setSubjectError(t('common.required'));
      return;
    }
    const input: UpdateCaseInput = {};
    if (subject.trim() !== item.subject) input.subject = subject.trim();
    if (type !== item.type) input.type = type;
    if (serviceCode !== (item.service?.code ?? null)) input.serviceCode = serviceCode;
    if (contactId !== (item.contact?.id ?? null)) input.contactId = contactId;
    if (externalReference.trim() !== (item.externalReference ?? ''))
      input.externalReference = externalReference.trim() || null;
    if (Object.keys(input).length === 0) onClose();
    else onSave(input);
  }

  return (
    <form onSubmit={submit} noValidate data-testid="case-edit-form">
      <Stack gap="sm">
        <ProblemAlert error={error} testId="case-edit-error" />
        <TextInput
          label={t('cases.fields.subject')}
          required
          maxLength={300}
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
          error={subjectError}
          data-testid="case-edit-subject"
        />
        <SimpleGrid cols={2}>
          <Select
            label={t('cases.fields.type')}
            allowDeselect={false}
            data={caseTypes.map((value) => ({ value, label: t(`slaPolicies.caseTypes.${value}`) }))}
            value={type}
            onChange={(value) => value && setType(value as CaseType)}
            data-testid="case-edit-type"
          />
          <Select
            label={t('cases.fields.service')}
            placeholder={t('cases.create.servicePlaceholder')}
            searchable
            clearable
            data={(services.data ?? [])
              .filter((service) => service.isActive || service.code === item.service?.code)
              .map((service) => ({ value: service.code, label: service.name }))}
            value={serviceCode}
            onChange={setServiceCode}
            data-testid="case-edit-service"
          />
          <Select
            label={t('cases.fields.contact')}
            searchable
            clearable
            data={(contacts.data ?? []).map((contact) => ({
              value: contact.id,
              label: `${contact.name} <${contact.email}>`,
            }))}
            value={contactId}
            onChange={setContactId}
            data-testid="case-edit-contact"
          />
          <TextInput
            label={t('cases.fields.externalReference')}
            maxLength={200}
            value={externalReference}
            onChange={(event) => setExternalReference(event.currentTarget.value)}
            data-testid="case-edit-external-reference"
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="case-edit-save">
            {t('cases.editDialog.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
