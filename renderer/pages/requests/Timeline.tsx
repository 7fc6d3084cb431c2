import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../shared/schemas/requests';
import { formatDateTime } from '../../components/format';
import { amendedFieldLabel, amendedValueText } from './AmendPanel';

/** Every event of the request, oldest first, with amendments. */
export function Timeline({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation('requests');
  const tr = t as unknown as (k: string, o?: Record<string, unknown>) => string;
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('detail.timeline')}</h2>
      <ol className="timeline">
        {request.events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time> — {e.user} —{' '}
            {t(`event.${e.kind}` as 'event.logged', { defaultValue: e.kind })}
            {typeof e.details.outcome === 'string' &&
              ` (${t(`eventOutcome.${e.details.outcome}` as 'eventOutcome.refuse', { defaultValue: e.details.outcome })})`}
          </li>
        ))}
      </ol>
      {request.amendments.length > 0 && (
        <>
          <h3>{t('detail.amendments')}</h3>
          <ul>
            {request.amendments.map((a, i) => (
              <li key={i}>
                {formatDateTime(a.at, i18n.language)} — {a.by}: {amendedFieldLabel(tr, a.field)} ={' '}
                {a.value === ''
                  ? t('amend.cleared')
                  : amendedValueText(tr, a.field, a.value, i18n.language)}{' '}
                ({a.reason})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
