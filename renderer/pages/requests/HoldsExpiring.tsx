import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExpiringHold } from '../../../shared/schemas/holds';
import { formatDate } from '../../components/format';

/**
 * Preservation holds ending within the notice period, soonest first: each one is extended (once)
 * or let go on purpose, never missed, since on its date the preserved data may be purged.
 */
export function HoldsExpiring({ rows }: { rows: ExpiringHold[] }) {
  const { t, i18n } = useTranslation('holds');
  if (rows.length === 0) return null;
  return (
    <div className="written-confirmations-due" data-testid="holds-expiring">
      <h3>{t('expiring.title')}</h3>
      <ul>
        {rows.map((h) => (
          <li key={h.registerNo}>
            <Link to={`/requests/${h.registerNo}`}>{h.registerNo}</Link> —{' '}
            {t('expiring.until', { until: formatDate(h.until, i18n.language) })}{' '}
            <span className={`badge badge--${h.daysLeft <= 0 ? 'overdue' : 'due_soon'}`}>
              {h.daysLeft <= 0 ? t('panel.daysOver') : t('panel.daysLeft', { count: h.daysLeft })}
            </span>{' '}
            — {t(h.canExtend ? 'expiring.canExtend' : 'expiring.final')}
          </li>
        ))}
      </ul>
    </div>
  );
}
