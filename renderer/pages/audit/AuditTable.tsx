import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../shared/schemas/audit';
import { formatDateTime } from '../../components/format';
import { Table } from '../../components/Table';
import { useActionLabel } from './useActionLabel';

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
  const actionLabel = useActionLabel();
  return (
    <Table
      className="table--audit"
      caption={t('tableCaption')}
      columns={[
        t('columns.seq'),
        t('columns.at'),
        t('columns.user'),
        t('columns.action'),
        t('columns.subject'),
        { label: t('columns.detail'), srOnly: true },
      ]}
    >
      {events.map((e) => (
        <tr key={e.seq} className={selected === e.seq ? 'is-selected' : undefined}>
          <td className="num">{e.seq}</td>
          <td>{formatDateTime(e.at, i18n.language)}</td>
          <td>
            <code>{e.user}</code>
          </td>
          <td data-action={e.action}>{actionLabel(e.action)}</td>
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
    </Table>
  );
}
