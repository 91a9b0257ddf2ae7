import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useLogin } from '../hooks/use-login.ts';

interface LoginFormProps {
  onSignedIn: () => void;
}

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = email.trim();
    const next = {
      ...(trimmed === ''
        ? { email: t('common.required') }
        : !/^\S+@\S+$/.test(trimmed)
          ? { email: t('login.emailInvalid') }
          : {}),
      ...(password === '' ? { password: t('common.required') } : {}),
    };
    setErrors(next);
    if (next.email || next.password) return;
    login.mutate({ email: trimmed, password }, { onSuccess: onSignedIn });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={login.error} testId="login-error" />
        <TextInput
          label={t('login.email')}
          type="email"
          autoComplete="username"
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
          data-testid="login-email"
        />
        <PasswordInput
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
          data-testid="login-password"
        />
        <Button type="submit" fullWidth loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
