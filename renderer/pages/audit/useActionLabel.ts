import { useTranslation } from 'react-i18next';

/** A readable description of an action code (`vault.created`), or '' for codes without one. */
export function useActionLabel(): (action: string) => string {
  const { t, i18n } = useTranslation('audit');
  return (action) => {
    const key = `actions.${action}`;
    return i18n.exists(key, { ns: 'audit' }) ? (t as unknown as (k: string) => string)(key) : '';
  };
}
