import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/roles';
import type { UserRecord } from '../../../../shared/schemas/users';
import { desk, unwrap } from '../../../api';
import { ErrorAlert, StatusMessage } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { passphraseProblem } from '../../../components/validation';
import { useDeskAction } from '../../../hooks/useDeskAction';
import { useProblemText } from '../../../hooks/useProblemText';
import { useSession } from '../../../session/SessionProvider';
import { RoleField } from './RoleField';

type Mode = 'idle' | 'disable' | 'role' | 'enable' | 'reset';

/** What an admin can do with an active account, in this order. */
const ACTIVE_USER_ACTIONS = [
  ['role', 'users.changeRole'],
  ['reset', 'users.resetPassphrase'],
  ['disable', 'users.disable'],
] as const satisfies readonly (readonly [Mode, string])[];

/** Admin actions on one user: disable / enable (new passphrase), change role, new passphrase. */
export function UserActions({ user, onChanged }: { user: UserRecord; onChanged(): void }) {
  const { t } = useTranslation(['ops', 'common']);
  const text = useProblemText();
  const me = useSession().state?.user?.name;
  const [mode, setMode] = useState<Mode>('idle');
  const [role, setRole] = useState<Role>(user.role);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof passphraseProblem>>(null);
  const action = useDeskAction();
  const { busy, error, done } = action;
  const name = user.name;

  if (name === me) return <span className="muted">{t('users.you')}</span>;

  const open = (m: Mode) => {
    setMode(m);
    action.reset();
    setPassphrase('');
    setProblem(null);
    setRole(user.role);
  };

  /** Runs a change; on success says `message`, closes the form and has the list reloaded. */
  const run = (change: () => Promise<unknown>, message: string) =>
    action.run(async () => {
      await change();
      setMode('idle');
      onChanged();
      return message;
    });

  function submitPassphrase(e: FormEvent) {
    e.preventDefault();
    const p = passphraseProblem(passphrase);
    setProblem(p);
    if (p) return;
    void (mode === 'enable'
      ? run(
          async () => unwrap(await desk.users.enable({ name, passphrase })),
          t('users.done.enabled', { name }),
        )
      : run(
          async () => unwrap(await desk.users.resetPassphrase({ name, passphrase })),
          t('users.done.reset', { name }),
        ));
  }

  return (
    <div className="user-actions">
      {mode === 'idle' && (
        <div className="actions" role="group" aria-label={t('users.actionsFor', { name })}>
          {user.disabled ? (
            <button type="button" className="btn btn--small" onClick={() => open('enable')}>
              {t('users.enable')}
            </button>
          ) : (
            ACTIVE_USER_ACTIONS.map(([m, label]) => (
              <button key={m} type="button" className="btn btn--small" onClick={() => open(m)}>
                {t(label)}
              </button>
            ))
          )}
        </div>
      )}
      {mode === 'disable' && (
        <div className="subform">
          <p>{t('users.confirmDisable', { name })}</p>
          <div className="actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy}
              onClick={() =>
                void run(
                  async () => unwrap(await desk.users.disable({ name })),
                  t('users.done.disabled', { name }),
                )
              }
            >
              {t('users.disable')}
            </button>
            <button type="button" className="btn" onClick={() => setMode('idle')}>
              {t('users.cancel')}
            </button>
          </div>
        </div>
      )}
      {mode === 'role' && (
        <form
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              async () => unwrap(await desk.users.changeRole({ name, role })),
              t('users.done.role', { name, role: t(`common:roles.${role}`) }),
            );
          }}
        >
          <RoleField label={t('users.newRole', { name })} value={role} onChange={setRole} />
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t('users.save')}
            </button>
            <button type="button" className="btn" onClick={() => setMode('idle')}>
              {t('users.cancel')}
            </button>
          </div>
        </form>
      )}
      {(mode === 'enable' || mode === 'reset') && (
        <form className="subform" onSubmit={submitPassphrase} noValidate>
          <Field
            label={t('users.newPassphraseFor', { name })}
            hint={t('users.newPassphraseHint')}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={problem ? text(problem) : null}
          />
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {mode === 'enable' ? t('users.enable') : t('users.save')}
            </button>
            <button type="button" className="btn" onClick={() => setMode('idle')}>
              {t('users.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorAlert error={error} showReason={['CONFLICT']} />
      <StatusMessage>{done}</StatusMessage>
    </div>
  );
}
