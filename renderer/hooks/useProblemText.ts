import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/schemas/common';
import type { Problem } from '../components/validation';

/** Turns a validation problem into a message in the UI language (or null). */
export function useProblemText(): (p: Problem | null | undefined) => string | null {
  const { t } = useTranslation();
  return (p) => (p ? t(`validation.${p}`, { min: MIN_PASSPHRASE_LENGTH }) : null);
}
