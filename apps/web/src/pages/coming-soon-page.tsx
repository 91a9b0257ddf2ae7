import { Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavIcon } from '../app/layout/nav-icon.tsx';
import { getNavigation, type AdminSectionKey, type NavKey } from '../app/navigation.ts';
import { useCurrentUser } from '../modules/identity/index.ts';

interface ComingSoonPageProps {
  area: NavKey;
  section?: AdminSectionKey;
}

/** A placeholder for an area still being built, so navigation and access rules work already. */
export function ComingSoonPage({ area, section }: ComingSoonPageProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labelKey = section
    ? `nav.adminSections.${section}`
    : (getNavigation(me.role).find((item) => item.key === area)?.labelKey ?? `nav.${area}`);
  return (
    <Card withBorder padding="xl" maw={640} data-testid="coming-soon" data-area={area}>
      <Stack align="flex-start" gap="sm">
        <ThemeIcon size={44} radius="md" variant="light">
          <NavIcon navKey={area} size={24} />
        </ThemeIcon>
        <Title order={3}>{t('comingSoon.title', { area: t(labelKey) })}</Title>
        <Text c="dimmed">{t('comingSoon.body')}</Text>
      </Stack>
    </Card>
  );
}
