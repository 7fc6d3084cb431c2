import { useTranslation } from 'react-i18next';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useDeskData } from '../../hooks/useDeskData';
import { useCan } from '../../session/SessionProvider';
import { HoldingsSummary } from './HoldingsSummary';
import { ImportPanel } from './ImportPanel';
import './customers.css';

/**
 * Customer data: import CSV files (customers, number and IP assignments) and see what the vault
 * holds. There is deliberately no browsing or searching of customer records here: customer data is
 * only ever shown for a registered request (principle 1).
 */
export function CustomersPage() {
  const { t } = useTranslation('customers');
  const summary = useDeskData(async () => unwrap(await desk.customers.summary({})), []);
  // Imports are the importer's: officers see the counts only.
  const mayImport = useCan()('customers.import');
  return (
    <Page title={t('title')}>
      <p className="lead">{t('intro')}</p>
      <ErrorAlert error={summary.error} />
      {mayImport ? (
        <ImportPanel onFinished={() => void summary.reload()} />
      ) : (
        <p className="muted">{t('import.byImporter')}</p>
      )}
      <HoldingsSummary summary={summary.data} />
    </Page>
  );
}
