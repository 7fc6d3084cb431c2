import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';
import { optionsOf, SelectField } from '../../../components/Field';

/** A choice of role, each named in the UI language. */
export function RoleField({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint?: ReactNode;
  value: Role;
  onChange(role: Role): void;
}) {
  const { t } = useTranslation('common');
  return (
    <SelectField
      label={label}
      hint={hint}
      value={value}
      onChange={(e) => onChange(e.target.value as Role)}
    >
      {optionsOf(ROLES, (r) => t(`roles.${r}`))}
    </SelectField>
  );
}
