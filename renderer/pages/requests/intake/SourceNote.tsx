import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../../shared/schemas/intake';

const clip = (s: string) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 90 ? `${one.slice(0, 87)}…` : one;
};

/**
 * Under a field the draft filled in: the text it was read from, or — where the value was a
 * choice, not read — why it was chosen. Nothing for a field the document did not give.
 */
export function SourceNote({ draft, path }: { draft: Draft; path: string }) {
  const { t } = useTranslation('intake');
  const s = draft.extraction.fields[path];
  if (!s) return null;
  if (s.text) {
    return <p className="source-note">{t('form.source', { text: clip(s.text) })}</p>;
  }
  if (!s.reason) return null;
  const reason = t(`reason.${s.reason}` as 'reason.default_zone', {
    defaultValue: s.reason.replace(/_/g, ' '),
  });
  return <p className="source-note">{t('form.sourceChosen', { reason })}</p>;
}

/**
 * A form field with its source under it when the form was read from a document; focusing it
 * marks its source in the document (the form listens for `data-source-path`).
 */
export function Sourced({
  draft,
  path,
  children,
}: {
  draft: Draft | null | undefined;
  path: string;
  children: ReactNode;
}) {
  if (!draft) return <>{children}</>;
  return (
    <div className="sourced" data-source-path={path}>
      {children}
      <SourceNote draft={draft} path={path} />
    </div>
  );
}
