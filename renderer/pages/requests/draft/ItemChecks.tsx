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
  const period = item.timing === 'period';
  const checks = checkItem(
    {
      kind: item.kind,
      value: item.value,
      moment: item.moment,
      timeZone: item.timeZone,
      port: item.kind === 'ip' ? item.port : undefined,
      ...(period ? { periodTo: item.periodTo ?? '' } : {}),
    },
    Date.now(),
    history,
  );
  // For a period, a check of one end says which end it is about.
  const end = (field: string) =>
    !period || (field !== 'moment' && field !== 'periodTo')
      ? ''
      : `${t(field === 'moment' ? 'form.periodFrom' : 'form.periodTo')}: `;
  if (!checks.length) return null;
  return (
    <ul className="item-checks">
      {checks.map((c) => (
        <li
          key={`${c.field}-${c.code}`}
          className={`item-check item-check--${c.level}`}
          data-check={c.code}
        >
          {end(c.field)}
          {t(`itemCheck.${c.code}`, {
            zone: c.params?.zone,
            range: c.params?.range,
            from: c.params?.from,
            max: c.params?.max,
          })}
          {period && c.code === 'moment_overlap' && ` ${t('itemCheck.period_choose_later')}`}
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
