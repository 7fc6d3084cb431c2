import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../../api';
import { useCan } from '../../../session/SessionProvider';

/**
 * "Offered at start-up when due": for admins, a notice when data is past its retention period,
 * linking to the purge preview. Silent for other roles and when nothing is due.
 */
export function PurgeDueNotice() {
  const { t } = useTranslation('ops');
  const admin = useCan()('settings.manage');
  const [due, setDue] = useState(0);
  useEffect(() => {
    if (!admin) return;
    void desk.ops.purgeDue({}).then((r) => setDue(r.ok ? r.data.total : 0));
  }, [admin]);
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
