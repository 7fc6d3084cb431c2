import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can, type Role } from '../../../shared/roles';
import { desk } from '../../api';
import './shell-notices.css';
import { sectionLink, settingsPath, type SettingsSectionKey } from '../settings/section-list';
import { SETTINGS_CHANGED } from '../settings/settings-events';

/** Asks the core again after sign-in, on every page change, and when a settings form saved. */
function useRecheck(check: () => Promise<void>) {
  const { pathname } = useLocation();
  useEffect(() => {
    void check();
  }, [check, pathname]);
  useEffect(() => {
    const on = () => void check();
    window.addEventListener(SETTINGS_CHANGED, on);
    return () => window.removeEventListener(SETTINGS_CHANGED, on);
  }, [check]);
}

/**
 * The shell's notices: a loud, persistent banner for everyone while four eyes is off, and for
 * admins a notice when data is past its retention period, linking to the purge in Settings.
 * A link opens the section's own route and names its heading; the section focuses it once loaded.
 */
export function ShellNotices({ role }: { role: Role }) {
  const { t } = useTranslation('catalogue');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const admin = can(role, 'settings.manage');
  const [fourEyesOff, setFourEyesOff] = useState(false);
  const [purgeDue, setPurgeDue] = useState(0);
  const goTo = (key: SettingsSectionKey) => {
    const link = sectionLink(key);
    void navigate(link.to, { state: link.state });
  };

  const check = useCallback(async () => {
    const s = await desk.settings.get({});
    setFourEyesOff(s.ok && s.data.fourEyes === false);
    if (admin) {
      const p = await desk.ops.purgeDue({});
      setPurgeDue(p.ok && p.data.due ? p.data.total : 0);
    }
  }, [admin]);
  useRecheck(check);

  // The purge section shows its own notice.
  const showPurge = admin && purgeDue > 0 && pathname !== settingsPath('retention');
  if (!fourEyesOff && !showPurge) return null;
  return (
    <div className="shell-notices">
      {fourEyesOff && (
        <div className="four-eyes-banner" role="alert" data-testid="four-eyes-banner">
          <p>
            <strong>{t('shell.fourEyesOff')}</strong>
            {admin && (
              <>
                {' '}
                <button type="button" className="btn btn--link" onClick={() => goTo('policy')}>
                  {t('shell.fourEyesOffAction')}
                </button>
              </>
            )}
          </p>
        </div>
      )}
      {showPurge && (
        <div
          className="alert alert--warning shell-purge"
          role="status"
          data-testid="shell-purge-due"
        >
          <p>
            {t('shell.purgeDue', { n: purgeDue })}{' '}
            <button type="button" className="btn btn--link" onClick={() => goTo('retention')}>
              {t('shell.purgeDueAction')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
