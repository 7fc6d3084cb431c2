import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PurgeOutput, PurgePreview } from '../../../../shared/schemas/ops';
import { desk, unwrap } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CheckField } from '../../../components/Field';
import { formatDate } from '../../../components/format';
import { Table } from '../../../components/Table';
import { useDeskAction } from '../../../hooks/useDeskAction';
import { useDeskData } from '../../../hooks/useDeskData';
import { useFocusOnArrival } from '../arrival';
import { sectionLink } from '../section-list';
import { PurgeDueNotice } from './PurgeDueNotice';
import { PurgeHeld } from './PurgeHeld';

/**
 * Retention (admins): how much is due, a preview per category, then the purge after an explicit
 * confirm. The periods themselves are set with the policy.
 */
export function PurgePanel() {
  const { t, i18n } = useTranslation(['ops', 'settings']);
  const due = useDeskData(async () => unwrap(await desk.ops.purgeDue({})), []);
  const heading = useFocusOnArrival('purge-heading', due.data !== null || due.error !== null);
  const [preview, setPreview] = useState<PurgePreview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [result, setResult] = useState<PurgeOutput | null>(null);
  const { busy, error, run } = useDeskAction();

  const load = () =>
    run(async () => {
      setPreview(unwrap(await desk.ops.purgePreview({})));
      setConfirmed(false);
    });

  const purge = () =>
    run(async () => {
      if (!preview) return;
      const expect = Object.fromEntries(
        preview.categories.filter((c) => c.available).map((c) => [c.category, c.count]),
      );
      setResult(unwrap(await desk.ops.purge({ expect })));
      setPreview(unwrap(await desk.ops.purgePreview({})));
      setConfirmed(false);
      await due.reload();
    });

  const policy = sectionLink('policy');
  return (
    <section className="panel" aria-labelledby="purge-heading" id="purge">
      <h2 id="purge-heading" ref={heading} tabIndex={-1}>
        {t('purge.title')}
      </h2>
      <p>{t('purge.intro')}</p>
      <p className="muted">
        <Link to={policy.to} state={policy.state}>
          {t('settings:retention.periodsLink')}
        </Link>
      </p>
      <PurgeDueNotice due={due.data?.total ?? 0} />
      <div className="actions">
        <button type="button" className="btn" onClick={() => void load()} disabled={busy}>
          {t('purge.preview')}
        </button>
      </div>
      {preview && (
        <Table
          region={{ labelledBy: 'purge-heading' }}
          testId="purge-preview"
          caption={t('purge.title')}
          columns={[
            t('purge.category'),
            t('purge.due'),
            t('purge.rows'),
            t('purge.period'),
            t('purge.cutoff'),
          ]}
        >
          {preview.categories.map((c) => (
            <tr key={c.category}>
              <th scope="row">
                {t(`purge.names.${c.category}`)}
                {c.category === 'auditEvents' && (
                  <p className="muted">{t('purge.notes.auditEvents')}</p>
                )}
              </th>
              <td>{c.available ? c.count : t('purge.kept')}</td>
              <td>{c.available ? c.rows : '–'}</td>
              <td>{t(`purge.periods.${c.category}`, { n: c.amount })}</td>
              <td>{formatDate(c.cutoff, i18n.language)}</td>
            </tr>
          ))}
        </Table>
      )}
      {preview && preview.total === 0 && <p role="status">{t('purge.nothingDue')}</p>}
      {preview && <PurgeHeld held={preview.held} />}
      {preview && preview.total > 0 && (
        <>
          <CheckField
            id="purge-confirm"
            label={t('purge.confirm', { n: preview.total })}
            checked={confirmed}
            onChange={setConfirmed}
          />
          <div className="actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={!confirmed || busy}
              onClick={() => void purge()}
            >
              {busy ? t('purge.running') : t('purge.run')}
            </button>
          </div>
        </>
      )}
      <div role="status" aria-live="polite">
        {result && result.total > 0 && (
          <div className="alert alert--ok">
            <p>{t('purge.done', { n: result.total })}</p>
          </div>
        )}
      </div>
      <ErrorAlert error={error} showReason={['CONFLICT']} />
    </section>
  );
}
