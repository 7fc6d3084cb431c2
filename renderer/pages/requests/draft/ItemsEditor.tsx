import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../../shared/schemas/intake';
import { DateTimeField } from '../../../components/DateTimeField';
import { Field, SelectField } from '../../../components/Field';
import { ItemSource } from '../intake/ItemSource';
import { ItemChecks } from './ItemChecks';
import type { DraftEditor, ItemDraft } from './request-draft';

/**
 * The identifiers asked about, each with its moment or period (from, to); one or more, added and
 * removed in place.
 * Each row says what is wrong with it as it stands; a row read from a document shows its source
 * line and waits for the officer's confirmation (`unconfirmed` says which ones to ask about).
 */
export function ItemsEditor({
  editor: { draft, setItem, addItem, removeItem },
  required,
  read,
  unconfirmed,
}: {
  editor: DraftEditor;
  required(key: string): string | null;
  /** The draft the form was read from. */
  read?: Draft | null;
  unconfirmed?: Set<number>;
}) {
  const { t } = useTranslation('requests');
  const ti = useTranslation('intake').t;
  const items = draft.items;
  return (
    <section className="panel" aria-labelledby="sec-items">
      <h2 id="sec-items">{t('form.sectionItems')}</h2>
      {items.map((it, i) => (
        <fieldset
          key={i}
          className="item-row"
          aria-label={t('form.item', { n: i + 1 })}
          data-source-path={it.from !== undefined ? `items.${it.from}.` : undefined}
        >
          <SelectField
            label={t('form.itemKind')}
            value={it.kind}
            onChange={(e) => setItem(i, { kind: e.target.value as ItemDraft['kind'] })}
          >
            <option value="phone">{t('form.phoneKind')}</option>
            <option value="ip">{t('form.ipKind')}</option>
          </SelectField>
          <Field
            label={t('form.value')}
            value={it.value}
            onChange={(e) => setItem(i, { value: e.target.value })}
            error={required(`value${i}`)}
            className="field--mono"
          />
          <Field
            label={t('form.port')}
            inputMode="numeric"
            value={it.port}
            disabled={it.kind !== 'ip'}
            onChange={(e) => setItem(i, { port: e.target.value })}
          />
          {/* When: a moment or a period, and the zone they are in, on a line of their own. */}
          <div className="item-row__time">
            <SelectField
              label={t('form.timing')}
              value={it.timing ?? 'moment'}
              onChange={(e) => setItem(i, { timing: e.target.value as 'moment' | 'period' })}
            >
              <option value="moment">{t('form.timingMoment')}</option>
              <option value="period">{t('form.timingPeriod')}</option>
            </SelectField>
            <DateTimeField
              label={it.timing === 'period' ? t('form.periodFrom') : t('form.moment')}
              seconds
              dutchTime={false}
              value={it.moment}
              onChange={(moment) => setItem(i, { moment })}
              error={required(`moment${i}`)}
            />
            {it.timing === 'period' && (
              <DateTimeField
                label={t('form.periodTo')}
                seconds
                dutchTime={false}
                value={it.periodTo ?? ''}
                onChange={(periodTo) => setItem(i, { periodTo })}
                hint={t('form.periodToHint')}
                error={required(`periodTo${i}`)}
              />
            )}
            <Field
              label={t('form.timeZone')}
              value={it.timeZone}
              onChange={(e) => setItem(i, { timeZone: e.target.value })}
            />
          </div>
          {items.length > 1 && (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => removeItem(i)}
              aria-label={t('form.removeItem', { n: i + 1 })}
            >
              ✕
            </button>
          )}
          <ItemChecks item={it} onChooseOffset={(timeZone) => setItem(i, { timeZone })} />
          {read && it.from !== undefined && (
            <ItemSource
              draft={read}
              item={{ ...it, from: it.from }}
              error={unconfirmed?.has(i) ? ti('form.unconfirmed') : null}
              onConfirm={(confirmed) => setItem(i, { confirmed })}
            />
          )}
        </fieldset>
      ))}
      <button type="button" className="btn" onClick={addItem}>
        {t('form.addItem')}
      </button>
    </section>
  );
}
