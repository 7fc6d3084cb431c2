import { useTranslation } from 'react-i18next';
import type { Subscriber } from '../../../shared/schemas/matching';
import type { RequestDetail } from '../../../shared/schemas/requests';
import { showMoment } from '../../components/day-text';
import { formatDateTime } from '../../components/format';
import { Table } from '../../components/Table';
import { useCoreText } from '../../hooks/useCoreText';
import { EvidenceList } from './EvidenceList';

function address(
  s: Pick<
    Subscriber,
    'street' | 'houseNumber' | 'houseNumberAddition' | 'postcode' | 'city' | 'country'
  >,
) {
  return [
    [s.street, s.houseNumber, s.houseNumberAddition].filter(Boolean).join(' '),
    [s.postcode, s.city].filter(Boolean).join(' '),
    s.country,
  ]
    .filter(Boolean)
    .join(', ');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

type Item = RequestDetail['items'][number];
type End = 'from' | 'to';
type Resolve = (index: number, offset: string, end?: End) => void;

/** The offsets to choose from for an item (or an end of its period) whose local time occurred twice. */
function OffsetChoice({
  item,
  end,
  busy,
  onResolve,
}: {
  item: Item;
  end: End;
  busy: boolean;
  onResolve: Resolve;
}) {
  const { t } = useTranslation('requests');
  const candidates = end === 'to' ? (item.period?.toTimeCandidates ?? []) : item.timeCandidates;
  const label = item.period
    ? t('detail.chooseOffsetEnd', { end: t(end === 'to' ? 'detail.endTo' : 'detail.endFrom') })
    : t('detail.chooseOffset');
  return (
    <div role="group" aria-label={label}>
      {item.period && <div className="muted">{label}</div>}
      {candidates.map((c) => (
        <button
          key={c.offset}
          type="button"
          className="btn btn--small"
          disabled={busy}
          onClick={() =>
            item.period ? onResolve(item.index, c.offset, end) : onResolve(item.index, c.offset)
          }
        >
          {t('detail.useOffset', { offset: c.offset, utc: `${showMoment(c.utc)} UTC` })}
        </button>
      ))}
    </div>
  );
}

/** An item's moment, or its period, as given and in UTC, with the offsets to choose where needed. */
function ItemTime({
  item,
  canResolve,
  busy,
  onResolve,
}: {
  item: Item;
  canResolve: boolean;
  busy: boolean;
  onResolve: Resolve;
}) {
  const { t } = useTranslation('requests');
  const utc = (iso: string | null, status: Item['timeStatus']) =>
    iso ? showMoment(iso) : t(`match.${status === 'ok' ? 'match' : status}`);
  const p = item.period;
  return (
    <>
      {p ? (
        <span data-period="">
          {t('detail.period', { from: showMoment(item.moment), to: showMoment(p.to) })}{' '}
          {item.timeZone}
        </span>
      ) : (
        <>
          {showMoment(item.moment)} {item.timeZone}
        </>
      )}
      <div className="muted">
        {p
          ? `${t('detail.utc')} ${t('detail.period', {
              from: utc(item.utc, item.timeStatus),
              to: utc(p.toUtc, p.toTimeStatus),
            })}`
          : item.utc
            ? `${t('detail.utc')} ${showMoment(item.utc)}`
            : t(`match.${item.timeStatus === 'ok' ? 'match' : item.timeStatus}`)}
      </div>
      {item.timeStatus === 'ambiguous_time' && canResolve && (
        <OffsetChoice item={item} end="from" busy={busy} onResolve={onResolve} />
      )}
      {p?.toTimeStatus === 'ambiguous_time' && canResolve && (
        <OffsetChoice item={item} end="to" busy={busy} onResolve={onResolve} />
      )}
    </>
  );
}

/**
 * The identifiers with their moment or period, outcome (its reason in the UI language), each
 * subscriber (as it was, and today; for a period, with the part of the period) and evidence.
 */
export function ItemsPanel({
  request,
  busy,
  canMatch,
  onMatch,
  onResolve,
}: {
  request: RequestDetail;
  busy: boolean;
  canMatch: boolean;
  onMatch(): void;
  onResolve: Resolve;
}) {
  const { t, i18n } = useTranslation('requests');
  const coreText = useCoreText();
  // The core names instants in UTC (ISO); the page shows them as the desk reads its clock.
  const localTimes = (params: Record<string, string | number> = {}) =>
    Object.fromEntries(
      Object.entries(params).map(([k, v]) => [
        k,
        typeof v === 'string' && ISO_INSTANT.test(v) ? formatDateTime(v, i18n.language) : v,
      ]),
    );
  return (
    <section className="panel" aria-labelledby="items-heading">
      <h2 id="items-heading">{t('detail.items')}</h2>
      <Table
        columns={[t('detail.item'), t('detail.identifier'), t('detail.moment'), t('detail.result')]}
      >
        {request.items.map((item) => {
          const m = request.matches.find((x) => x.index === item.index);
          return (
            <tr key={item.index} data-item={item.index}>
              <td>{item.index}</td>
              <td>
                <code>{item.value}</code>
                {item.port !== null && ` :${item.port}`}
                {item.normalised && item.normalised !== item.value && (
                  <div className="muted">
                    <code>{item.normalised}</code>
                  </div>
                )}
              </td>
              <td>
                <ItemTime
                  item={item}
                  canResolve={request.status !== 'awaiting_approval'}
                  busy={busy}
                  onResolve={onResolve}
                />
              </td>
              <td>
                {m ? (
                  <>
                    <span
                      className={`badge ${m.status === 'match' ? 'badge--match' : 'badge--warn'}`}
                    >
                      {t(`match.${m.status}`)}
                    </span>
                    {(m.status !== 'match' || item.period) && (
                      <div className="muted">
                        {m.reasonKey ? coreText(m.reasonKey, localTimes(m.reasonParams)) : m.reason}
                      </div>
                    )}
                    {m.subscribers.map((s, n) => (
                      <div key={`${s.customerId}-${n}`} className="subscriber">
                        {s.interval && (
                          <div className="subscriber__interval">
                            {t('detail.heldDuring', {
                              from: formatDateTime(s.interval.from, i18n.language),
                              to: formatDateTime(s.interval.to, i18n.language),
                            })}
                          </div>
                        )}
                        <strong>{s.name}</strong> ({s.customerId}) — {address(s)}
                        {s.current && (
                          <div>
                            {t('detail.today')}: {address(s.current)}
                          </div>
                        )}
                      </div>
                    ))}
                    {m.evidence.length > 0 && <EvidenceList evidence={m.evidence} />}
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </Table>
      {canMatch && (
        <button type="button" className="btn btn--primary" disabled={busy} onClick={onMatch}>
          {request.matches.length > 0 ? t('detail.rematch') : t('detail.match')}
        </button>
      )}
    </section>
  );
}
