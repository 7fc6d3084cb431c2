import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../../shared/schemas/users';
import { asDeskError, desk, unwrap, type DeskCallError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { UserActions } from './UserActions';
import { AddUserForm } from './AddUserForm';

/** Users of this vault (admins only): the list and a form to add one. */
export function UsersSection() {
  const { t, i18n } = useTranslation(['users', 'common', 'ops']);
  const [users, setUsers] = useState<UserRecord[] | null>(null);
  const [error, setError] = useState<DeskCallError | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(unwrap(await desk.users.list({})));
      setError(null);
    } catch (e) {
      setError(asDeskError(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('title')}</h2>
      <ErrorAlert error={error} />
      {users && (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t('tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('displayName')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('createdAt')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('ops:users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <code>{u.name}</code>
                  </td>
                  <td>{u.displayName}</td>
                  <td>{t(`common:roles.${u.role}`)}</td>
                  <td>{formatDateTime(u.createdAt, i18n.language)}</td>
                  <td>{u.disabled ? t('disabled') : t('active')}</td>
                  <td>
                    <UserActions user={u} onChanged={() => void load()} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddUserForm onAdded={() => void load()} />
    </section>
  );
}
