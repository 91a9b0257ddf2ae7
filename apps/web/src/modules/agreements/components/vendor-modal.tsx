import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/http/api-error.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { vendorKinds, type VendorKind } from '../api/agreements-types.ts';
import { useCreateVendor } from '../hooks/use-agreements.ts';

interface VendorModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Adds a vendor: someone the desk escalates to and who may owe an underpinning contract. */
export function VendorModal({ opened, onClose }: VendorModalProps) {
  const { t } = useTranslation();
  const create = useCreateVendor();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<VendorKind | null>(null);
  const [contactEmail, setContactEmail] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState<{ name?: boolean; kind?: boolean }>({});
  const serverError = (path: string) =>
    isApiError(create.error)
      ? create.error.problem?.errors?.find((problem) => problem.path === path)?.message
      : undefined;

  function close() {
    create.reset();
    setMissing({});
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = { name: name.trim() === '', kind: kind === null };
    setMissing(next);
    if (next.name || !kind) return;
    create.mutate(
      {
        name: name.trim(),
        kind,
        contactEmail: contactEmail.trim() === '' ? null : contactEmail.trim(),
        contactPhone: contactPhone.trim() === '' ? null : contactPhone.trim(),
        notes: notes.trim(),
      },
      {
        onSuccess: () => {
          setName('');
          setKind(null);
          setContactEmail('');
          setContactPhone('');
          setNotes('');
          close();
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={t('vendors.create.title')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="vendor-form">
        <Stack gap="sm">
          <ProblemAlert error={create.error} testId="vendor-form-error" />
          <Group grow align="flex-start">
            <TextInput
              label={t('vendors.fields.name')}
              required
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={missing.name ? t('common.required') : serverError('body/name')}
              data-autofocus
              data-testid="vendor-name"
            />
            <Select
              label={t('vendors.fields.kind')}
              required
              data={vendorKinds.map((value) => ({ value, label: t(`vendors.kinds.${value}`) }))}
              value={kind}
              onChange={(value) => setKind(value as VendorKind | null)}
              error={missing.kind ? t('common.required') : undefined}
              data-testid="vendor-kind"
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="email"
              label={t('vendors.fields.contactEmail')}
              maxLength={254}
              value={contactEmail}
              onChange={(event) => setContactEmail(event.currentTarget.value)}
              error={serverError('body/contactEmail')}
              data-testid="vendor-email"
            />
            <TextInput
              label={t('vendors.fields.contactPhone')}
              description={t('vendors.phoneHint')}
              maxLength={30}
              value={contactPhone}
              onChange={(event) => setContactPhone(event.currentTarget.value)}
              error={serverError('body/contactPhone')}
              data-testid="vendor-phone"
            />
          </Group>
          <Textarea
            label={t('vendors.fields.notes')}
            maxLength={5000}
            autosize
            minRows={2}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            data-testid="vendor-notes"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="vendor-submit">
              {t('vendors.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
