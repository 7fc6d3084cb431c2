import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { desk, unwrap } from '../../../api';
import { ErrorAlert, StatusMessage } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { PassphrasePair } from '../../../components/PassphrasePair';
import { useCheckedSubmit } from '../../../components/useCheckedSubmit';
import { useProblemText } from '../../../components/useProblemText';
import {
  passphraseProblem,
  repeatProblem,
  requiredProblem,
  type Problems,
} from '../../../components/validation';

type Key = 'current' | 'passphrase' | 'repeat';

/** The signed-in user changes their own passphrase (rewraps their key slot). */
export function OwnPassphraseForm() {
  const { t } = useTranslation('users');
  const text = useProblemText();
  const { form, problems, error, busy, submit: checkedSubmit } = useCheckedSubmit<Key>();
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Problems<Key> = {
      current: requiredProblem(current),
      passphrase: passphraseProblem(passphrase),
      repeat: repeatProblem(passphrase, repeat),
    };
    setDone(false);
    await checkedSubmit(
      found,
      async () => {
        unwrap(await desk.users.changeOwnPassphrase({ current, next: passphrase }));
        setDone(true);
      },
      () => {
        setCurrent('');
        setPassphrase('');
        setRepeat('');
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="own-pass-heading">
      <h2 id="own-pass-heading">{t('ownPassphrase.title')}</h2>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('ownPassphrase.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={text(problems.current)}
        />
        <PassphrasePair
          label={t('ownPassphrase.next')}
          passphrase={passphrase}
          repeat={repeat}
          onPassphrase={setPassphrase}
          onRepeat={setRepeat}
          problems={problems}
        />
        <ErrorAlert error={error} />
        <StatusMessage>{done ? t('ownPassphrase.done') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('ownPassphrase.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
