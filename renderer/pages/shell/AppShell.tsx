import { useCallback, useRef } from 'react';
import type { MouseEvent } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useIdleLock } from '../../session/useIdleLock';
import { useSession } from '../../session/SessionProvider';
import { ShellNotices } from './ShellNotices';
import { Header } from './Header';
import { navFor } from './nav';

/** The signed-in frame: skip link, header, navigation by role, the page, and the idle lock. */
export function AppShell() {
  const { t } = useTranslation();
  const { state, lock } = useSession();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);

  const lockNow = useCallback(
    async (reason: 'manual' | 'idle') => {
      await lock(reason);
      navigate('/unlock', { replace: true });
    },
    [lock, navigate],
  );
  useIdleLock(state?.idleLockMinutes ?? 10, () => void lockNow('idle'));

  if (!state?.user) return null;

  const skip = (e: MouseEvent) => {
    // A plain #main link would change the hash route; move focus instead.
    e.preventDefault();
    main.current?.focus();
  };

  return (
    <div className="shell">
      <a href="#main" className="skip-link" onClick={skip}>
        {t('skipToContent')}
      </a>
      <Header state={state} onLock={() => void lockNow('manual')} />
      <ShellNotices role={state.user.role} />
      <div className="shell__body">
        <nav className="side-nav" aria-label={t('nav.label')}>
          <ul>
            {navFor(state.user.role).map((e) => (
              <li key={e.path}>
                <NavLink to={e.path} className="side-nav__link">
                  {t(`nav.${e.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={main} tabIndex={-1} className="shell__main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
