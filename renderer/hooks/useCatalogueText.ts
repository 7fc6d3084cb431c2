import { useTranslation } from 'react-i18next';

/**
 * Names of the seeded catalogue entries in the UI language, found by their stable code (the
 * seed stores one language, partly English); an entry an admin added is shown as stored.
 */
export function useCatalogueText() {
  const { t, i18n } = useTranslation('catalogue');
  const word = (kind: 'authority' | 'basis', code: string, stored: string): string => {
    const key = `seeded.${kind}.${code}`;
    return i18n.exists(key, { ns: 'catalogue' })
      ? (t as unknown as (k: string) => string)(key)
      : stored;
  };
  return {
    authorityName: (a: { code: string; name: string }) => word('authority', a.code, a.name),
    basisName: (b: { code: string; shortName: string }) => word('basis', b.code, b.shortName),
  };
}
