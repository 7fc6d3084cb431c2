import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueLegalBasis } from '../../../../shared/schemas/catalogue';
import {
  DATA_CATEGORIES,
  ISSUER_FUNCTIONS,
  BasisAction,
  type DataCategory,
  type IssuerFunction,
} from '../../../../shared/schemas/terms';
import { DayField } from '../../../components/DayField';
import { CheckField, Field, optionsOf, SelectField } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { localToday } from '../../../components/format';
import type { DeskCallError } from '../../../api';
import { CATALOGUE_REASONS } from './catalogue-reasons';

export type BasisValues = Omit<CatalogueLegalBasis, 'requestCount'>;

export const EMPTY_BASIS: BasisValues = {
  code: '',
  article: '',
  shortName: '',
  issuers: [],
  categories: [],
  action: 'HANDLE',
  versionDate: localToday(),
  validFrom: null,
  validUntil: null,
  requiresRcAuthorisation: false,
  unverified: false,
  note: '',
  active: true,
};

function CheckGroup<T extends string>({
  legend,
  options,
  chosen,
  label,
  onChange,
  error,
  name,
}: {
  legend: string;
  options: readonly T[];
  chosen: T[];
  label: (o: T) => string;
  onChange: (next: T[]) => void;
  error: string | null;
  name: string;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      <div className="catalogue-checks">
        {options.map((o) => (
          <label key={o}>
            <input
              type="checkbox"
              name={name}
              value={o}
              checked={chosen.includes(o)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? options.filter((x) => x === o || chosen.includes(x))
                    : chosen.filter((x) => x !== o),
                )
              }
            />
            {label(o)}
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The fields of a legal basis, for adding one (with a code) or editing one (with active). */
export function LegalBasisForm({
  initial,
  mode,
  busy,
  error,
  done,
  submitLabel,
  onSubmit,
  extraActions,
}: {
  initial: BasisValues;
  mode: 'add' | 'edit';
  busy: boolean;
  error: DeskCallError | null;
  done: string | null;
  submitLabel: string;
  onSubmit: (values: BasisValues) => void;
  extraActions?: React.ReactNode;
}) {
  const { t } = useTranslation(['catalogue', 'requests']);
  const [v, setV] = useState<BasisValues>(initial);
  const [tried, setTried] = useState(false);
  const set = <K extends keyof BasisValues>(k: K, value: BasisValues[K]) =>
    setV((prev) => ({ ...prev, [k]: value }));
  const id = `basis-${mode}-${initial.code || 'new'}`;
  const required = (s: string) => (tried && !s.trim() ? t('catalogue:contacts.required') : null);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (
      (mode === 'add' && !v.code.trim()) ||
      !v.article.trim() ||
      !v.shortName.trim() ||
      v.issuers.length === 0 ||
      v.categories.length === 0 ||
      !v.versionDate
    )
      return;
    onSubmit(v);
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy}>
      <div className="grid-2">
        {mode === 'add' && (
          <Field
            label={t('catalogue:bases.code')}
            hint={t('catalogue:bases.codeHint')}
            hintBelow
            value={v.code}
            required
            onChange={(e) => set('code', e.target.value)}
            error={required(v.code)}
            className="field--mono"
          />
        )}
        <Field
          label={t('catalogue:bases.article')}
          value={v.article}
          required
          onChange={(e) => set('article', e.target.value)}
          error={required(v.article)}
        />
        <Field
          label={t('catalogue:bases.shortName')}
          value={v.shortName}
          required
          onChange={(e) => set('shortName', e.target.value)}
          error={required(v.shortName)}
        />
        <SelectField
          label={t('catalogue:bases.action')}
          value={v.action}
          onChange={(e) => set('action', e.target.value as BasisAction)}
        >
          {optionsOf(BasisAction.options, (a) => t(`catalogue:bases.actions.${a}`))}
        </SelectField>
      </div>
      <CheckGroup<DataCategory>
        name={`${id}-categories`}
        legend={t('catalogue:bases.categories')}
        options={DATA_CATEGORIES}
        chosen={v.categories}
        label={(c) => t(`requests:category.${c}`)}
        onChange={(next) => set('categories', next)}
        error={tried && v.categories.length === 0 ? t('catalogue:bases.pickOne') : null}
      />
      <CheckGroup<IssuerFunction>
        name={`${id}-issuers`}
        legend={t('catalogue:bases.issuers')}
        options={ISSUER_FUNCTIONS}
        chosen={v.issuers}
        label={(f) => t(`requests:function.${f}`)}
        onChange={(next) => set('issuers', next)}
        error={tried && v.issuers.length === 0 ? t('catalogue:bases.pickOne') : null}
      />
      <div className="catalogue-row">
        <DayField
          label={t('catalogue:bases.versionDate')}
          value={v.versionDate}
          onChange={(day) => set('versionDate', day)}
          error={required(v.versionDate)}
        />
        <DayField
          label={t('catalogue:bases.validFrom')}
          value={v.validFrom ?? ''}
          onChange={(day) => set('validFrom', day || null)}
        />
        <DayField
          label={t('catalogue:bases.validUntil')}
          value={v.validUntil ?? ''}
          onChange={(day) => set('validUntil', day || null)}
        />
      </div>
      <CheckField
        id={`${id}-rc`}
        label={t('catalogue:bases.requiresRc')}
        checked={v.requiresRcAuthorisation}
        onChange={(checked) => set('requiresRcAuthorisation', checked)}
      />
      <CheckField
        id={`${id}-unverified`}
        label={t('catalogue:bases.unverified')}
        checked={v.unverified}
        onChange={(checked) => set('unverified', checked)}
      />
      {mode === 'edit' && (
        <CheckField
          id={`${id}-active`}
          label={t('catalogue:bases.activeLabel')}
          checked={v.active}
          onChange={(checked) => set('active', checked)}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('catalogue:bases.note')}</label>
        <textarea
          id={`${id}-note`}
          className="catalogue-textarea"
          value={v.note}
          onChange={(e) => set('note', e.target.value)}
        />
      </div>
      <FormFooter
        error={error}
        showReason={CATALOGUE_REASONS}
        status={done}
        busy={busy}
        submit={submitLabel}
      >
        {extraActions}
      </FormFooter>
    </form>
  );
}
