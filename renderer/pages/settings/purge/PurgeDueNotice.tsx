import { useTranslation } from 'react-i18next';

/**
 * "Offered at start-up when due": how many records are past their retention period, above the
 * preview that shows them. Nothing when nothing is due.
 */
export function PurgeDueNotice({ due }: { due: number }) {
  const { t } = useTranslation('ops');
  if (due === 0) return null;
  return (
    <div className="alert alert--warning" role="status" data-testid="purge-due">
      <p>{t('purge.dueNotice', { n: due })}</p>
    </div>
  );
}
