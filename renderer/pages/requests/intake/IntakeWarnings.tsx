import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../../shared/schemas/intake';
import { WarningText } from './WarningText';

/** What the officer must look at in the draft as a whole; an item's own warnings are at its row. */
export function IntakeWarnings({ draft }: { draft: Draft }) {
  const { t } = useTranslation('intake');
  const general = draft.warnings.filter((w) => w.params.item === undefined);
  if (!general.length) return null;
  return (
    <div className="alert alert--warning intake-warnings">
      <p className="intake-warnings__title">{t('warnings.title')}</p>
      <ul>
        {general.map((w, i) => (
          <li key={i} data-warning={w.code}>
            <WarningText warning={w} />
          </li>
        ))}
      </ul>
    </div>
  );
}
