import { useTranslation } from 'react-i18next';
import type { IntakeWarning } from '../../../../shared/schemas/intake';

/**
 * A warning of the extraction in the UI language, from its code: field names, channels and
 * categories in its parameters are worded too; codes and numbers are shown as they are.
 */
export function WarningText({ warning }: { warning: IntakeWarning }) {
  const { t } = useTranslation(['intake', 'requests']);
  const p: Record<string, string | number> = { ...warning.params };
  if (typeof p.field === 'string')
    p.field = t(`intake:field.${p.field}` as 'intake:field.authority', { defaultValue: p.field });
  if (typeof p.channel === 'string')
    p.channel = t(`requests:channel.${p.channel}` as 'requests:channel.email', {
      defaultValue: p.channel,
    });
  if (typeof p.categories === 'string')
    p.categories = p.categories
      .split(',')
      .map((c) => t(`requests:category.${c}` as 'requests:category.name', { defaultValue: c }))
      .join(', ');
  if (typeof p.others === 'string') p.others = p.others.split(',').join(', ');
  return <>{t(`intake:warning.${warning.code}`, p)}</>;
}
