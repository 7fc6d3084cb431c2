import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { desk, unwrap } from '../../../api';
import { Field } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { PassphrasePair, useNewPassphrase } from '../../../components/PassphrasePair';
import { useCheckedSubmit } from '../../../hooks/useCheckedSubmit';
import { useProblemText } from '../../../hooks/useProblemText';
import { useFocusOnArrival } from '../arrival';
import { requiredProblem, type Problems } from '../../../components/validation';

type Key = 'current' | 'passphrase' | 'repeat';

/** The signed-in user changes their own passphrase (rewraps their key slot). */
export function OwnPassphraseForm() {
  const { t } = useTranslation('users');
  const text = useProblemText();
  const { form, problems, error, busy, done, submit: checkedSubmit } = useCheckedSubmit<Key>();
  const [current, setCurrent] = useState('');
  const pair = useNewPassphrase();
  const heading = useFocusOnArrival('own-pass-heading', true);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Problems<Key> = {
      current: requiredProblem(current),
      ...pair.problems(),
    };
    await checkedSubmit(
      found,
      async () => {
        unwrap(await desk.users.changeOwnPassphrase({ current, next: pair.passphrase }));
        return true;
      },
      () => {
        setCurrent('');
        pair.clear();
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="own-pass-heading">
      <h2 id="own-pass-heading" ref={heading} tabIndex={-1}>
        {t('ownPassphrase.title')}
      </h2>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('ownPassphrase.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={text(problems.current)}
        />
        <PassphrasePair label={t('ownPassphrase.next')} {...pair.fields} problems={problems} />
        <FormFooter
          error={error}
          status={done ? t('ownPassphrase.done') : null}
          busy={busy}
          submit={t('ownPassphrase.submit')}
        />
      </form>
    </section>
  );
}
