import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { LANGUAGES, type UiLanguage } from '../i18n/namespaces';

/** Switches the UI language on this workstation (remembered in local storage). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (i18n.resolvedLanguage ?? i18n.language) as UiLanguage;
  return (
    <div className="lang-switch" role="group" aria-label={t('language.switch')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          className="lang-switch__btn"
          lang={lng}
          aria-pressed={current === lng}
          onClick={() => void setLanguage(lng, i18n)}
        >
          <span aria-hidden="true">{lng.toUpperCase()}</span>
          <span className="sr-only">{t(`language.names.${lng}`)}</span>
        </button>
      ))}
    </div>
  );
}
