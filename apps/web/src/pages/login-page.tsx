import { Box, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginForm, useMe, UserLanguageMenu } from '../modules/identity/index.ts';
import { BrandMark } from '../ui/brand-mark.tsx';
import { FullPageLoader } from '../ui/full-page-loader.tsx';

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(searchParams.get('next'));

  if (isPending) return <FullPageLoader />;
  if (me) return <Navigate to={next} replace />;

  return (
    <Box mih="100vh" bg="gray.0" data-testid="login-page">
      <Group justify="space-between" px="lg" py="md">
        <BrandMark />
        <UserLanguageMenu />
      </Group>
      <Center px="md" pt={{ base: 'xl', sm: 80 }}>
        <Card withBorder shadow="sm" padding="xl" radius="md" w="100%" maw={420}>
          <Stack gap={4} mb="lg">
            <Title order={2}>{t('login.title')}</Title>
            <Text c="dimmed" size="sm">
              {t('login.subtitle')}
            </Text>
          </Stack>
          <LoginForm onSignedIn={() => void navigate(next, { replace: true })} />
        </Card>
      </Center>
    </Box>
  );
}
