import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A page: sets the window title and moves focus to the heading when the page opens, so keyboard
 * and screen-reader users start at the top of the new content.
 */
export function Page({
  title,
  children,
  className,
  focusHeading = true,
}: {
  title: string;
  children: ReactNode;
  className?: string;
  /** False when the page focuses a field itself (e.g. the unlock screen). */
  focusHeading?: boolean;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('appName')}`;
  }, [title, t]);
  useEffect(() => {
    if (focusHeading) heading.current?.focus({ preventScroll: true });
  }, [focusHeading]);
  return (
    <section className={`page${className ? ` ${className}` : ''}`} aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </section>
  );
}
