import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../shared/schemas/requests';
import { desk, hostKind, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64ToBytes, downloadFile } from '../../components/download';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useCan } from '../../session/SessionProvider';

/**
 * The original request document as a file, to open it in the computer's own reader (a PDF with
 * its layout, a mail in the mail program): the app saves it through the save dialog, a browser
 * downloads it; either way the core audits it. A request logged without one gets it attached
 * (picked or uploaded, like in the wizard); once stored it is never replaced.
 */
export function DocumentActions({
  request: r,
  onChanged,
}: {
  request: RequestDetail;
  onChanged(next: RequestDetail): void;
}) {
  const { t } = useTranslation('requests');
  const may = useCan();
  const { busy, error, done, run } = useDeskAction({ quietCancel: true });
  const electron = hostKind() === 'electron';
  const registerNo = r.registerNo;

  const save = () =>
    run(async () => {
      if (electron) {
        const s = unwrap(await desk.requests.saveDocument({ registerNo }));
        return s.saved ? t('document.saved', { name: s.name }) : null;
      }
      const d = unwrap(await desk.requests.document({ registerNo }));
      downloadFile(`${registerNo}-${d.name}`, base64ToBytes(d.base64), d.mime);
      return t('document.downloaded');
    });
  const attach = (token: string) =>
    run(async () => {
      onChanged(unwrap(await desk.requests.attachDocument({ registerNo, token })));
      return t('document.attached');
    });
  const pick = () =>
    run(async () => {
      const picked = unwrap(await desk.files.pickOpen({ purpose: 'attachment' }));
      if (picked)
        onChanged(unwrap(await desk.requests.attachDocument({ registerNo, token: picked.token })));
    });
  const upload = (file: File | undefined) => {
    const send = window.deskHost?.upload;
    if (file && send) void send(file).then((p) => attach(p.token));
  };

  if (!r.document && !may('requests.handle')) return null;
  return (
    <section className="panel" aria-labelledby="document-actions-heading">
      <h2 id="document-actions-heading">
        {r.document ? t('document.fileTitle') : t('document.title')}
      </h2>
      {r.document ? (
        <p>
          <button type="button" className="btn" disabled={busy} onClick={() => void save()}>
            {electron ? t('document.saveAs') : t('document.download')}
          </button>{' '}
          <span className="muted">{t('document.auditedNote')}</span>
        </p>
      ) : electron ? (
        <button type="button" className="btn" disabled={busy} onClick={() => void pick()}>
          {t('document.attach')}
        </button>
      ) : (
        <div className="field">
          <label htmlFor="attach-document">{t('document.attach')}</label>
          <input
            id="attach-document"
            type="file"
            accept="application/pdf,image/png,image/jpeg,message/rfc822,.eml,.msg,.txt,.json"
            disabled={busy}
            onChange={(e) => upload(e.target.files?.[0])}
          />
        </div>
      )}
      {done && <p role="status">{done}</p>}
      <ErrorAlert error={error} />
    </section>
  );
}
