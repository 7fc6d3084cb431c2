import { useTranslation } from 'react-i18next';
import type { BackupOutput } from '../../../../shared/schemas/ops';
import { desk, unwrap } from '../../../api';
import { base64ToBytes, downloadFile, saveTarget } from '../../../components/download';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDeskAction } from '../../../hooks/useDeskAction';
import { useFocusOnArrival } from '../arrival';

/**
 * Backup (admins). The app asks the core, which shows the native save dialog — the renderer never
 * sends a path; a browser gets the verified file as a download.
 */
export function BackupPanel() {
  const { t } = useTranslation('ops');
  const { busy, error, done: result, run } = useDeskAction<BackupOutput>({ quietCancel: true });
  const heading = useFocusOnArrival('backup-heading', true);

  const backup = () =>
    run(async () => {
      const r = unwrap(await desk.ops.backup({ target: saveTarget() }));
      if (r.base64) downloadFile(r.fileName, base64ToBytes(r.base64), 'application/octet-stream');
      return r;
    });

  return (
    <section className="panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading" ref={heading} tabIndex={-1}>
        {t('backup.title')}
      </h2>
      <p>{t('backup.intro')}</p>
      <div className="actions">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void backup()}
          disabled={busy}
        >
          {busy ? t('backup.running') : t('backup.make')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="backup-result">
        {result && (
          <div className="alert alert--ok">
            <p>
              <strong>
                {t('backup.done', { bytes: result.bytes, seq: result.auditHead.seq })}
              </strong>
            </p>
            <p>
              {result.savedTo
                ? t('backup.savedTo', { path: result.savedTo })
                : t('backup.downloaded', { name: result.fileName })}
            </p>
            <p className="muted">
              {t('backup.sha')} <code className="hash">{result.sha256}</code>
            </p>
          </div>
        )}
      </div>
      <ErrorAlert error={error} showReason={['CONFLICT']} />
      <p className="muted">{t('backup.restoreNote')}</p>
    </section>
  );
}
