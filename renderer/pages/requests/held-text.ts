import { useTranslation } from 'react-i18next';
import type { HeldCounts } from '../../../shared/schemas/holds';

const KINDS = ['numberAssignments', 'ipAssignments', 'customerVersions'] as const;

/**
 * What a hold keeps, in words: the records per kind (only the kinds it holds) and the customers
 * they belong to, e.g. "1 nummertoewijzing, 1 versie van NAW-gegevens van 1 klant". Counts only:
 * the request page and the purge preview never show a subscriber's data.
 */
export function useHeldText(): (held: HeldCounts) => string {
  const { t } = useTranslation('holds');
  return (held) => {
    const kinds = KINDS.filter((k) => held[k] > 0).map((k) => t(`counts.${k}`, { count: held[k] }));
    return `${kinds.join(', ')} ${t('counts.customers', { count: held.customers })}`;
  };
}
