import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/result';
import type { DeskCallError } from '../api';
import { useCoreText } from '../hooks/useCoreText';

/**
 * Shows a failed call in the UI language, by code; announced by screen readers. The core's worded
 * reason (which field, why; last admin; data changed since the preview …) follows in the UI
 * language. An unworded reason (English only) is shown for BAD_INPUT and the codes in `showReason`.
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
  const coreText = useCoreText();
  if (!error) return null;
  const reason = error.key
    ? error.key.startsWith('internal.')
      ? null
      : coreText(error.key, error.params)
    : error.code === 'BAD_INPUT' || showReason === 'always' || showReason?.includes(error.code)
      ? error.message
      : null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{t(error.code, { defaultValue: t('INTERNAL') })}</p>
      {reason && <p className="alert__detail">{reason}</p>}
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
