import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useSession } from '../../session/SessionProvider';

/**
 * "Open demo vault" on the first-run and unlock screens, so a new user can try the desk at once;
 * on the demo's own unlock screen: its sign-in (synthetic data only) and the way back.
 */
export function DemoSwitch({ onPickUser }: { onPickUser?: (name: string) => void }) {
  const { t } = useTranslation('vault');
  const { t: tc } = useTranslation('common');
  const { state, refresh } = useSession();
  const navigate = useNavigate();
  const action = useDeskAction();
  const { busy, error } = action;
  if (!state?.demoAvailable) return null;

  const run = (call: () => Promise<unknown>, to: string) =>
    action.run(async () => {
      await call();
      await refresh();
      navigate(to, { replace: true });
    });

  if (state.demo) {
    return (
      <section className="demo-switch" aria-labelledby="demo-switch-title">
        <h2 id="demo-switch-title">{t('demo.title')}</h2>
        {state.demoSignIn && (
          <p>
            {t('demo.signIn', {
              user: state.demoSignIn.userName,
              passphrase: state.demoSignIn.passphrase,
            })}
          </p>
        )}
        {state.demoSignIn && (
          <>
            <h3 id="demo-users-title">{t('demo.usersTitle')}</h3>
            <p className="muted">{t('demo.usersNote')}</p>
            <ul className="demo-users" aria-labelledby="demo-users-title">
              {state.demoSignIn.users.map((u) => (
                <li key={u.name}>
                  <button
                    type="button"
                    className="btn btn--link"
                    onClick={() => onPickUser?.(u.name)}
                    aria-label={t('demo.pickUser', { user: u.name, role: tc(`roles.${u.role}`) })}
                  >
                    <code>{u.name}</code>
                  </button>{' '}
                  — {tc(`roles.${u.role}`)}
                </li>
              ))}
            </ul>
          </>
        )}
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => run(async () => unwrap(await desk.vault.leaveDemo({})), '/')}
        >
          {t('demo.leave')}
        </button>
        <ErrorAlert error={error} />
      </section>
    );
  }

  return (
    <section className="demo-switch" aria-labelledby="demo-switch-title">
      <h2 id="demo-switch-title">{t('demo.tryTitle')}</h2>
      <p className="muted">{t('demo.explain')}</p>
      <button
        type="button"
        className="btn"
        disabled={busy}
        aria-busy={busy}
        onClick={() => run(async () => unwrap(await desk.vault.openDemo({})), '/unlock')}
      >
        {busy ? t('demo.opening') : t('demo.open')}
      </button>
      <ErrorAlert error={error} />
    </section>
  );
}
