import { useTranslation } from 'react-i18next';
import type { RequestStatus } from '../../../shared/schemas/terms';
import { desk, unwrap } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert';
import { downloadFile, saveTarget } from '../../components/download';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useDeskData } from '../../hooks/useDeskData';

const DECIDED: readonly RequestStatus[] = ['disclosed', 'no_data', 'refused', 'referred'];

/**
 * A request that came as an HI-1 order (ETSI TS 103 120): its sender and tasks, and, once decided
 * (a disclosure once approved), the answer as an HI1Message to save. Nothing for other requests.
 */
export function Hi1AnswerPanel({
  registerNo,
  status,
  mayHandle,
}: {
  registerNo: string;
  status: RequestStatus;
  mayHandle: boolean;
}) {
  const { t } = useTranslation('requests');
  const { data } = useDeskData(
    async () => unwrap(await desk.hi1.status({ registerNo })),
    [registerNo, status],
  );
  const { busy, error, done, run } = useDeskAction({ quietCancel: true });
  if (!data?.hi1) return null;
  const sender = data.sender ? `${data.sender.countryCode} ${data.sender.uniqueIdentifier}` : '';

  const exportAnswer = () =>
    run(async () => {
      const r = unwrap(await desk.hi1.export({ registerNo, target: saveTarget() }));
      const name = `${registerNo}-hi1.xml`;
      if (r.xml !== null) downloadFile(name, r.xml, 'application/xml');
      return t('hi1.exported', {
        name: r.name ?? name,
        tasks: r.tasks.map((x) => `${x.ldid}: ${x.status}`).join(', '),
      });
    });

  return (
    <section className="panel" aria-labelledby="hi1-answer-title">
      <h2 id="hi1-answer-title">{t('hi1.title')}</h2>
      <p>{t('hi1.from', { sender, count: data.tasks.length })}</p>
      {!data.senderLinked && <p className="badge badge--overdue">{t('hi1.senderUnknown')}</p>}
      <ul>
        {data.tasks.map((task) => (
          <li key={task.ldid}>
            <span className="mono">{task.ldid}</span> — {task.type}
          </li>
        ))}
      </ul>
      {mayHandle && DECIDED.includes(status) && (
        <>
          <ErrorAlert error={error} showReason="always" />
          <StatusMessage>{done}</StatusMessage>
          <div className="actions">
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void exportAnswer()}
            >
              {t('hi1.export')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
