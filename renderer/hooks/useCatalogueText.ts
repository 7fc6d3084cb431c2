import { useTranslation } from 'react-i18next';

/**
 * Names of the seeded catalogue entries in the UI language, found by their stable code (the
 * seed stores one language, partly English). Only while the stored text is still one of the
 * entry's known wordings: a name an admin changed, or an entry an admin added, shows as stored.
 */
export function useCatalogueText() {
  const { i18n } = useTranslation('catalogue');
  const word = (kind: 'authority' | 'basis' | 'article', code: string, stored: string): string => {
    const key = `seeded.${kind}.${code}`;
    const known = (lang: string): unknown => i18n.getResource(lang, 'catalogue', key);
    if (stored !== known('nl') && stored !== known('en')) return stored;
    const text = known(i18n.language === 'en' ? 'en' : 'nl');
    return typeof text === 'string' ? text : stored;
  };
  return {
    authorityName: (a: { code: string; name: string }) => word('authority', a.code, a.name),
    basisName: (b: { code: string; shortName: string }) => word('basis', b.code, b.shortName),
    /** The article as cited: Dutch law stays as cited, a seeded English citation is worded. */
    basisArticle: (b: { code: string; article: string }) => word('article', b.code, b.article),
  };
}
