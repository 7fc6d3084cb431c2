import { useTranslation } from 'react-i18next';
import type { DeskCallError } from '../api';

/** Shows a failed call in the UI language, by code; announced by screen readers. */
export function ErrorAlert({
  error,
  children,
}: {
  error: DeskCallError | null;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation('errors');
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{t(error.code, { defaultValue: t('INTERNAL') })}</p>
      {error.code === 'BAD_INPUT' && <p className="alert__detail">{error.message}</p>}
      {children}
    </div>
  );
}

/** A polite live region for results ("saved", "chain intact"). Always rendered so it is announced. */
export function StatusMessage({
  children,
  tone = 'ok',
}: {
  children?: React.ReactNode;
  tone?: 'ok' | 'info';
}) {
  return (
    <div
      className={children ? `alert alert--${tone}` : 'visually-empty'}
      role="status"
      aria-live="polite"
    >
      {children}
    </div>
  );
}
