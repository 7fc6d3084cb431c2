import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Role } from '../../../../shared/roles';
import { desk, unwrap } from '../../../api';
import { Field, UserNameField } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { PassphrasePair, useNewPassphrase } from '../../../components/PassphrasePair';
import { useCheckedSubmit } from '../../../hooks/useCheckedSubmit';
import { useProblemText } from '../../../hooks/useProblemText';
import { userNameProblem, type Problems } from '../../../components/validation';
import { arrivalRole } from '../arrival';
import { RoleField } from './RoleField';

type Key = 'name' | 'passphrase' | 'repeat';

/** The role the form offers first: most new users handle requests. */
const NEW_USER_ROLE: Role = 'officer';

/** Adds a user with a role and a first passphrase (which gets its own key slot). */
export function AddUserForm({ onAdded }: { onAdded(): void }) {
  const { t } = useTranslation(['users', 'common']);
  const text = useProblemText();
  const {
    form,
    problems,
    error,
    busy,
    done: added,
    submit: checkedSubmit,
  } = useCheckedSubmit<Key, string>();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  // A first-steps link ("Goedkeurder aanmaken") names the role to offer first.
  const { state } = useLocation();
  const [role, setRole] = useState<Role>(() => arrivalRole(state) ?? NEW_USER_ROLE);
  const pair = useNewPassphrase();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Problems<Key> = {
      name: userNameProblem(name),
      ...pair.problems(),
    };
    await checkedSubmit(found, async () => {
      const user = unwrap(
        await desk.users.add({
          name: name.trim(),
          displayName: displayName.trim() || undefined,
          role,
          passphrase: pair.passphrase,
        }),
      );
      setName('');
      setDisplayName('');
      pair.clear();
      setRole(NEW_USER_ROLE);
      onAdded();
      return user.name;
    });
  }

  return (
    <form ref={form} onSubmit={submit} noValidate aria-busy={busy} className="subform">
      <h3>{t('add.title')}</h3>
      <div className="grid-2">
        <UserNameField
          label={t('add.name')}
          hint={t('add.nameHint')}
          hintBelow
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          error={text(problems.name)}
        />
        <Field
          label={t('add.displayName')}
          hint={t('add.displayNameHint')}
          hintBelow
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          autoComplete="off"
        />
      </div>
      <RoleField
        label={t('add.role')}
        hint={t(`roleHelp.${role}`)}
        value={role}
        onChange={setRole}
      />
      <PassphrasePair label={t('add.passphrase')} {...pair.fields} problems={problems} />
      <FormFooter
        error={error}
        status={added ? t('add.done', { name: added }) : null}
        busy={busy}
        submit={t('add.submit')}
      />
    </form>
  );
}
