import { useTranslation } from 'react-i18next';
import { checkItem } from '../../../../shared/item-checks';
import { useHistoryStart } from '../intake/useHistoryStart';
import type { ItemDraft } from './request-draft';

const utcTime = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * What is wrong with an identifier as it stands, said beside it while it can still be corrected:
 * for a moment in the spring gap or the repeated autumn hour, the offsets to choose from (the
 * choice becomes the item's zone, so the moment stays as the document wrote it).
 */
export function ItemChecks({
  item,
  onChooseOffset,
}: {
  item: ItemDraft;
  onChooseOffset(offset: string): void;
}) {
  const { t } = useTranslation('requests');
  const history = useHistoryStart();
  const checks = checkItem(
    { ...item, port: item.kind === 'ip' ? item.port : undefined },
    Date.now(),
    history,
  );
  if (!checks.length) return null;
  return (
    <ul className="item-checks">
      {checks.map((c) => (
        <li key={c.code} className={`item-check item-check--${c.level}`} data-check={c.code}>
          {t(`itemCheck.${c.code}`, {
            zone: c.params?.zone,
            range: c.params?.range,
            from: c.params?.from,
          })}
          {c.offsets && c.offsets.length > 0 && (
            <span className="item-check__choices">
              {c.offsets.map((o) => (
                <button
                  key={o.offset}
                  type="button"
                  className="btn btn--small"
                  onClick={() => onChooseOffset(o.offset)}
                >
                  {t('detail.useOffset', { offset: o.offset, utc: utcTime(o.utc) })}
                </button>
              ))}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
