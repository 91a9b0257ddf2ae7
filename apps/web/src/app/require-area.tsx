import type { ReactNode } from 'react';
import { useCurrentUser } from '../modules/identity/index.ts';
import { ForbiddenPage } from '../pages/forbidden-page.tsx';
import { canSeeArea, type NavKey } from './navigation.ts';

interface RequireAreaProps {
  area: NavKey;
  children: ReactNode;
}

/** The same rule as the navigation: an area hidden from a role is also closed to it by URL. */
export function RequireArea({ area, children }: RequireAreaProps) {
  const me = useCurrentUser();
  return canSeeArea(me.role, area) ? children : <ForbiddenPage />;
}
