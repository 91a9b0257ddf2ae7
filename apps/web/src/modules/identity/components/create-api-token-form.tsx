import { Button, Checkbox, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { tokenScopes, type CreatedApiToken, type TokenScope } from '../api/identity-types.ts';
import { useCreateApiToken } from '../hooks/use-create-api-token.ts';

const defaultExpiryDays = 90;

interface FieldErrors {
  name?: string;
  scopes?: string;
  expiresInDays?: string;
}

interface CreateApiTokenFormProps {
  onCreated: (created: CreatedApiToken) => void;
}

export function CreateApiTokenForm({ onCreated }: CreateApiTokenFormProps) {
  const { t } = useTranslation();
  const createToken = useCreateApiToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [expiresInDays, setExpiresInDays] = useState<number | string>(defaultExpiryDays);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const days = typeof expiresInDays === 'number' ? expiresInDays : Number.NaN;
    const next: FieldErrors = {};
    if (name.trim() === '') next.name = t('common.required');
    if (scopes.length === 0) next.scopes = t('tokens.create.scopesRequired');
    if (!Number.isInteger(days) || days < 1 || days > 365)
      next.expiresInDays = t('tokens.create.expiryRange');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    createToken.mutate(
      { name: name.trim(), scopes, expiresInDays: days },
      {
        onSuccess: (created) => {
          setName('');
          setScopes(['read']);
          setExpiresInDays(defaultExpiryDays);
          onCreated(created);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="token-create-form">
      <Stack gap="sm">
        <Title order={5}>{t('tokens.create.title')}</Title>
        <ProblemAlert error={createToken.error} testId="token-create-error" />
        <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            label={t('tokens.create.name')}
            placeholder={t('tokens.create.namePlaceholder')}
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            miw={220}
            data-testid="token-name"
          />
          <NumberInput
            label={t('tokens.create.expiresInDays')}
            description={t('tokens.create.expiresHint')}
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            value={expiresInDays}
            onChange={setExpiresInDays}
            error={errors.expiresInDays}
            maw={220}
            data-testid="token-expiry"
          />
        </Group>
        <Checkbox.Group
          label={t('tokens.create.scopes')}
          value={scopes}
          onChange={(value) => setScopes(tokenScopes.filter((scope) => value.includes(scope)))}
          error={errors.scopes}
        >
          <Group mt={6}>
            {tokenScopes.map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={t(`tokens.scopes.${scope}`)}
                data-testid={`token-scope-${scope}`}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button type="submit" loading={createToken.isPending} data-testid="token-create">
            {t('tokens.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
