import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import type { VaultState } from '../../../shared/schemas/vault';

/** Organisation, demo banner, who is signed in, language switch and the Lock button. */
export function Header({ state, onLock }: { state: VaultState; onLock(): void }) {
  const { t } = useTranslation();
  const user = state.user;
  return (
    <>
      {state.demo && (
        <div className="demo-banner" role="note">
          <strong>{t('demo.label')}</strong> {t('demo.text')}
        </div>
      )}
      <header className="app-header">
        <div className="app-header__brand">
          <span className="brand__mark" aria-hidden="true">
            N
          </span>
          <span className="brand__name">{t('appName')}</span>
          {state.orgName && <span className="app-header__org">{state.orgName}</span>}
        </div>
        <div className="app-header__tools">
          {user && (
            <p className="app-header__user">
              <span className="sr-only">{t('header.signedInAs')} </span>
              <span className="app-header__user-name">{user.displayName}</span>
              <span className="role-badge">{t(`roles.${user.role}`)}</span>
            </p>
          )}
          <LanguageSwitch />
          <button type="button" className="btn btn--lock" onClick={onLock}>
            <span aria-hidden="true" className="lock-icon" />
            {t('header.lock')}
          </button>
        </div>
      </header>
    </>
  );
}
