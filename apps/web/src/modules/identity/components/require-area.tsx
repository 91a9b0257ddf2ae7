import type { ReactNode } from 'react';
import { canSeeArea, type NavKey } from '../../../app/navigation.ts';
import { ForbiddenPage } from '../../../pages/forbidden-page.tsx';
import { useCurrentUser } from '../hooks/use-current-user.ts';

interface RequireAreaProps {
  area: NavKey;
  children: ReactNode;
}

/** The same rule as the navigation: an area hidden from a role is also closed to it by URL. */
export function RequireArea({ area, children }: RequireAreaProps) {
  const me = useCurrentUser();
  return canSeeArea(me.role, area) ? children : <ForbiddenPage />;
}
