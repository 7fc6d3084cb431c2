import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The letter's pages as images. The core renders each PDF page also as a self-contained SVG (same
 * layout, same text positions); we show them with <img src="blob:…">. The renderer's CSP
 * (`object-src 'none'`, no frame-src) rules out <embed>/<iframe> of the PDF itself, while `img-src
 * blob:` is allowed, and an SVG shown as an image runs no script and loads nothing.
 */
export function LetterPages({ pages, copy }: { pages: string[]; copy: boolean }) {
  const { t } = useTranslation('letters');
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    const made = pages.map((svg) =>
      URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })),
    );
    setUrls(made);
    return () => made.forEach((u) => URL.revokeObjectURL(u));
  }, [pages]);
  return (
    <div className="letter-pages" data-testid="letter-pages">
      {urls.map((u, i) => (
        <figure key={u} className="letter-page">
          <img
            src={u}
            width={595}
            height={842}
            alt={t(copy ? 'copyPageAlt' : 'pageAlt', { page: i + 1, count: urls.length })}
            className="letter-page__img"
          />
          {copy && (
            <p className="letter-copy" aria-hidden="true">
              <strong>{t('copy')}</strong>
            </p>
          )}
          <figcaption className="muted">
            {t('pageAlt', { page: i + 1, count: urls.length })}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
