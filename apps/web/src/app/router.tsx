import { createBrowserRouter, Navigate } from 'react-router';
import { RequireArea } from '../modules/identity/components/require-area.tsx';
import { RequireAuth } from '../modules/identity/components/require-auth.tsx';
import { AdminUsersPage } from '../pages/admin-users-page.tsx';
import { ComingSoonPage } from '../pages/coming-soon-page.tsx';
import { DashboardPage } from '../pages/dashboard-page.tsx';
import { LoginPage } from '../pages/login-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { ProfilePage } from '../pages/profile-page.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import type { NavKey } from './navigation.ts';

const placeholderAreas = ['cases', 'accounts', 'contracts', 'sla', 'payments', 'knowledge', 'insight'] as const satisfies readonly NavKey[];

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'profile', element: <ProfilePage /> },
          ...placeholderAreas.map((area) => ({
            path: `${area}/*`,
            element: (
              <RequireArea area={area}>
                <ComingSoonPage area={area} />
              </RequireArea>
            ),
          })),
          { path: 'admin', element: <Navigate to="/admin/users" replace /> },
          {
            path: 'admin/users',
            element: (
              <RequireArea area="admin">
                <AdminUsersPage />
              </RequireArea>
            ),
          },
          ...(['teams', 'audit'] as const).map((section) => ({
            path: `admin/${section}`,
            element: (
              <RequireArea area="admin">
                <ComingSoonPage area="admin" section={section} />
              </RequireArea>
            ),
          })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
