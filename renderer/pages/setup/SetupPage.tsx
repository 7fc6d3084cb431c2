import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CardLayout } from '../../components/CardLayout';
import { Page } from '../../components/Page';
import { useSession } from '../../session/SessionProvider';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { SetupForm } from './SetupForm';
import { DemoSwitch } from '../unlock/DemoSwitch';

/** First run: create the vault, then show the recovery key once. */
export function SetupPage() {
  const { t } = useTranslation('vault');
  const { state, refresh } = useSession();
  const navigate = useNavigate();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  if (!recoveryKey && state?.exists) return <Navigate to="/" replace />;

  return (
    <CardLayout wide>
      {recoveryKey ? (
        <Page key="recovery" title={t('recovery.title')}>
          <RecoveryKeyStep
            recoveryKey={recoveryKey}
            onDone={async () => {
              await refresh();
              navigate('/', { replace: true });
            }}
          />
        </Page>
      ) : (
        <Page key="setup" title={t('setup.title')}>
          <SetupForm onCreated={setRecoveryKey} />
          <DemoSwitch />
        </Page>
      )}
    </CardLayout>
  );
}
