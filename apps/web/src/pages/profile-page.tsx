import { Grid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ApiTokensCard,
  LanguagePreference,
  PasswordChangeForm,
  ProfileDetails,
  useCurrentUser,
} from '../modules/identity/index.ts';
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
