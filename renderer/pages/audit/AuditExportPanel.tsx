import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Witness } from '../../../shared/schemas/audit';
import { desk, hostKind, unwrap } from '../../api';
import { downloadFile, saveTarget } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDeskAction } from '../../hooks/useDeskAction';

/** Audit page: export the whole log (CSV/JSON with hashes) and the chain head as a witness. */
export function AuditExportPanel({ onExported }: { onExported?(): void }) {
  const { t } = useTranslation('ops');
  const [witness, setWitness] = useState<Witness | null>(null);
  const { busy, error, done: message, run } = useDeskAction({ quietCancel: true });

  /** Runs an export; the audit list is reloaded after it, since exporting is audited too. */
  const act = (work: () => Promise<string | void>) =>
    run(async () => {
      const said = await work();
      onExported?.();
      return said;
    });

  const exportLog = (format: 'csv' | 'json') =>
    act(async () => {
      const r = unwrap(await desk.audit.export({ format, target: saveTarget() }));
      if (r.content !== null) {
        downloadFile(r.fileName, r.content, format === 'csv' ? 'text/csv' : 'application/json');
      }
      return t('audit.exported', { count: r.count, seq: r.head.seq });
    });

  const exportWitness = () =>
    act(async () => {
      const w = unwrap(await desk.audit.witness({}));
      setWitness(w);
      // In the app the witness is shown to copy or print; a browser also downloads it.
      if (hostKind() !== 'electron')
        downloadFile(
          `naw-desk-witness-${w.seq}.jsonl`,
          JSON.stringify(w) + '\n',
          'application/x-ndjson',
        );
    });

  return (
    <section className="panel" aria-labelledby="audit-export-heading">
      <h2 id="audit-export-heading">{t('audit.exportTitle')}</h2>
      <p>{t('audit.exportIntro')}</p>
      <div className="actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void exportLog('csv')}>
          {t('audit.exportCsv')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => void exportLog('json')}
        >
          {t('audit.exportJson')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void exportWitness()}>
          {t('audit.exportWitness')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="audit-export-result">
        {message && <p>{message}</p>}
        {witness && (
          <p>
            {t('audit.witness', { seq: witness.seq })} <code className="hash">{witness.hash}</code>
          </p>
        )}
      </div>
      <ErrorAlert error={error} showReason={['CONFLICT']} />
    </section>
  );
}
