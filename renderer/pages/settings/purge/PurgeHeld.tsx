import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PurgeHold } from '../../../../shared/schemas/holds';
import { formatDate } from '../../../components/format';
import { Table } from '../../../components/Table';
import { useHeldText } from '../../requests/held-text';

/**
 * What the purge leaves for a preservation hold: per request its hold, what it keeps (counts
 * only) and until when, and how many customers due by the retention rule stay for it.
 */
export function PurgeHeld({ held }: { held: PurgeHold[] }) {
  const { t, i18n } = useTranslation('holds');
  const heldText = useHeldText();
  return (
    <section aria-labelledby="purge-held-heading" className="purge-held">
      <h3 id="purge-held-heading">{t('purge.title')}</h3>
      {held.length === 0 ? (
        <p>{t('purge.none')}</p>
      ) : (
        <>
          <p>{t('purge.intro')}</p>
          <Table
            region={{ labelledBy: 'purge-held-heading' }}
            testId="purge-held"
            caption={t('purge.title')}
            columns={[
              t('purge.request'),
              t('purge.state'),
              t('purge.until'),
              t('purge.held'),
              { label: t('purge.kept'), num: true },
            ]}
          >
            {held.map((h) => (
              <tr key={h.registerNo}>
                <th scope="row">
                  <Link to={`/requests/${h.registerNo}`}>{h.registerNo}</Link>
                </th>
                <td>{t(`state.${h.state}`)}</td>
                <td>{h.until ? formatDate(h.until, i18n.language) : t('purge.untilProduction')}</td>
                <td>{heldText(h.held)}</td>
                <td className="num">{h.customersKept}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}
