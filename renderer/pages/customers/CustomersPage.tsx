import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomersSummary } from '../../../shared/schemas/customers';
import { asDeskError, desk, unwrap, type DeskCallError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
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
  const [summary, setSummary] = useState<CustomersSummary | null>(null);
  const [error, setError] = useState<DeskCallError | null>(null);
  const load = useCallback(async () => {
    try {
      setSummary(unwrap(await desk.customers.summary({})));
      setError(null);
    } catch (e) {
      setError(asDeskError(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Page title={t('title')}>
      <p className="lead">{t('intro')}</p>
      <ErrorAlert error={error} />
      <ImportPanel onFinished={() => void load()} />
      <HoldingsSummary summary={summary} />
    </Page>
  );
}
