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
import type { UiLanguage } from '../../i18n/namespaces';

type Key = 'orgName' | 'adminName' | 'passphrase' | 'repeat';

/** First run, step 1: organisation, first admin and passphrase. Creates the vault. */
export function SetupForm({ onCreated }: { onCreated(recoveryKey: string): void }) {
  const { t, i18n } = useTranslation('vault');
  const text = useProblemText();
  const { form, problems, error, busy, submit: checkedSubmit } = useCheckedSubmit<Key>();
  const [orgName, setOrgName] = useState('');
  const [adminName, setAdminName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const pair = useNewPassphrase();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Problems<Key> = {
      orgName: requiredProblem(orgName),
      adminName: userNameProblem(adminName),
      ...pair.problems(),
    };
    await checkedSubmit(found, async () => {
      const created = unwrap(
        await desk.vault.create({
          orgName: orgName.trim(),
          adminName: adminName.trim(),
          displayName: displayName.trim() || undefined,
          passphrase: pair.passphrase,
          language: (i18n.resolvedLanguage ?? 'nl') as UiLanguage,
        }),
      );
      pair.clear();
      onCreated(created.recoveryKey);
    });
  }

  return (
    <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
      <p className="lead">{t('setup.intro')}</p>
      <fieldset>
        <legend>{t('setup.organisation')}</legend>
        <Field
          label={t('setup.orgName')}
          value={orgName}
          onChange={(e) => setOrgName(e.target.value)}
          autoComplete="organization"
          error={text(problems.orgName)}
        />
      </fieldset>
      <fieldset>
        <legend>{t('setup.firstAdmin')}</legend>
        <UserNameField
          label={t('setup.adminName')}
          hint={t('setup.adminNameHint')}
          value={adminName}
          onChange={(e) => setAdminName(e.target.value)}
          error={text(problems.adminName)}
        />
        <Field
          label={t('setup.displayName')}
          hint={t('setup.displayNameHint')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          autoComplete="name"
        />
        <PassphrasePair {...pair.fields} problems={problems} />
      </fieldset>
      <div className="alert alert--warning">
        <p>{t('setup.lossWarning')}</p>
      </div>
      <FormFooter
        error={error}
        busy={busy}
        submit={busy ? t('setup.creating') : t('setup.create')}
      />
    </form>
  );
}
