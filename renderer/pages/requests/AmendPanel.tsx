import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../shared/schemas/requests';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDateTime, formatWallTime } from '../../components/format';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useCan } from '../../session/SessionProvider';
import type { RequestPanelProps } from './VerificationPanel';
import './amend.css';

/** A field the register lets an amendment correct, with what it holds now. */
interface Row {
  path: string;
  label: string;
  value: string;
}

/** How a corrected field is named to people (`items.2.port` → "Identificator 2: poort"). */
export function amendedFieldLabel(
  t: (k: string, o?: Record<string, unknown>) => string,
  field: string,
): string {
  if (field.startsWith('epoc.')) return t(`epoc:amend.${field.slice(5)}`, { defaultValue: field });
  const item = /^items\.(\d+)\.(value|port|moment|periodTo|timeZone)$/.exec(field);
  if (item) return t(`amend.field.item.${item[2]}`, { n: Number(item[1]) });
  const key = {
    caseReference: 'caseReference',
    rcAuthorisation: 'rcAuthorisation',
    note: 'note',
    'requester.name': 'requesterName',
    'requester.badge': 'requesterBadge',
    'requester.email': 'requesterEmail',
    'requester.phone': 'requesterPhone',
    writtenConfirmationReceivedAt: 'writtenConfirmation',
  }[field];
  return key ? t(`amend.field.${key}`) : t('amend.field.other', { field });
}

/**
 * A field's value as people read it: a moment of an identifier in the desk's date format (in its
 * own zone, which is shown beside it), the written confirmation's arrival in Dutch time, a
 * validating authority by name, capacity and reference. Never a raw ISO timestamp.
 */
export function amendedValueText(
  t: (k: string, o?: Record<string, unknown>) => string,
  field: string,
  value: string,
  language: string,
): string {
  if (value === '') return value;
  if (/^items\.\d+\.(moment|periodTo)$/.test(field)) return formatWallTime(value, language);
  if (field === 'writtenConfirmationReceivedAt') return formatDateTime(value, language);
  if (field !== 'epoc.validatingAuthority') return value;
  try {
    const v = JSON.parse(value) as { name: string; function: string; fileReference: string };
    return `${v.name}, ${t(`epoc:fn.${v.function}`)} — ${v.fileReference}`;
  } catch {
    return value;
  }
}

/** The request fields, then each identifier's value, port (IP), moment and zone. */
function rowsOf(r: RequestDetail, t: (k: string, o?: Record<string, unknown>) => string): Row[] {
  const rows: Row[] = [
    { path: 'caseReference', label: t('amend.field.caseReference'), value: r.caseReference ?? '' },
    {
      path: 'rcAuthorisation',
      label: t('amend.field.rcAuthorisation'),
      value: r.rcAuthorisation ?? '',
    },
    { path: 'requester.name', label: t('amend.field.requesterName'), value: r.requester.name },
    {
      path: 'requester.badge',
      label: t('amend.field.requesterBadge'),
      value: r.requester.badge ?? '',
    },
    {
      path: 'requester.email',
      label: t('amend.field.requesterEmail'),
      value: r.requester.email ?? '',
    },
    {
      path: 'requester.phone',
      label: t('amend.field.requesterPhone'),
      value: r.requester.phone ?? '',
    },
    { path: 'note', label: t('amend.field.note'), value: r.note ?? '' },
  ];
  for (const i of r.items) {
    const item = (field: string, value: string, label = field) => ({
      path: `items.${i.index}.${field}`,
      label: t(`amend.field.item.${label}`, { n: i.index }),
      value,
    });
    rows.push(item('value', i.value));
    if (i.kind === 'ip') rows.push(item('port', i.port?.toString() ?? ''));
    // A period's start is its moment; its end is corrected the same way.
    if (i.period) rows.push(item('moment', i.moment, 'periodFrom'), item('periodTo', i.period.to));
    else rows.push(item('moment', i.moment));
    rows.push(item('timeZone', i.timeZone));
  }
  return rows;
}

/** The correction of one field: its new value and the reason, which is required. */
function AmendForm({
  row,
  registerNo,
  onDone,
  onCancel,
}: {
  row: Row;
  registerNo: string;
  onDone(next: RequestDetail): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('requests');
  const [value, setValue] = useState(row.value);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useDeskAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onDone(
        unwrap(
          await desk.requests.amend({ registerNo, field: row.path, value: value.trim(), reason }),
        ),
      );
    });
  };
  return (
    <form
      className="amend-form"
      onSubmit={submit}
      aria-label={t('amend.formLabel', { field: row.label })}
    >
      <Field
        label={t('amend.newValue', { field: row.label })}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <Field
        label={t('amend.reason')}
        value={reason}
        required
        onChange={(e) => setReason(e.target.value)}
      />
      <ErrorAlert error={error} />
      <div className="amend-actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={busy || reason.trim().length < 3 || value.trim() === row.value}
        >
          {t('amend.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('amend.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Corrections as amendments: every field the register lets an officer correct, each with a
 * "Corrigeren" action that asks for the new value and why. The record only grows: who corrected
 * what, when and why is listed below; a changed identifier is matched again by itself.
 */
export function AmendPanel({ request: r, onChanged }: RequestPanelProps) {
  const { t, i18n } = useTranslation('requests');
  const may = useCan();
  const [editing, setEditing] = useState<string | null>(null);
  const canAmend = may('requests.handle') && r.status !== 'awaiting_approval';
  const tr = t as unknown as (k: string, o?: Record<string, unknown>) => string;
  if (!canAmend && r.amendments.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="amend-heading">
      <h2 id="amend-heading">{t('amend.title')}</h2>
      {may('requests.handle') && r.status === 'awaiting_approval' && (
        <p className="muted">{t('amend.awaitingApproval')}</p>
      )}
      {canAmend && (
        <>
          <p className="muted">{t('amend.intro')}</p>
          <table className="table amend-table">
            <thead>
              <tr>
                <th scope="col">{t('amend.fieldColumn')}</th>
                <th scope="col">{t('amend.valueColumn')}</th>
                <th scope="col">
                  <span className="sr-only">{t('amend.actionColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rowsOf(r, tr).map((row) => (
                <tr key={row.path} data-field={row.path}>
                  <th scope="row">{row.label}</th>
                  <td>
                    {editing === row.path ? (
                      <AmendForm
                        row={row}
                        registerNo={r.registerNo}
                        onCancel={() => setEditing(null)}
                        onDone={(next) => {
                          setEditing(null);
                          onChanged(next);
                        }}
                      />
                    ) : (
                      amendedValueText(tr, row.path, row.value, i18n.language) || '—'
                    )}
                  </td>
                  <td>
                    {editing !== row.path && (
                      <button
                        type="button"
                        className="btn btn--small"
                        aria-label={t('amend.actionFor', { field: row.label })}
                        onClick={() => setEditing(row.path)}
                      >
                        {t('amend.action')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {r.amendments.length > 0 && (
        <>
          <h3>{t('amend.made')}</h3>
          <ul className="amend-list">
            {r.amendments.map((a, i) => (
              <li key={i}>
                <strong>{amendedFieldLabel(tr, a.field)}</strong>
                {': '}
                {a.value === ''
                  ? t('amend.cleared')
                  : amendedValueText(tr, a.field, a.value, i18n.language)}
                {' — '}
                {t('amend.byAt', { by: a.by, at: formatDateTime(a.at, i18n.language) })}
                {' — '}
                <em>{a.reason}</em>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
