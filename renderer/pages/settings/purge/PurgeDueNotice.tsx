import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/roles';
import { desk } from '../../../api';
import { useSession } from '../../../session/SessionProvider';

/**
 * "Offered at start-up when due": for admins, a notice when data is past its retention period,
 * linking to the purge preview. Silent for other roles and when nothing is due.
 */
export function PurgeDueNotice() {
  const { t } = useTranslation('ops');
  const role = useSession().state?.user?.role;
  const [due, setDue] = useState(0);
  useEffect(() => {
    if (!role || !can(role, 'settings.manage')) return;
    void desk.ops.purgeDue({}).then((r) => setDue(r.ok ? r.data.total : 0));
  }, [role]);
  if (due === 0) return null;
  return (
    <div className="alert alert--warning" role="status" data-testid="purge-due">
      <p>
        {t('purge.dueNotice', { n: due })}{' '}
        <button
          type="button"
          className="btn btn--link"
          onClick={() => {
            // The app routes by hash, so no #anchor link: scroll to the purge section instead.
            const target = document.getElementById('purge-heading');
            target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }}
        >
          {t('purge.dueAction')}
        </button>
      </p>
    </div>
  );
}
