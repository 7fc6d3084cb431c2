import { useTranslation } from 'react-i18next';
import { desk, hostKind, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64ToBytes, downloadFile } from '../../components/download';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useCan } from '../../session/SessionProvider';
import { DocumentField } from './draft/DocumentField';
import type { RequestPanelProps } from './VerificationPanel';

/**
 * The original request document as a file, to open it in the computer's own reader (a PDF with
 * its layout, a mail in the mail program): the app saves it through the save dialog, a browser
 * downloads it; either way the core audits it. A request logged without one gets it attached
 * (picked or uploaded, like in the wizard); once stored it is never replaced.
 */
export function DocumentActions({ request: r, onChanged }: RequestPanelProps) {
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
  if (!r.document) {
    if (!may('requests.handle')) return null;
    return (
      <>
        <DocumentField document={null} onPicked={(d) => void attach(d.token)} run={run} />
        {done && <p role="status">{done}</p>}
        <ErrorAlert error={error} />
      </>
    );
  }
  return (
    <section className="panel" aria-labelledby="document-actions-heading">
      <h2 id="document-actions-heading">{t('document.fileTitle')}</h2>
      <p>
        <button type="button" className="btn" disabled={busy} onClick={() => void save()}>
          {electron ? t('document.saveAs') : t('document.download')}
        </button>{' '}
        <span className="muted">{t('document.auditedNote')}</span>
      </p>
      {done && <p role="status">{done}</p>}
      <ErrorAlert error={error} />
    </section>
  );
}
