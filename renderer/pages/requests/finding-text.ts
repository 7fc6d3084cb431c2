import { useTranslation } from 'react-i18next';
import type { CheckFinding } from '../../../shared/schemas/requests';
import { useCoreText } from '../../hooks/useCoreText';

/**
 * A check finding in the UI language: its short title (requests `checks.<code>`) and the core's
 * worded finding with its particulars (core `checks.<code>` and params); the English message only
 * for a finding recorded before findings were worded by key.
 */
export function useFindingText(): {
  title(f: CheckFinding): string;
  text(f: CheckFinding): string;
} {
  const { t } = useTranslation('requests');
  const te = useTranslation('epoc').t;
  const coreText = useCoreText();
  // A European Production Order's findings are titled in the epoc namespace.
  const fallback = (code: string) =>
    te(`checks.${code}` as 'checks.epoc_missing', { defaultValue: code });
  return {
    title: (f) =>
      t(`checks.${f.code}` as 'checks.not_verified', { defaultValue: fallback(f.code) }),
    text: (f) => (f.key ? coreText(f.key, f.params) : f.message),
  };
}
