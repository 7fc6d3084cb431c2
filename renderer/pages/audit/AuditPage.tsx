import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../shared/schemas/audit';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useDeskData } from '../../hooks/useDeskData';
import { AuditDetail } from './AuditDetail';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { EMPTY_FILTERS, PAGE_SIZE, toListInput, type AuditFilterValues } from './filters';
import { VerifyChain } from './VerifyChain';
import { AuditExportPanel } from './AuditExportPanel';

/** The audit log: filter, page through, open an event, verify the hash chain. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_FILTERS);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<AuditEvent | null>(null);
  const log = useDeskData(
    async () => unwrap(await desk.audit.list(toListInput(filters, offset))),
    [filters, offset],
  );
  const page = log.data;

  const total = page?.total ?? 0;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + PAGE_SIZE, total);

  return (
    <Page title={t('title')}>
      <p className="lead">{t('intro')}</p>
      <VerifyChain onVerified={() => void log.reload()} />
      <AuditExportPanel onExported={() => void log.reload()} />
      <section className="panel" aria-labelledby="events-heading">
        <h2 id="events-heading">{t('events')}</h2>
        <AuditFilters
          initial={filters}
          onApply={(f) => {
            setFilters(f);
            setOffset(0);
            setSelected(null);
          }}
        />
        <ErrorAlert error={log.error} />
        <p className="result-count" role="status" aria-live="polite">
          {page && (total === 0 ? t('none') : t('range', { first, last, total }))}
        </p>
        {page && page.events.length > 0 && (
          <AuditTable
            events={page.events}
            selected={selected?.seq ?? null}
            onSelect={setSelected}
          />
        )}
        <nav className="pager" aria-label={t('pager.label')}>
          <button
            type="button"
            className="btn"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t('pager.newer')}
          </button>
          <button
            type="button"
            className="btn"
            disabled={offset + PAGE_SIZE >= total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            {t('pager.older')}
          </button>
        </nav>
      </section>
      {selected && (
        <AuditDetail
          event={selected}
          onClose={() => {
            const seq = selected.seq;
            setSelected(null);
            // Back to the row the detail was opened from.
            requestAnimationFrame(() =>
              document.querySelector<HTMLElement>(`[data-seq="${seq}"]`)?.focus(),
            );
          }}
        />
      )}
    </Page>
  );
}
