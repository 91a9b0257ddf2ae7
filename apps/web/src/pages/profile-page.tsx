import { Grid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiTokensCard } from '../modules/identity/components/api-tokens-card.tsx';
import { LanguagePreference } from '../modules/identity/components/language-preference.tsx';
import { PasswordChangeForm } from '../modules/identity/components/password-change-form.tsx';
import { ProfileDetails } from '../modules/identity/components/profile-details.tsx';
import { useCurrentUser } from '../modules/identity/hooks/use-current-user.ts';
import { PageHeader } from '../ui/page-header.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={t('profile.subtitle')} />
      <Stack gap="lg">
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ProfileDetails me={me} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <LanguagePreference />
          </Grid.Col>
        </Grid>
        <ApiTokensCard timeZone={me.timeZone} />
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <PasswordChangeForm />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
