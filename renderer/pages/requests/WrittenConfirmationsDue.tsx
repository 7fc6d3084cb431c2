import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestSummary } from '../../../shared/schemas/requests';
import { formatDateTime } from '../../components/format';
import { DeadlineBadge } from './DeadlineBadge';

/**
 * Oral (phone) requests still waiting for their written confirmation, each with its 3-day
 * deadline: an emergency answered by phone is only complete once it is confirmed in writing.
 */
export function WrittenConfirmationsDue({ rows }: { rows: RequestSummary[] }) {
  const { t, i18n } = useTranslation('requests');
  const waiting = rows
    .filter((r) => r.oral && r.writtenConfirmationDue && r.writtenConfirmationState !== 'closed')
    .sort((a, b) => a.writtenConfirmationDue!.localeCompare(b.writtenConfirmationDue!));
  if (waiting.length === 0) return null;
  return (
    <div className="written-confirmations-due">
      <h3>{t('verify.writtenDueTitle')}</h3>
      <ul>
        {waiting.map((r) => (
          <li key={r.registerNo}>
            <Link to={`/requests/${r.registerNo}`}>{r.registerNo}</Link> — {r.authorityName} —{' '}
            {t('detail.writtenDue')} {formatDateTime(r.writtenConfirmationDue!, i18n.language)}{' '}
            {r.writtenConfirmationState && <DeadlineBadge state={r.writtenConfirmationState} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
