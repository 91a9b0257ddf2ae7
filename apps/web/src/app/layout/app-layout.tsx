import { AppShell, Box, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { CaseSearchBox } from '../../modules/cases/index.ts';
import { useCurrentUser, UserLanguageMenu, UserMenu } from '../../modules/identity/index.ts';
import { NotificationsBell } from '../../modules/notifications/index.ts';
import { BrandMark } from '../../ui/brand-mark.tsx';
import { AppNavbar } from './app-navbar.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useCurrentUser();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('header.toggleNavigation')}
            />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
              <BrandMark tagline={t('app.tagline')} />
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <CaseSearchBox />
            <NotificationsBell timeZone={me.timeZone} />
            <UserLanguageMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar data-testid="app-navbar">
        <AppNavbar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Box maw={1280} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
