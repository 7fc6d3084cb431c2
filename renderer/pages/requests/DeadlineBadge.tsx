import { useTranslation } from 'react-i18next';
import type { RequestSummary } from '../../../shared/schemas/requests';

/** Overdue / due within 24 h / open / closed, in words (not colour alone). */
export function DeadlineBadge({ state }: { state: RequestSummary['deadlineState'] }) {
  const { t } = useTranslation('requests');
  return <span className={`badge badge--${state}`}>{t(`deadline.${state}`)}</span>;
}
