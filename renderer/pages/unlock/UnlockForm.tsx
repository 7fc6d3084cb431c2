import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/schemas/common';
import { desk, unwrap, type DeskCallError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, UserNameField } from '../../components/Field';
import { requiredProblem, userNameProblem } from '../../components/validation';
import { useCheckedSubmit } from '../../hooks/useCheckedSubmit';
import { useProblemText } from '../../hooks/useProblemText';

/** What the core says about repeated failures (details of BAD_CREDENTIALS). */
function failureInfo(error: DeskCallError | null): { attempts: number; delayMs: number } | null {
  const d = error?.details as { attempts?: unknown; delayMs?: unknown } | undefined;
  if (!d || typeof d.attempts !== 'number' || typeof d.delayMs !== 'number') return null;
  return { attempts: d.attempts, delayMs: d.delayMs };
}

/** Next delay, the same rule the core applies: none for two failures, then 1, 2, 4 … 30 s. */
const nextDelaySeconds = (attempts: number) =>
  attempts + 1 <= 2 ? 0 : Math.min(30, 2 ** (attempts + 1 - 3));

export function UnlockForm({
  onUnlocked,
  initialUser,
}: {
  onUnlocked(user: SessionUser): void;
  initialUser?: string;
}) {
  const { t } = useTranslation('vault');
  const text = useProblemText();
  const { form, problems, check, error, busy, run } = useCheckedSubmit<'userName' | 'passphrase'>();
  const passField = useRef<HTMLInputElement>(null);
  const [userName, setUserName] = useState(initialUser ?? '');
  const [passphrase, setPassphrase] = useState('');
  const failures = failureInfo(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = {
      userName: userNameProblem(userName),
      passphrase: requiredProblem(passphrase),
    };
    // Unlike the other forms, a failed attempt stays shown while a field is missing: its count
    // and delay still hold.
    if (!check(found)) return;
    const unlocked = await run(
      async () => {
        onUnlocked(unwrap(await desk.vault.unlock({ userName: userName.trim(), passphrase })));
      },
      () => setPassphrase(''),
    );
    if (!unlocked) passField.current?.focus();
  }

  return (
    <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
      <UserNameField
        label={t('unlock.userName')}
        value={userName}
        onChange={(e) => setUserName(e.target.value)}
        error={text(problems.userName)}
        autoFocus={!initialUser}
      />
      <Field
        ref={passField}
        label={t('unlock.passphrase')}
        type="password"
        autoComplete="current-password"
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        error={text(problems.passphrase)}
      />
      <ErrorAlert error={error}>
        {failures && failures.attempts >= 2 && (
          <p>
            {t('unlock.failedAttempts', { count: failures.attempts })}{' '}
            {failures.delayMs > 0 &&
              t('unlock.waited', { seconds: Math.round(failures.delayMs / 1000) })}{' '}
            {t('unlock.nextDelay', { seconds: nextDelaySeconds(failures.attempts) })}
          </p>
        )}
      </ErrorAlert>
      {busy && (
        <p className="muted" role="status">
          {t('unlock.checking')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('unlock.submit')}
        </button>
      </div>
    </form>
  );
}
