import { useTranslation } from 'react-i18next';
import { desk, hostKind, unwrap } from '../../../api';
import type { RequestDraft } from './request-draft';

type Picked = NonNullable<RequestDraft['document']>;

/**
 * The original request (PDF or image): the app picks it with the native dialog, a browser
 * uploads it; either way only a file token is kept. `run` shows a failure with the form's error.
 */
export function DocumentField({
  document,
  onPicked,
  run,
}: {
  document: Picked | null;
  onPicked(doc: Picked): void;
  run(work: () => Promise<void>): Promise<unknown>;
}) {
  const { t } = useTranslation('requests');
  const pick = () =>
    run(async () => {
      const picked = unwrap(await desk.files.pickOpen({ purpose: 'attachment' }));
      if (picked) onPicked({ token: picked.token, name: picked.name });
    });
  const upload = (file: File | undefined) => {
    const send = window.deskHost?.upload;
    if (!file || !send) return;
    void run(async () => {
      const picked = await send(file);
      onPicked({ token: picked.token, name: picked.name });
    });
  };
  return (
    <section className="panel" aria-labelledby="sec-document">
      <h2 id="sec-document">{t('form.sectionDocument')}</h2>
      {hostKind() === 'electron' ? (
        <button type="button" className="btn" onClick={() => void pick()}>
          {t('form.choose')}
        </button>
      ) : (
        <div className="field">
          <label htmlFor="request-document">{t('form.document')}</label>
          <input
            id="request-document"
            type="file"
            accept="application/pdf,image/png,image/jpeg"
            onChange={(e) => upload(e.target.files?.[0])}
          />
        </div>
      )}
      {document && <p>{document.name}</p>}
    </section>
  );
}
