import { useTranslation } from 'react-i18next';
import { REFUSAL_REASONS, type RefusalReason } from '../../../../shared/schemas/intake';
import type { DeskCallError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';

const refusalOf = (
  e: DeskCallError,
): { reason: RefusalReason; params: Record<string, unknown> } | null => {
  const d = e.details as { reason?: unknown; params?: Record<string, unknown> } | undefined;
  return typeof d?.reason === 'string' && (REFUSAL_REASONS as readonly string[]).includes(d.reason)
    ? { reason: d.reason as RefusalReason, params: d.params ?? {} }
    : null;
};

/** Why a document could not be read, in the UI language; any other failure as ErrorAlert says it. */
export function IntakeError({ error }: { error: DeskCallError | null }) {
  const { t } = useTranslation('intake');
  if (!error) return null;
  const refusal = refusalOf(error);
  if (!refusal) return <ErrorAlert error={error} showReason="always" />;
  return (
    <div className="alert alert--error" role="alert">
      <p>{t('refusal.title')}</p>
      <p className="alert__detail">{t(`refusal.${refusal.reason}`, refusal.params)}</p>
    </div>
  );
}
