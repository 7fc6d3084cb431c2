import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import AuditPage from './pages/audit';
import CustomersPage from './pages/customers';
import RequestsPage from './pages/requests';
import SettingsPage from './pages/settings';
import SetupPage from './pages/setup';
import { AppShell } from './pages/shell/AppShell';
import { HomeRedirect } from './pages/shell/HomeRedirect';
import { CUSTOMERS_PAGE } from './pages/shell/nav';
import { RequireCapability } from './pages/shell/RequireCapability';
import { RequireSession } from './pages/shell/RequireSession';
import StatsPage from './pages/stats';
import UnlockPage from './pages/unlock';
import { SessionProvider } from './session/SessionProvider';

/**
 * The routes. A hash router, so the same build works from app://naw-desk/ and from the loopback
 * test harness. Each section is `path/*` so its page can add its own sub-routes.
 */
export function createDeskRouter() {
  return createHashRouter([
    { path: '/setup', element: <SetupPage /> },
    { path: '/unlock', element: <UnlockPage /> },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppShell />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomeRedirect /> },
        {
          path: 'requests/*',
          element: (
            <RequireCapability needs="requests.read">
              <RequestsPage />
            </RequireCapability>
          ),
        },
        {
          path: 'customers/*',
          element: (
            <RequireCapability needs={CUSTOMERS_PAGE}>
              <CustomersPage />
            </RequireCapability>
          ),
        },
        {
          path: 'stats/*',
          element: (
            <RequireCapability needs="stats.read">
              <StatsPage />
            </RequireCapability>
          ),
        },
        {
          path: 'audit/*',
          element: (
            <RequireCapability needs="audit.read">
              <AuditPage />
            </RequireCapability>
          ),
        },
        { path: 'settings/*', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ]);
}

export function App({ i18n, router }: { i18n: i18n; router: ReturnType<typeof createDeskRouter> }) {
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nextProvider>
  );
}
