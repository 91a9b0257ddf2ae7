import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { type Account } from '../api/accounts-types.ts';
import { accountKinds, accountSegments, type AccountKind, type AccountSegment } from '@paydesk/shared';
import { useCreateAccount } from '../hooks/use-accounts.ts';

interface CreateAccountModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (account: Account) => void;
}

interface FieldErrors {
  name?: string;
  legalName?: string;
  countryCode?: string;
  kind?: string;
}

export function CreateAccountModal({ opened, onClose, onCreated }: CreateAccountModalProps) {
  const { t } = useTranslation();
  const create = useCreateAccount();
  const [name, setName] = useState('');
  const [legalName, setLegalName] = useState('');
  const [countryCode, setCountryCode] = useState('');
  const [kind, setKind] = useState<AccountKind | null>(null);
  const [segment, setSegment] = useState<AccountSegment | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  function close() {
    create.reset();
    setErrors({});
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (name.trim() === '') next.name = t('common.required');
    if (legalName.trim() === '') next.legalName = t('common.required');
    if (!/^[A-Za-z]{2}$/.test(countryCode.trim())) next.countryCode = t('accounts.create.countryInvalid');
    if (!kind) next.kind = t('common.required');
    setErrors(next);
    if (Object.keys(next).length > 0 || !kind) return;
    create.mutate(
      {
        name: name.trim(),
        legalName: legalName.trim(),
        countryCode: countryCode.trim().toUpperCase(),
        kind,
        ...(segment ? { segment } : {}),
      },
      {
        onSuccess: (account) => {
          setName('');
          setLegalName('');
          setCountryCode('');
          setKind(null);
          setSegment(null);
          onCreated(account);
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={t('accounts.create.title')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="account-create-form">
        <Stack gap="sm">
          <ProblemAlert error={create.error} testId="account-create-error" />
          <TextInput
            label={t('accounts.fields.name')}
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            data-autofocus
            data-testid="account-create-name"
          />
          <TextInput
            label={t('accounts.fields.legalName')}
            required
            maxLength={300}
            value={legalName}
            onChange={(event) => setLegalName(event.currentTarget.value)}
            error={errors.legalName}
            data-testid="account-create-legal-name"
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('accounts.fields.countryCode')}
              description={t('accounts.create.countryHint')}
              required
              maxLength={2}
              value={countryCode}
              onChange={(event) => setCountryCode(event.currentTarget.value.toUpperCase())}
              error={errors.countryCode}
              data-testid="account-create-country"
            />
            <Select
              label={t('accounts.fields.kind')}
              required
              data={accountKinds.map((value) => ({ value, label: t(`accounts.kinds.${value}`) }))}
              value={kind}
              onChange={(value) => setKind(value as AccountKind | null)}
              error={errors.kind}
              data-testid="account-create-kind"
            />
            <Select
              label={t('accounts.fields.segment')}
              clearable
              data={accountSegments.map((value) => ({ value, label: t(`accounts.segments.${value}`) }))}
              value={segment}
              onChange={(value) => setSegment(value as AccountSegment | null)}
              data-testid="account-create-segment"
            />
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="account-create-submit">
              {t('accounts.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
