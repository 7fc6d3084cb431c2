import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, type UiLanguage } from './namespaces';
import { RESOURCES } from './resources';

export const LANGUAGE_STORAGE_KEY = 'naw-desk.language';

const isLanguage = (v: unknown): v is UiLanguage =>
  typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

/** The language remembered on this workstation, if any. */
export function storedLanguage(): UiLanguage | null {
  try {
    const v = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

/** Switches the UI language and remembers it on this workstation. */
export async function setLanguage(language: UiLanguage, instance: i18n = i18next): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable; the switch still applies for this session.
  }
  await instance.changeLanguage(language);
}

/** Initialises i18next synchronously with all bundled resources. Dutch unless remembered otherwise. */
export function initI18n(language: UiLanguage = storedLanguage() ?? DEFAULT_LANGUAGE): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: RESOURCES,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const syncLang = (lng: string) => {
    document.documentElement.lang = lng;
  };
  syncLang(instance.language);
  instance.on('languageChanged', syncLang);
  return instance;
}
