import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  accountKinds,
  accountSegments,
  languages,
  type AccountKind,
  type AccountSegment,
} from '@paydesk/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/http/api-error.ts';
import { languageNames } from '../../../app/i18n/language.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { TimeZoneSelect } from '../../calendars/index.ts';
import { useUsers } from '../../users/index.ts';
import type { Account } from '../api/accounts-types.ts';
import { useUpdateAccount } from '../hooks/use-accounts.ts';

interface EditAccountModalProps {
  account: Account;
  onClose: () => void;
}

type Field = 'name' | 'legalName' | 'countryCode' | 'kind' | 'ownerId' | 'defaultLanguage' | 'timeZone';

/** Mounted only while open, so each opening starts from the account as it is now. */
export function EditAccountModal({ account, onClose }: EditAccountModalProps) {
  const { t } = useTranslation();
  const update = useUpdateAccount(account.id);
  const owners = useAccountManagers(account.owner);
  const [name, setName] = useState(account.name);
  const [legalName, setLegalName] = useState(account.legalName);
  const [countryCode, setCountryCode] = useState(account.countryCode);
  const [kind, setKind] = useState<AccountKind>(account.kind);
  const [segment, setSegment] = useState<AccountSegment | null>(account.segment ?? null);
  const [ownerId, setOwnerId] = useState<string | null>(account.owner?.id ?? null);
  const [defaultLanguage, setDefaultLanguage] = useState(account.defaultLanguage);
  const [timeZone, setTimeZone] = useState(account.timeZone);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  // The server names a refused field by its path (`body/ownerId`): show its words there.
  const serverErrors = Object.fromEntries(
    (isApiError(update.error) ? (update.error.problem?.errors ?? []) : []).map((problem) => [
      problem.path.replace(/^body\//, ''),
      problem.message,
    ]),
  ) as Partial<Record<Field, string>>;
  const errorOf = (field: Field) => errors[field] ?? serverErrors[field];

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (name.trim() === '') next.name = t('common.required');
    if (legalName.trim() === '') next.legalName = t('common.required');
    if (!/^[A-Za-z]{2}$/.test(countryCode.trim())) next.countryCode = t('accounts.create.countryInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    update.mutate(
      {
        name: name.trim(),
        legalName: legalName.trim(),
        countryCode: countryCode.trim().toUpperCase(),
        kind,
        segment,
        ownerId,
        defaultLanguage,
        timeZone,
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('accounts.edit.title')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="account-edit-form">
        <Stack gap="sm">
          <ProblemAlert error={update.error} testId="account-edit-error" />
          <TextInput
            label={t('accounts.fields.name')}
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errorOf('name')}
            data-autofocus
          />
          <TextInput
            label={t('accounts.fields.legalName')}
            required
            maxLength={300}
            value={legalName}
            onChange={(event) => setLegalName(event.currentTarget.value)}
            error={errorOf('legalName')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('accounts.fields.countryCode')}
              description={t('accounts.create.countryHint')}
              required
              maxLength={2}
              value={countryCode}
              onChange={(event) => setCountryCode(event.currentTarget.value.toUpperCase())}
              error={errorOf('countryCode')}
            />
            <Select
              label={t('accounts.fields.kind')}
              required
              allowDeselect={false}
              data={accountKinds.map((value) => ({ value, label: t(`accounts.kinds.${value}`) }))}
              value={kind}
              onChange={(value) => {
                if (value) setKind(value as AccountKind);
              }}
              error={errorOf('kind')}
            />
            <Select
              label={t('accounts.fields.segment')}
              clearable
              data={accountSegments.map((value) => ({ value, label: t(`accounts.segments.${value}`) }))}
              value={segment}
              onChange={(value) => setSegment(value as AccountSegment | null)}
            />
          </SimpleGrid>
          <Select
            label={t('accounts.fields.owner')}
            placeholder={t('accounts.noOwner')}
            clearable
            searchable
            data={owners}
            value={ownerId}
            onChange={setOwnerId}
            error={errorOf('ownerId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('accounts.edit.defaultLanguage')}
              allowDeselect={false}
              data={languages.map((value) => ({ value, label: languageNames[value] }))}
              value={defaultLanguage}
              onChange={(value) => {
                if (value) setDefaultLanguage(value);
              }}
              error={errorOf('defaultLanguage')}
            />
            <TimeZoneSelect
              label={t('accounts.edit.timeZone')}
              value={timeZone}
              onChange={setTimeZone}
              error={errorOf('timeZone')}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="account-edit-submit">
              {t('accounts.edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The people an account may be given to: active account managers (the API refuses anyone else),
 * plus the current owner so the field shows them even if they no longer qualify.
 */
function useAccountManagers(current: Account['owner']) {
  const users = useUsers();
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = users;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const managers = (users.data?.pages.flatMap((page) => page.items) ?? [])
    .filter((user) => user.role === 'account_manager' && user.isActive)
    .map((user) => ({ value: user.id, label: user.displayName }));
  if (current && !managers.some((manager) => manager.value === current.id))
    managers.unshift({ value: current.id, label: current.displayName });
  return managers;
}
