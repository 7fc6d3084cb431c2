import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentText, RequestDetail } from '../../../../shared/schemas/requests';
import type { z } from 'zod';
import { desk, unwrap } from '../../../api';
import { useDeskAction } from '../../../hooks/useDeskAction';
import { IntakeError } from './IntakeError';
import { PageText } from './PageText';
import './intake.css';

type Shown = { text: z.infer<typeof DocumentText> } | { image: string };

/**
 * The request's original document, opened again on its page. The app shows no PDF inline (its
 * CSP allows no plugin), so a PDF, mail or Outlook message is shown as the text the desk read
 * from it, page by page (a mail: the message, then each attachment); an image as itself. Each
 * opening is audited as a view of the document.
 */
export function OriginalDocument({
  registerNo,
  document,
}: {
  registerNo: string;
  document: NonNullable<RequestDetail['document']>;
}) {
  const { t } = useTranslation('intake');
  const [shown, setShown] = useState<Shown | null>(null);
  const { busy, error, run } = useDeskAction();
  const image = document.mime.startsWith('image/');

  const toggle = () => {
    if (shown) return setShown(null);
    void run(async () => {
      if (image) {
        const d = unwrap(await desk.requests.document({ registerNo }));
        setShown({ image: `data:${d.mime};base64,${d.base64}` });
      } else setShown({ text: unwrap(await desk.requests.documentText({ registerNo })) });
    });
  };

  return (
    <section className="panel original-document" aria-labelledby="original-document-title">
      <h2 id="original-document-title">{t('original.title')}</h2>
      <button
        type="button"
        className="btn"
        aria-expanded={shown !== null}
        aria-controls="original-document-pages"
        disabled={busy}
        onClick={toggle}
      >
        {shown ? t('original.close') : t('original.open')}
      </button>
      <IntakeError error={error} />
      <div id="original-document-pages">
        {shown && 'image' in shown && (
          <img className="original-document__image" src={shown.image} alt={t('original.image')} />
        )}
        {shown && 'text' in shown && (
          <div
            className="intake-document__pages original-document__pages"
            role="region"
            aria-label={t('original.text', { name: document.name })}
            tabIndex={0}
          >
            {shown.text.pages.length === 0 && <p>{t('original.none')}</p>}
            {shown.text.pages.map((p, i) => (
              <PageText
                key={i}
                heading={`${t('document.page', { n: i + 1 })} · ${
                  p.origin === 'body' ? t('document.body') : p.origin
                }`}
                empty={
                  shown.text.unreadPages.includes(i + 1) || !p.text.trim()
                    ? t('document.noText')
                    : null
                }
              >
                {p.text}
              </PageText>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
