import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../../session/SessionProvider';

/** Renders its children only with an unlocked vault; otherwise sends to setup or unlock. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, loadError } = useSession();
  const location = useLocation();
  if (loadError && !state) {
    return (
      <main id="main" className="card">
        <h1>{t('startFailed')}</h1>
        <ErrorAlert error={loadError} />
      </main>
    );
  }
  if (!state) {
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    );
  }
  if (!state.exists) return <Navigate to="/setup" replace />;
  if (!state.unlocked || !state.user) {
    return <Navigate to="/unlock" replace state={{ from: location.pathname }} />;
  }
  return <>{children}</>;
}
