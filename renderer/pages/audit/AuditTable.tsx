import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../shared/schemas/audit';
import { formatDateTime } from '../../components/format';

/** One page of audit events, newest first; each row opens its detail. */
export function AuditTable({
  events,
  selected,
  onSelect,
}: {
  events: AuditEvent[];
  selected: number | null;
  onSelect(e: AuditEvent): void;
}) {
  const { t, i18n } = useTranslation('audit');
  return (
    <div className="table-wrap">
      <table className="table table--audit">
        <caption className="sr-only">{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.seq')}</th>
            <th scope="col">{t('columns.at')}</th>
            <th scope="col">{t('columns.user')}</th>
            <th scope="col">{t('columns.action')}</th>
            <th scope="col">{t('columns.subject')}</th>
            <th scope="col">
              <span className="sr-only">{t('columns.detail')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.seq} className={selected === e.seq ? 'is-selected' : undefined}>
              <td className="num">{e.seq}</td>
              <td>{formatDateTime(e.at, i18n.language)}</td>
              <td>
                <code>{e.user}</code>
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td className="truncate">
                <code>{e.subject}</code>
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn--small"
                  aria-pressed={selected === e.seq}
                  data-seq={e.seq}
                  onClick={() => onSelect(e)}
                >
                  {t('showDetail')}
                  <span className="sr-only"> {t('eventN', { seq: e.seq })}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
