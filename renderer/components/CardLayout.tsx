import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame for screens without a session (setup, unlock): brand, language switch, one card. */
export function CardLayout({ children, wide }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="card-layout">
      <header className="card-layout__top">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true">
            N
          </span>
          {t('appName')}
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className={`card${wide ? ' card--wide' : ''}`}>
        {children}
      </main>
    </div>
  );
}
