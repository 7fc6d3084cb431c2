import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { desk, unwrap } from '../../api';
import { Field, UserNameField } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { PassphrasePair, useNewPassphrase } from '../../components/PassphrasePair';
import { useCheckedSubmit } from '../../hooks/useCheckedSubmit';
import { useProblemText } from '../../hooks/useProblemText';
import { requiredProblem, userNameProblem, type Problems } from '../../components/validation';

type Key = 'userName' | 'recoveryKey' | 'passphrase' | 'repeat';

/** An admin who lost their passphrase sets a new one with the recovery key. */
export function RestoreAccessForm({ onRestored }: { onRestored(userName: string): void }) {
  const { t } = useTranslation('vault');
  const text = useProblemText();
  const { form, problems, error, busy, done, submit: checkedSubmit } = useCheckedSubmit<Key>();
  const [userName, setUserName] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const pair = useNewPassphrase();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Problems<Key> = {
      userName: userNameProblem(userName),
      recoveryKey: requiredProblem(recoveryKey),
      ...pair.problems(),
    };
    await checkedSubmit(found, async () => {
      unwrap(
        await desk.vault.restoreAccess({
          userName: userName.trim(),
          recoveryKey: recoveryKey.trim(),
          newPassphrase: pair.passphrase,
        }),
      );
      setRecoveryKey('');
      pair.clear();
      onRestored(userName.trim());
      return true;
    });
  }

  return (
    <form ref={form} onSubmit={submit} noValidate aria-busy={busy} className="subform">
      <p>{t('restore.intro')}</p>
      <UserNameField
        label={t('restore.userName')}
        value={userName}
        onChange={(e) => setUserName(e.target.value)}
        error={text(problems.userName)}
      />
      <Field
        label={t('restore.recoveryKey')}
        hint={t('restore.recoveryKeyHint')}
        value={recoveryKey}
        onChange={(e) => setRecoveryKey(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="field--mono"
        error={text(problems.recoveryKey)}
      />
      <PassphrasePair label={t('restore.newPassphrase')} {...pair.fields} problems={problems} />
      <FormFooter
        error={error}
        status={done ? t('restore.done') : null}
        busy={busy}
        submit={t('restore.submit')}
      />
    </form>
  );
}
