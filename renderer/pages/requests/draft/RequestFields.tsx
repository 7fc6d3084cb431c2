import { useTranslation } from 'react-i18next';
import { DATA_CATEGORIES, REQUEST_CHANNELS, URGENCIES } from '../../../../shared/schemas/terms';
import type { Draft } from '../../../../shared/schemas/intake';
import { DateTimeField } from '../../../components/DateTimeField';
import { Field, optionsOf, SelectField } from '../../../components/Field';
import { useCatalogueText } from '../../../hooks/useCatalogueText';
import { SourceNote, Sourced } from '../intake/SourceNote';
import type { RequestCatalogue } from '../useRequestCatalogue';
import type { DraftEditor } from './request-draft';

/** The request as it came in: authority, basis, case, when and how, urgency, the data asked for. */
export function RequestFields({
  editor: { draft: d, set },
  catalogue,
  missing,
  required,
  read,
}: {
  editor: DraftEditor;
  catalogue: RequestCatalogue | null;
  missing: Set<string>;
  required(key: string): string | null;
  /** The draft the form was read from, whose sources are shown under the fields. */
  read?: Draft | null;
}) {
  const { t } = useTranslation('requests');
  const { authorityName, basisName, basisArticle } = useCatalogueText();
  return (
    <section className="panel" aria-labelledby="sec-request">
      <h2 id="sec-request">{t('form.sectionRequest')}</h2>
      <div className="grid-2">
        <Sourced draft={read} path="authority">
          <SelectField
            label={t('form.authority')}
            value={d.authority}
            onChange={(e) => set({ authority: e.target.value })}
            aria-invalid={missing.has('authority') || undefined}
          >
            <option value="">—</option>
            {catalogue?.authorities.map((a) => (
              <option key={a.code} value={a.code}>
                {authorityName(a)}
                {a.legacy ? ` ${t('form.legacy')}` : ''}
              </option>
            ))}
          </SelectField>
        </Sourced>
        <Sourced draft={read} path="legalBasis">
          <SelectField
            label={t('form.basis')}
            value={d.basis}
            onChange={(e) => set({ basis: e.target.value })}
          >
            {catalogue?.bases.map((b) => (
              <option key={b.code} value={b.code}>
                {basisArticle(b)} — {basisName(b)}
              </option>
            ))}
          </SelectField>
        </Sourced>
        <Sourced draft={read} path="caseReference">
          <Field
            label={t('form.caseReference')}
            value={d.caseReference}
            onChange={(e) => set({ caseReference: e.target.value })}
            error={required('caseReference')}
          />
        </Sourced>
        <Sourced draft={read} path="receivedAt">
          <DateTimeField
            label={t('form.receivedAt')}
            value={d.receivedAt}
            onChange={(receivedAt) => set({ receivedAt })}
            error={required('receivedAt')}
          />
        </Sourced>
        <Sourced draft={read} path="channel">
          <SelectField
            label={t('form.channel')}
            value={d.channel}
            onChange={(e) => set({ channel: e.target.value as typeof d.channel })}
          >
            {optionsOf(REQUEST_CHANNELS, (c) => t(`channel.${c}`))}
          </SelectField>
        </Sourced>
        <Sourced draft={read} path="urgency">
          <SelectField
            label={t('form.urgency')}
            value={d.urgency}
            onChange={(e) => set({ urgency: e.target.value as typeof d.urgency })}
          >
            {optionsOf(URGENCIES, (u) => t(`urgency.${u}`))}
          </SelectField>
        </Sourced>
        <Sourced draft={read} path="deadline">
          <DateTimeField
            label={t('form.deadline')}
            hint={t('form.deadlineHint')}
            value={d.deadline}
            onChange={(deadline) => set({ deadline })}
          />
        </Sourced>
      </div>
      <fieldset
        className="checks-grid"
        aria-describedby={missing.has('categories') ? 'cat-error' : undefined}
      >
        <legend>{t('form.categories')}</legend>
        {DATA_CATEGORIES.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={d.categories.includes(c)}
              onChange={(e) =>
                set({
                  categories: e.target.checked
                    ? [...d.categories, c]
                    : d.categories.filter((x) => x !== c),
                })
              }
            />{' '}
            {t(`category.${c}`)}
          </label>
        ))}
      </fieldset>
      {read && <SourceNote draft={read} path="categories" />}
      {missing.has('categories') && (
        <p className="field__error" id="cat-error">
          {t('form.chooseCategory')}
        </p>
      )}
    </section>
  );
}
