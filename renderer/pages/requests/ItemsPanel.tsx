import { useTranslation } from 'react-i18next';
import type { Subscriber } from '../../../shared/schemas/matching';
import type { RequestDetail } from '../../../shared/schemas/requests';
import { showMoment } from '../../components/day-text';
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

/** The identifiers with their moment, outcome, subscriber (as it was, and today) and evidence. */
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
  onResolve(index: number, offset: string): void;
}) {
  const { t } = useTranslation('requests');
  const coreText = useCoreText();
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
                {showMoment(item.moment)} {item.timeZone}
                <div className="muted">
                  {item.utc
                    ? `${t('detail.utc')} ${showMoment(item.utc)}`
                    : t(`match.${item.timeStatus === 'ok' ? 'match' : item.timeStatus}`)}
                </div>
                {item.timeStatus === 'ambiguous_time' && request.status !== 'awaiting_approval' && (
                  <div role="group" aria-label={t('detail.chooseOffset')}>
                    {item.timeCandidates.map((c) => (
                      <button
                        key={c.offset}
                        type="button"
                        className="btn btn--small"
                        disabled={busy}
                        onClick={() => onResolve(item.index, c.offset)}
                      >
                        {t('detail.useOffset', {
                          offset: c.offset,
                          utc: `${showMoment(c.utc)} UTC`,
                        })}
                      </button>
                    ))}
                  </div>
                )}
              </td>
              <td>
                {m ? (
                  <>
                    <span
                      className={`badge ${m.status === 'match' ? 'badge--match' : 'badge--warn'}`}
                    >
                      {t(`match.${m.status}`)}
                    </span>
                    {m.status !== 'match' && (
                      <div className="muted">
                        {m.reasonKey ? coreText(m.reasonKey, m.reasonParams) : m.reason}
                      </div>
                    )}
                    {m.subscribers.map((s) => (
                      <div key={s.customerId} className="subscriber">
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
