import { useTranslation } from 'react-i18next';
import {
  EPOC_CATEGORIES,
  EPOC_DEADLINES,
  EPOC_FUNCTIONS,
  EPOC_STATES,
} from '../../../../shared/schemas/epoc';
import type { Draft } from '../../../../shared/schemas/intake';
import { Field, optionsOf, SelectField } from '../../../components/Field';
import { SourceNote, Sourced } from '../intake/SourceNote';
import type { EpocAuthorityDraft, EpocDraft, EpocValidationChoice } from './epoc-draft';

const VALIDATION_CHOICES: EpocValidationChoice[] = [
  'not_required',
  'validated',
  'emergency_pending_validation',
];

/** A Member State by its name in the UI language (`Duitsland (DE)`). */
function useStateName() {
  const { i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
  return (code: string) => `${names.of(code) ?? code} (${code})`;
}

export function EpocAuthorityFields({
  prefix,
  value,
  onChange,
  required,
  read,
  path,
}: {
  prefix: string;
  value: EpocAuthorityDraft;
  onChange(patch: Partial<EpocAuthorityDraft>): void;
  required(key: string): string | null;
  read?: Draft | null;
  path: string;
}) {
  const { t } = useTranslation('epoc');
  return (
    <div className="grid-2">
      <Sourced draft={read} path={`${path}.name`}>
        <Field
          label={t('name')}
          value={value.name}
          onChange={(e) => onChange({ name: e.target.value })}
          error={required(`${prefix}Name`)}
        />
      </Sourced>
      <Sourced draft={read} path={`${path}.function`}>
        <SelectField
          label={t('function')}
          value={value.function}
          onChange={(e) => onChange({ function: e.target.value as EpocAuthorityDraft['function'] })}
        >
          {optionsOf(EPOC_FUNCTIONS, (f) => t(`fn.${f}`))}
        </SelectField>
      </Sourced>
      <Sourced draft={read} path={`${path}.fileReference`}>
        <Field
          label={t('fileReference')}
          value={value.fileReference}
          onChange={(e) => onChange({ fileReference: e.target.value })}
          error={required(`${prefix}FileReference`)}
        />
      </Sourced>
    </div>
  );
}

/**
 * The certificate of a European Production Order (Annex I): shown when the request came as an
 * EPOC or is logged under an EPOC basis. Emergency follows from the deadline option.
 */
export function EpocFields({
  epoc: e,
  onChange,
  required,
  read,
}: {
  epoc: EpocDraft;
  onChange(patch: Partial<EpocDraft>): void;
  required(key: string): string | null;
  read?: Draft | null;
}) {
  const { t } = useTranslation('epoc');
  const stateName = useStateName();
  const known = EPOC_STATES.includes(e.issuingState as never);
  return (
    <section className="panel" aria-labelledby="sec-epoc">
      <h2 id="sec-epoc">{t('section')}</h2>
      <p className="lead">{t('intro')}</p>
      <div className="grid-2">
        <Sourced draft={read} path="epoc.issuingState">
          <SelectField
            label={t('issuingState')}
            value={e.issuingState}
            onChange={(ev) => onChange({ issuingState: ev.target.value })}
            aria-invalid={required('epocIssuingState') ? true : undefined}
          >
            <option value="">—</option>
            {!known && e.issuingState && (
              <option value={e.issuingState}>
                {stateName(e.issuingState)} — {t('notBound')}
              </option>
            )}
            {EPOC_STATES.map((s) => (
              <option key={s} value={s}>
                {stateName(s)}
              </option>
            ))}
          </SelectField>
          {required('epocIssuingState') && (
            <p className="field__error">{required('epocIssuingState')}</p>
          )}
        </Sourced>
        <Sourced draft={read} path="epoc.addressee">
          <Field
            label={t('addressee')}
            hint={t('addresseeHint')}
            hintBelow
            value={e.addressee}
            onChange={(ev) => onChange({ addressee: ev.target.value })}
            error={required('epocAddressee')}
          />
        </Sourced>
      </div>
      <fieldset>
        <legend>{t('issuingAuthority')}</legend>
        <EpocAuthorityFields
          prefix="epocIssuer"
          path="epoc.issuingAuthority"
          value={e.issuer}
          onChange={(patch) => onChange({ issuer: { ...e.issuer, ...patch } })}
          required={required}
          read={read}
        />
      </fieldset>
      <fieldset>
        <legend>{t('validation')}</legend>
        {VALIDATION_CHOICES.map((v) => (
          <label key={v} className="check">
            <input
              type="radio"
              name="epoc-validation"
              checked={e.validation === v}
              onChange={() => onChange({ validation: v })}
            />{' '}
            {t(`validationOption.${v}`)}
          </label>
        ))}
        {read && <SourceNote draft={read} path="epoc.noValidationReason" />}
        {e.validation === 'validated' && (
          <EpocAuthorityFields
            prefix="epocValidator"
            path="epoc.validatingAuthority"
            value={e.validator}
            onChange={(patch) => onChange({ validator: { ...e.validator, ...patch } })}
            required={required}
            read={read}
          />
        )}
      </fieldset>
      <Sourced draft={read} path="epoc.deadline">
        <SelectField
          label={t('deadline')}
          value={e.deadline}
          onChange={(ev) => onChange({ deadline: ev.target.value as EpocDraft['deadline'] })}
        >
          {optionsOf(EPOC_DEADLINES, (d) => t(`deadlineOption.${d}`))}
        </SelectField>
      </Sourced>
      <fieldset
        className="checks-grid"
        aria-describedby={required('epocCategories') ? 'epoc-cat-error' : undefined}
      >
        <legend>{t('categories')}</legend>
        {EPOC_CATEGORIES.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={e.categories.includes(c)}
              onChange={(ev) =>
                onChange({
                  categories: ev.target.checked
                    ? [...e.categories, c]
                    : e.categories.filter((x) => x !== c),
                })
              }
            />{' '}
            {t(`category.${c}`)}
          </label>
        ))}
      </fieldset>
      {read && <SourceNote draft={read} path="epoc.categories" />}
      {required('epocCategories') && (
        <p className="field__error" id="epoc-cat-error">
          {t('chooseCategory')}
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={e.enforcingStateNotified}
          onChange={(ev) => onChange({ enforcingStateNotified: ev.target.checked })}
        />{' '}
        {t('enforcingStateNotified')}
      </label>
    </section>
  );
}
