import { useTranslation } from 'react-i18next';
import { VERIFICATION_METHODS } from '../../../../shared/schemas/terms';
import type { Verification } from '../../../../shared/schemas/requests';
import { DateTimeField } from '../../../components/DateTimeField';
import { Field, optionsOf, SelectField } from '../../../components/Field';

/** How the requester was verified: method, by whom, when, a note (logging form and detail page). */
export function VerificationFields({
  value: v,
  onChange,
}: {
  value: Verification;
  onChange(patch: Partial<Verification>): void;
}) {
  const { t } = useTranslation('requests');
  return (
    <div className="grid-2">
      <SelectField
        label={t('form.method')}
        value={v.method}
        onChange={(e) => onChange({ method: e.target.value as Verification['method'] })}
      >
        {optionsOf(VERIFICATION_METHODS, (m) => t(`verification.${m}`))}
      </SelectField>
      <Field label={t('form.by')} value={v.by} onChange={(e) => onChange({ by: e.target.value })} />
      <DateTimeField label={t('form.at')} value={v.at} onChange={(at) => onChange({ at })} />
      <Field
        label={t('form.note')}
        value={v.note ?? ''}
        onChange={(e) => onChange({ note: e.target.value })}
      />
    </div>
  );
}
