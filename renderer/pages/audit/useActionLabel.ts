import { useTranslation } from 'react-i18next';

/** The domain of an action code (`request.matched` → `request`), the filter's groups. */
export const actionGroup = (action: string): string => action.split('.')[0] ?? action;

/**
 * A readable description of an action code (`vault.created` → "kluis aangemaakt") in the UI
 * language; a code without one (written by a newer version) is shown as it is.
 */
export function useActionLabel(): (action: string) => string {
  const { t, i18n } = useTranslation('audit');
  return (action) => {
    const key = `actions.${action}`;
    const text = i18n.exists(key, { ns: 'audit' })
      ? (t as unknown as (k: string, o?: object) => unknown)(key, { returnObjects: true })
      : undefined;
    return typeof text === 'string' ? text : action;
  };
}

/** The name of an action group (`request` → "Verzoeken"), or the group code itself. */
export function useActionGroupLabel(): (group: string) => string {
  const { t, i18n } = useTranslation('audit');
  return (group) => {
    const key = `actionGroups.${group}`;
    return i18n.exists(key, { ns: 'audit' }) ? (t as unknown as (k: string) => string)(key) : group;
  };
}
