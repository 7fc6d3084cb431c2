import { useTranslation } from 'react-i18next';
import { AUTHORITY_KINDS } from '../../../../shared/schemas/catalogue';
import { optionsOf, SelectField } from '../../../components/Field';

export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

/** The kind of an authority (police, KMar, special investigation service …). */
export function AuthorityKindField({
  value,
  onChange,
}: {
  value: AuthorityKind;
  onChange(kind: AuthorityKind): void;
}) {
  const { t } = useTranslation('catalogue');
  return (
    <SelectField
      label={t('authorities.kind')}
      value={value}
      onChange={(e) => onChange(e.target.value as AuthorityKind)}
    >
      {optionsOf(AUTHORITY_KINDS, (k) => t(`authorities.kinds.${k}`))}
    </SelectField>
  );
}
