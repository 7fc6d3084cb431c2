import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  REQUEST_STATUSES,
  URGENCIES,
  type RequestStatus,
  type Urgency,
} from '../../../shared/schemas/terms';
import type {
  Dashboard as DashboardSchema,
  RequestSummary,
} from '../../../shared/schemas/requests';
import type { z } from 'zod';

type Dashboard = z.infer<typeof DashboardSchema>;
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, optionsOf, SelectField } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { useCan } from '../../session/SessionProvider';
import { DeadlineBadge } from './DeadlineBadge';
import { FirstSteps } from './FirstSteps';
import { TimeLeft } from './TimeLeft';
import { useRequestCatalogue } from './useRequestCatalogue';
import { WrittenConfirmationsDue } from './WrittenConfirmationsDue';
import { EpocValidationsDue } from './EpocValidationsDue';
import { HoldsExpiring } from './HoldsExpiring';
import { useCatalogueText } from '../../hooks/useCatalogueText';
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
  const { authorityName, basisArticle } = useCatalogueText();
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
        <tr
          key={r.registerNo}
          className={
            r.urgency === 'emergency' && r.deadlineState !== 'closed' ? 'row--emergency' : undefined
          }
        >
          <td className="nowrap">
            <Link to={`/requests/${r.registerNo}`}>{r.registerNo}</Link>
          </td>
          <td>{formatDateTime(r.receivedAt, i18n.language)}</td>
          <td>{authorityName({ code: r.authorityCode, name: r.authorityName })}</td>
          <td>{basisArticle({ code: r.legalBasisCode, article: r.legalBasisArticle })}</td>
          <td>{r.caseReference ?? '—'}</td>
          <td>
            {t(`status.${r.status}`)}
            {r.urgency === 'urgent' && (
              <>
                {' '}
                <span className="badge badge--warn">{t(`urgency.${r.urgency}`)}</span>
              </>
            )}
          </td>
          <td>
            {formatDateTime(r.deadline, i18n.language)}{' '}
            {r.deadlineState === 'closed' ? (
              <DeadlineBadge state={r.deadlineState} />
            ) : (
              <TimeLeft deadline={r.deadline} state={r.deadlineState} urgency={r.urgency} />
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The dashboard's tiles: each a view of the open requests, opened as `?view=<tile>`. */
const TILES = [
  'open',
  'emergency',
  'overdue',
  'dueSoon',
  'awaitingApproval',
  'mine',
  'confirmationsOverdue',
] as const;
type Tile = (typeof TILES)[number];
const isTile = (v: string | null): v is Tile => TILES.includes(v as Tile);

/** The open requests a tile stands for. */
function rowsOf(d: Dashboard, tile: Tile): RequestSummary[] {
  switch (tile) {
    case 'open':
      return d.open;
    case 'emergency':
      return d.open.filter((r) => r.urgency === 'emergency');
    case 'overdue':
      return d.open.filter((r) => r.deadlineState === 'overdue');
    case 'dueSoon':
      return d.open.filter((r) => r.deadlineState === 'due_soon');
    case 'awaitingApproval':
      return d.open.filter((r) => r.status === 'awaiting_approval');
    case 'mine':
      return d.awaitingMyApproval;
    case 'confirmationsOverdue':
      return d.open.filter((r) => r.writtenConfirmationState === 'overdue');
  }
}

/** A tile's label: the dashboard's words, the approver queue's title, or the tiles' own. */
function useTileLabel(): (tile: Tile) => string {
  const { t } = useTranslation('requests');
  return (tile) =>
    tile === 'open' || tile === 'emergency' || tile === 'mine'
      ? t(`tiles.${tile}`)
      : t(`dashboard.${tile}`);
}

/** The counts as links: each opens the register filtered to what it counts. */
function DashboardTiles({
  d,
  current,
  mayApprove,
}: {
  d: Dashboard;
  current: Tile | null;
  mayApprove: boolean;
}) {
  const { t } = useTranslation('requests');
  const label = useTileLabel();
  const shown = TILES.filter(
    (tile) =>
      (tile !== 'mine' || mayApprove) && (tile !== 'emergency' || rowsOf(d, tile).length > 0),
  );
  return (
    <ul className="dashboard-tiles" aria-label={t('tiles.label')}>
      {shown.map((tile) => (
        <li key={tile}>
          <Link
            to={`/requests?view=${tile}`}
            className={`dashboard-tile${tile === 'emergency' ? ' dashboard-tile--emergency' : ''}`}
            aria-current={current === tile ? 'true' : undefined}
            data-tile={tile}
          >
            <strong>{rowsOf(d, tile).length}</strong> {label(tile)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The register: a dashboard of open requests by deadline, then the whole register with filters. */
export function RegisterPage() {
  const { t } = useTranslation('requests');
  const { authorityName, basisArticle } = useCatalogueText();
  const may = useCan();
  const mayHandle = may('requests.handle');
  const mayApprove = may('requests.approve');
  const [params] = useSearchParams();
  const view = params.get('view');
  const tile = isTile(view) ? view : null;
  const tileLabel = useTileLabel();
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
      {may('users.manage') && <FirstSteps />}
      {mayHandle && (
        <p>
          <Link className="btn btn--primary" to="/requests/new">
            {t('newRequest')}
          </Link>
        </p>
      )}
      {mayApprove && d && !tile && (
        <section className="panel" aria-labelledby="queue-heading">
          <h2 id="queue-heading">{t('queue.title')}</h2>
          {d.awaitingMyApproval.length === 0 ? (
            <p>{t('queue.none')}</p>
          ) : (
            <RequestTable rows={d.awaitingMyApproval} caption={t('queue.title')} />
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="dash-heading">
        <h2 id="dash-heading">{t('dashboard.title')}</h2>
        <ErrorAlert error={dash.error} />
        {d && (
          <>
            <DashboardTiles d={d} current={tile} mayApprove={mayApprove} />
            {tile && (
              <p role="status">
                {t('tiles.showing', { what: tileLabel(tile) })}{' '}
                <Link to="/requests">{t('tiles.all')}</Link>
              </p>
            )}
            {rowsOf(d, tile ?? 'open').length === 0 ? (
              <p>{t(tile === 'mine' ? 'queue.none' : 'dashboard.none')}</p>
            ) : (
              <RequestTable
                rows={rowsOf(d, tile ?? 'open')}
                caption={tile ? tileLabel(tile) : t('dashboard.title')}
              />
            )}
            <WrittenConfirmationsDue rows={d.open} />
            <EpocValidationsDue rows={d.open} />
            <HoldsExpiring rows={d.holdsExpiring} />
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
                  {authorityName(a)}
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
                  {basisArticle(b)}
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
