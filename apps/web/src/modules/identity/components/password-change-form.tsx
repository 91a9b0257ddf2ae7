import { Button, Card, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/http/api-error.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useChangePassword } from '../hooks/use-change-password.ts';
import { useCurrentUser } from '../hooks/use-current-user.ts';

const minimumLength = 12;

interface FieldErrors {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

export function PasswordChangeForm() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const changePassword = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  // A wrong current password belongs next to that field, not in a general alert.
  const wrongCurrent =
    isApiError(changePassword.error) && changePassword.error.code === 'AUTH_INVALID_CREDENTIALS';

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (currentPassword === '') next.currentPassword = t('common.required');
    if (newPassword.length < minimumLength) next.newPassword = t('password.tooShort');
    if (confirmPassword !== newPassword) next.confirmPassword = t('password.mismatch');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setConfirmPassword('');
          notifications.show({ color: 'teal', message: t('password.changed') });
        },
      },
    );
  }

  return (
    <Card withBorder padding="lg">
      <Title order={4} mb="md">
        {t('password.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {/* Lets password managers tell whose password this is. */}
          <input type="text" name="username" autoComplete="username" value={me.email} readOnly hidden />
          <ProblemAlert error={wrongCurrent ? null : changePassword.error} testId="password-error" />
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={errors.currentPassword ?? (wrongCurrent ? t('password.currentWrong') : undefined)}
            data-testid="password-current"
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.newHint')}
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={errors.newPassword}
            data-testid="password-new"
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            value={confirmPassword}
            onChange={(event) => setConfirmPassword(event.currentTarget.value)}
            error={errors.confirmPassword}
            data-testid="password-confirm"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={changePassword.isPending} data-testid="password-submit">
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
