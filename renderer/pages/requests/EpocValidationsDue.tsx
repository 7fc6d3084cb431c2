import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestSummary } from '../../../shared/schemas/requests';
import { formatDateTime } from '../../components/format';
import { DeadlineBadge } from './DeadlineBadge';

/**
 * Emergency European Production Orders issued without validation whose validation (due within
 * 48 hours of receipt) is not recorded yet, soonest first.
 */
export function EpocValidationsDue({ rows }: { rows: RequestSummary[] }) {
  const { t, i18n } = useTranslation('epoc');
  const waiting = rows
    .filter((r) => r.epocValidationDue && r.epocValidationState !== 'closed')
    .sort((a, b) => a.epocValidationDue!.localeCompare(b.epocValidationDue!));
  if (waiting.length === 0) return null;
  return (
    <div className="written-confirmations-due" data-testid="epoc-validations-due">
      <h3>{t('dashboard.validationsOpen')}</h3>
      <ul>
        {waiting.map((r) => (
          <li key={r.registerNo}>
            <Link to={`/requests/${r.registerNo}`}>{r.registerNo}</Link> — {r.caseReference ?? '—'}{' '}
            — {t('badge.validation', { due: formatDateTime(r.epocValidationDue!, i18n.language) })}{' '}
            {r.epocValidationState && <DeadlineBadge state={r.epocValidationState} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
