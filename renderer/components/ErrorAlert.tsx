import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/result';
import type { DeskCallError } from '../api';

/**
 * Shows a failed call in the UI language, by code; announced by screen readers. The core's own
 * message is added for BAD_INPUT (which field, why), and for the codes in `showReason` where the
 * generic text would not say enough (last admin, name taken, data changed since the preview …).
 */
export function ErrorAlert({
  error,
  showReason,
  children,
}: {
  error: DeskCallError | null;
  showReason?: readonly ErrorCode[] | 'always';
  children?: React.ReactNode;
}) {
  const { t } = useTranslation('errors');
  if (!error) return null;
  const reason =
    error.code === 'BAD_INPUT' || showReason === 'always' || showReason?.includes(error.code);
  return (
    <div className="alert alert--error" role="alert">
      <p>{t(error.code, { defaultValue: t('INTERNAL') })}</p>
      {reason && <p className="alert__detail">{error.message}</p>}
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
