import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CardLayout } from '../../components/CardLayout';
import { Page } from '../../components/Page';
import { useSession } from '../../session/SessionProvider';
import { RestoreAccessForm } from './RestoreAccessForm';
import { DemoSwitch } from './DemoSwitch';
import { UnlockForm } from './UnlockForm';

/** Sign in: unwraps the user's key slot and opens the vault. */
export function UnlockPage() {
  const { t } = useTranslation('vault');
  const { state, refresh, lockReason } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [showRestore, setShowRestore] = useState(false);
  const [restoredUser, setRestoredUser] = useState<string | null>(null);

  if (state && !state.exists) return <Navigate to="/setup" replace />;
  if (state?.unlocked) return <Navigate to="/" replace />;

  const from = (location.state as { from?: string } | null)?.from;

  return (
    <CardLayout>
      <Page title={t('unlock.title')} focusHeading={false}>
        {state?.orgName && <p className="org-line">{state.orgName}</p>}
        {lockReason && (
          <div className="alert alert--info" role="status">
            <p>{t(lockReason === 'idle' ? 'unlock.lockedIdle' : 'unlock.lockedLost')}</p>
          </div>
        )}
        <UnlockForm
          key={restoredUser ?? state?.demoSignIn?.userName ?? ''}
          initialUser={restoredUser ?? state?.demoSignIn?.userName ?? undefined}
          onUnlocked={async () => {
            await refresh();
            navigate(from && from !== '/unlock' ? from : '/', { replace: true });
          }}
        />
        <DemoSwitch onPickUser={setRestoredUser} />
        <div className="disclosure">
          <button
            type="button"
            className="btn btn--link"
            aria-expanded={showRestore}
            aria-controls="restore-access"
            onClick={() => setShowRestore((v) => !v)}
          >
            {t('restore.toggle')}
          </button>
          <div id="restore-access" hidden={!showRestore}>
            {showRestore && (
              <>
                <h2>{t('restore.title')}</h2>
                <RestoreAccessForm onRestored={(u) => setRestoredUser(u)} />
              </>
            )}
          </div>
        </div>
      </Page>
    </CardLayout>
  );
}
