import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  REQUEST_STATUSES,
  URGENCIES,
  type RequestStatus,
  type Urgency,
} from '../../../shared/schemas/terms';
import type { RequestSummary } from '../../../shared/schemas/requests';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, optionsOf, SelectField } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { useCan } from '../../session/SessionProvider';
import { DeadlineBadge } from './DeadlineBadge';
import { useRequestCatalogue } from './useRequestCatalogue';
import { WrittenConfirmationsDue } from './WrittenConfirmationsDue';
import { useDeskData } from '../../hooks/useDeskData';

interface Filters {
  year: string;
  status: string;
  authority: string;
  legalBasis: string;
  urgency: string;
  search: string;
}
const EMPTY: Filters = {
  year: '',
  status: '',
  authority: '',
  legalBasis: '',
  urgency: '',
  search: '',
};

function RequestTable({ rows, caption }: { rows: RequestSummary[]; caption: string }) {
  const { t, i18n } = useTranslation('requests');
  return (
    <Table
      caption={caption}
      columns={[
        t('list.columns.no'),
        t('list.columns.received'),
        t('list.columns.authority'),
        t('list.columns.basis'),
        t('list.columns.case'),
        t('list.columns.status'),
        t('list.columns.deadline'),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.registerNo}>
          <td className="nowrap">
            <Link to={`/requests/${r.registerNo}`}>{r.registerNo}</Link>
          </td>
          <td>{formatDateTime(r.receivedAt, i18n.language)}</td>
          <td>{r.authorityName}</td>
          <td>{r.legalBasisArticle}</td>
          <td>{r.caseReference ?? '—'}</td>
          <td>
            {t(`status.${r.status}`)}
            {r.urgency !== 'normal' && (
              <>
                {' '}
                <span className="badge badge--warn">{t(`urgency.${r.urgency}`)}</span>
              </>
            )}
          </td>
          <td>
            {formatDateTime(r.deadline, i18n.language)} <DeadlineBadge state={r.deadlineState} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The register: a dashboard of open requests by deadline, then the whole register with filters. */
export function RegisterPage() {
  const { t } = useTranslation('requests');
  const mayHandle = useCan()('requests.handle');
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const dash = useDeskData(async () => unwrap(await desk.requests.dashboard({})), []);
  const catalogue = useRequestCatalogue();
  const list = useDeskData(
    async () =>
      unwrap(
        await desk.requests.list({
          ...(filters.year ? { year: Number(filters.year) } : {}),
          ...(filters.status ? { status: filters.status as RequestStatus } : {}),
          ...(filters.authority ? { authority: filters.authority } : {}),
          ...(filters.legalBasis ? { legalBasis: filters.legalBasis } : {}),
          ...(filters.urgency ? { urgency: filters.urgency as Urgency } : {}),
          ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
        }),
      ),
    [filters],
  );
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const d = dash.data;

  return (
    <Page title={t('title')}>
      <p className="lead">{t('intro')}</p>
      {mayHandle && (
        <p>
          <Link className="btn btn--primary" to="/requests/new">
            {t('newRequest')}
          </Link>
        </p>
      )}
      <section className="panel" aria-labelledby="dash-heading">
        <h2 id="dash-heading">{t('dashboard.title')}</h2>
        <ErrorAlert error={dash.error} />
        {d && (
          <>
            <ul className="dashboard-counts">
              <li>
                <strong>{d.overdue}</strong> {t('dashboard.overdue')}
              </li>
              <li>
                <strong>{d.dueSoon}</strong> {t('dashboard.dueSoon')}
              </li>
              <li>
                <strong>{d.awaitingApproval}</strong> {t('dashboard.awaitingApproval')}
              </li>
              <li>
                <strong>{d.confirmationsOverdue}</strong> {t('dashboard.confirmationsOverdue')}
              </li>
            </ul>
            {d.open.length === 0 ? (
              <p>{t('dashboard.none')}</p>
            ) : (
              <RequestTable rows={d.open} caption={t('dashboard.title')} />
            )}
            <WrittenConfirmationsDue rows={d.open} />
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="list-heading">
        <h2 id="list-heading">{t('list.title')}</h2>
        <form className="filters" onSubmit={apply} role="search">
          <div className="filters__grid">
            <Field label={t('list.search')} value={draft.search} onChange={set('search')} />
            <Field
              label={t('list.year')}
              inputMode="numeric"
              value={draft.year}
              onChange={set('year')}
              className="field--short"
            />
            <SelectField label={t('list.status')} value={draft.status} onChange={set('status')}>
              <option value="">{t('list.any')}</option>
              {optionsOf(REQUEST_STATUSES, (s) => t(`status.${s}`))}
            </SelectField>
            <SelectField label={t('list.urgency')} value={draft.urgency} onChange={set('urgency')}>
              <option value="">{t('list.any')}</option>
              {optionsOf(URGENCIES, (u) => t(`urgency.${u}`))}
            </SelectField>
            <SelectField
              label={t('list.authority')}
              value={draft.authority}
              onChange={set('authority')}
            >
              <option value="">{t('list.any')}</option>
              {catalogue.data?.authorities.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('list.basis')}
              value={draft.legalBasis}
              onChange={set('legalBasis')}
            >
              <option value="">{t('list.any')}</option>
              {catalogue.data?.bases.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.article}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="actions">
            <button type="submit" className="btn btn--primary">
              {t('list.apply')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setDraft(EMPTY);
                setFilters(EMPTY);
              }}
            >
              {t('list.reset')}
            </button>
          </div>
        </form>
        <ErrorAlert error={list.error} />
        <p className="result-count" role="status" aria-live="polite">
          {list.data &&
            (list.data.length === 0
              ? t('list.none')
              : t('list.count', { count: list.data.length }))}
        </p>
        {list.data && list.data.length > 0 && (
          <RequestTable rows={list.data} caption={t('list.title')} />
        )}
      </section>
    </Page>
  );
}
