import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../../shared/schemas/intake';
import { CheckField } from '../../../components/Field';
import type { ItemDraft } from '../draft/request-draft';
import { itemSourceLines } from './marks';
import { WarningText } from './WarningText';

/** The document's warnings about an item that the live checks do not already say. */
const SAID_BY_CHECKS = ['phone_not_valid', 'ip_not_public', 'invalid_time', 'ambiguous_time'];

/**
 * Under an identifier read from the document: the line it was read from with the number (and
 * its port and moment) marked, what the document left unclear about it, and the box by which the
 * officer confirms it matches the document.
 */
export function ItemSource({
  draft,
  item,
  error,
  onConfirm,
}: {
  draft: Draft;
  item: ItemDraft & { from: number };
  error: string | null;
  onConfirm(confirmed: boolean): void;
}) {
  const { t } = useTranslation('intake');
  const lines = itemSourceLines(draft, item.from);
  const warnings = draft.warnings.filter(
    (w) => Number(w.params.item) === item.from + 1 && !SAID_BY_CHECKS.includes(w.code),
  );
  return (
    <div className="item-source">
      {lines.map((l, i) => (
        <p key={i} className="item-source__line">
          <span className="item-source__label">{t('form.sourceLine', { page: l.page })}</span>{' '}
          <span className="item-source__text">
            {l.segments.map((s, j) =>
              s.mark ? (
                <mark key={j} className="intake-mark intake-mark--item">
                  {s.text}
                </mark>
              ) : (
                s.text
              ),
            )}
          </span>
        </p>
      ))}
      {warnings.length > 0 && (
        <ul className="item-source__warnings">
          {warnings.map((w, i) => (
            <li key={i}>
              <WarningText warning={w} />
            </li>
          ))}
        </ul>
      )}
      <CheckField
        className="check item-source__confirm"
        label={t('form.confirm')}
        checked={item.confirmed ?? false}
        onChange={onConfirm}
        error={error}
      />
    </div>
  );
}
