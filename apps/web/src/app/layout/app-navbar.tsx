import { NavLink, ScrollArea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../../modules/identity/index.ts';
import { getNavigation } from '../navigation.ts';
import { NavIcon } from './nav-icon.tsx';

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

interface AppNavbarProps {
  onNavigate: () => void;
}

export function AppNavbar({ onNavigate }: AppNavbarProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { pathname } = useLocation();

  return (
    <ScrollArea component="nav" aria-label={t('nav.label')} p="sm">
      {getNavigation(me.role).map((item) =>
        item.children.length > 0 ? (
          <NavLink
            key={item.key}
            label={t(item.labelKey)}
            leftSection={<NavIcon navKey={item.key} />}
            defaultOpened={isActive(pathname, item.path)}
            active={isActive(pathname, item.path)}
            variant="subtle"
            data-testid={`nav-${item.key}`}
          >
            {item.children.map((child) => (
              <NavLink
                key={child.key}
                component={Link}
                to={child.path}
                label={t(child.labelKey)}
                active={isActive(pathname, child.path)}
                onClick={onNavigate}
                data-testid={`nav-${child.key}`}
              />
            ))}
          </NavLink>
        ) : (
          <NavLink
            key={item.key}
            component={Link}
            to={item.path}
            label={t(item.labelKey)}
            leftSection={<NavIcon navKey={item.key} />}
            active={isActive(pathname, item.path)}
            onClick={onNavigate}
            data-testid={`nav-${item.key}`}
          />
        ),
      )}
    </ScrollArea>
  );
}
