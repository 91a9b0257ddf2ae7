import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth } from '../modules/identity/index.ts';
import { AccountPage } from '../pages/account-page.tsx';
import { AccountsPage } from '../pages/accounts-page.tsx';
import { AdminUsersPage } from '../pages/admin-users-page.tsx';
import { AgreementsPage } from '../pages/agreements-page.tsx';
import { CalendarPage } from '../pages/calendar-page.tsx';
import { CalendarsPage } from '../pages/calendars-page.tsx';
import { CasePage } from '../pages/case-page.tsx';
import { CasesPage } from '../pages/cases-page.tsx';
import { ComingSoonPage } from '../pages/coming-soon-page.tsx';
import { ContractPage } from '../pages/contract-page.tsx';
import { ContractsPage } from '../pages/contracts-page.tsx';
import { DashboardPage } from '../pages/dashboard-page.tsx';
import { LoginPage } from '../pages/login-page.tsx';
import { MacrosPage } from '../pages/macros-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { ProfilePage } from '../pages/profile-page.tsx';
import { SearchPage } from '../pages/search-page.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { adminSectionKeys, type NavKey } from './navigation.ts';
import { RequireArea } from './require-area.tsx';

const placeholderAreas = ['payments', 'knowledge', 'insight'] as const satisfies readonly NavKey[];

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
          // The list is the staff's accounts area; an account page is also open to a customer when
          // it is their own (linked from the dashboard), though the area is not in their navigation.
          { path: 'accounts', element: <AccountsPage /> },
          { path: 'accounts/:id', element: <AccountPage /> },
          {
            path: 'contracts',
            element: (
              <RequireArea area="contracts">
                <ContractsPage />
              </RequireArea>
            ),
          },
          // A contract is also open to agents and to a customer's administrator (their own account's,
          // never drafts), reached from the account page, though the area is not in their navigation.
          { path: 'contracts/:id', element: <ContractPage /> },
          // Cases: staff's queues, a customer's own requests; a case by id or reference (PD-100001).
          { path: 'cases', element: <CasesPage /> },
          { path: 'cases/:id', element: <CasePage /> },
          // The staff's canned replies, reached from the case queue.
          { path: 'macros', element: <MacrosPage /> },
          // Search over cases, for everyone (customers: their own account's); the header's box leads here.
          { path: 'search', element: <SearchPage /> },
          // SLA: the business calendars for now; staff in the area read them, customers never.
          { path: 'sla', element: <Navigate to="/sla/calendars" replace /> },
          {
            path: 'sla/calendars',
            element: (
              <RequireArea area="sla">
                <CalendarsPage />
              </RequireArea>
            ),
          },
          {
            path: 'sla/agreements',
            element: (
              <RequireArea area="sla">
                <AgreementsPage />
              </RequireArea>
            ),
          },
          {
            path: 'sla/calendars/:id',
            element: (
              <RequireArea area="sla">
                <CalendarPage />
              </RequireArea>
            ),
          },
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
          ...adminSectionKeys
            .filter((section) => section !== 'users')
            .map((section) => ({
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
