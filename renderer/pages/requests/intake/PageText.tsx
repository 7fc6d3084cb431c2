import type { ReactNode } from 'react';

/** One page of a document as text, under its heading; `empty` when it has no text to show. */
export function PageText({
  heading,
  empty,
  children,
}: {
  heading: string;
  empty?: string | null;
  children: ReactNode;
}) {
  return (
    <article className="intake-page">
      <h3 className="intake-page__head">{heading}</h3>
      {empty ? (
        <p className="intake-page__empty">{empty}</p>
      ) : (
        <pre className="intake-page__text">{children}</pre>
      )}
    </article>
  );
}
