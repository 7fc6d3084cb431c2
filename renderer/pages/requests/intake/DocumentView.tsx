import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../../shared/schemas/intake';
import { isActive, marksOf, segments, type Mark } from './marks';
import { PageText } from './PageText';

/**
 * The document as it was read, page by page, with every value the draft took from it marked
 * (identifiers apart from the request's other fields) and the numbers deliberately not offered
 * struck through. The marks of the field or item the officer is at are brought into view.
 */
export function DocumentView({ draft, active }: { draft: Draft; active: string | null }) {
  const { t } = useTranslation('intake');
  const doc = draft.extraction.document;
  const marks = useMemo(() => marksOf(draft), [draft]);
  const pane = useRef<HTMLDivElement>(null);
  const unread = new Set(
    draft.warnings
      .filter((w) => w.code === 'no_text_layer')
      .flatMap((w) => String(w.params.pages ?? '').split(','))
      .map(Number),
  );

  useEffect(() => {
    const el = pane.current?.querySelector<HTMLElement>('mark.intake-mark--active');
    const box = pane.current;
    if (!el || !box) return;
    // Only the pane scrolls, never the page the officer is typing in.
    const top = el.offsetTop - box.offsetTop - box.clientHeight / 3;
    box.scrollTo?.({ top: Math.max(0, top), behavior: 'smooth' });
  }, [active]);

  const markClass = (m: Mark) =>
    [
      'intake-mark',
      m.ignored
        ? 'intake-mark--ignored'
        : m.paths.some((p) => p.startsWith('items.'))
          ? 'intake-mark--item'
          : 'intake-mark--field',
      isActive(m, active) ? 'intake-mark--active' : '',
    ]
      .filter(Boolean)
      .join(' ');

  return (
    <section className="panel intake-document" aria-labelledby="intake-document-title">
      <h2 id="intake-document-title">{t('document.title')}</h2>
      <p className="intake-document__legend">{t('document.legend')}</p>
      <div
        ref={pane}
        className="intake-document__pages"
        role="region"
        aria-label={t('document.pages')}
        tabIndex={0}
      >
        {(doc.pageTexts ?? []).map((text, i) => (
          <PageText
            key={i}
            heading={`${t('document.page', { n: i + 1 })} · ${
              (doc.origins[i] ?? 'body') === 'body' ? t('document.body') : doc.origins[i]
            }`}
            empty={unread.has(i + 1) || !text.trim() ? t('document.noText') : null}
          >
            {segments(text, marks.get(i + 1)).map((s, j) =>
              s.mark ? (
                <mark
                  key={j}
                  className={markClass(s.mark)}
                  data-paths={s.mark.paths.join(' ') || undefined}
                  title={
                    s.mark.ignored
                      ? t('document.ignored', {
                          reason: t(`ignoredReason.${s.mark.ignored}` as 'ignoredReason.other', {
                            defaultValue: t('ignoredReason.other'),
                          }),
                        })
                      : undefined
                  }
                >
                  {s.text}
                </mark>
              ) : (
                s.text
              ),
            )}
          </PageText>
        ))}
      </div>
    </section>
  );
}
