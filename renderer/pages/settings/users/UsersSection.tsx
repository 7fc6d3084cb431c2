import { useTranslation } from 'react-i18next';
import { desk, unwrap } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { Table } from '../../../components/Table';
import { useDeskData } from '../../../hooks/useDeskData';
import { useFocusOnArrival } from '../arrival';
import { UserActions } from './UserActions';
import { AddUserForm } from './AddUserForm';

/** Users of this vault (admins only): the list and a form to add one. */
export function UsersSection() {
  const { t, i18n } = useTranslation(['users', 'common', 'ops']);
  const {
    data: users,
    error,
    reload,
  } = useDeskData(async () => unwrap(await desk.users.list({})), []);
  const heading = useFocusOnArrival('users-heading', users !== null || error !== null);

  return (
    <section className="panel" aria-labelledby="users-heading">
      <h2 id="users-heading" ref={heading} tabIndex={-1}>
        {t('title')}
      </h2>
      <ErrorAlert error={error} />
      {users && (
        <Table
          caption={t('tableCaption')}
          columns={[
            t('name'),
            t('displayName'),
            t('role'),
            t('createdAt'),
            t('status'),
            t('ops:users.actions'),
          ]}
        >
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
                <UserActions user={u} onChanged={() => void reload()} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <AddUserForm onAdded={() => void reload()} />
    </section>
  );
}
