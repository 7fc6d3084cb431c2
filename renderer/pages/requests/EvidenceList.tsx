import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../shared/schemas/matching';
import { formatDateTime } from '../../components/format';

/**
 * The records a match rests on, worded for the officer: what kind of record (a number or IP
 * assignment, a customer's NAW data), whose, when it held, and the import it came from with the
 * file's SHA-256, so the answer can be traced back to the delivered file. The record number stays
 * for an auditor who looks it up in the vault.
 */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  const { t, i18n } = useTranslation('requests');
  const when = (iso: string | null) =>
    iso ? formatDateTime(iso, i18n.language) : t('detail.open');
  return (
    <details className="evidence">
      <summary>{t('detail.evidence')}</summary>
      <ul>
        {evidence.map((e) => (
          <li key={`${e.table}-${e.id}`}>
            {t(`evidence.${e.table}`, {
              identifier: e.identifier,
              customer: e.customerId,
              from: when(e.validFrom),
              to: when(e.validTo),
            })}
            <div className="muted">
              {e.importId === null
                ? t('evidence.notImported', { id: e.id })
                : t('evidence.source', {
                    importId: e.importId,
                    file: e.importFile ?? t('evidence.unknownFile'),
                    at: when(e.importedAt),
                    id: e.id,
                  })}
              {e.importSha256 && (
                <>
                  {' '}
                  {t('evidence.sha256')} <code className="evidence__hash">{e.importSha256}</code>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
