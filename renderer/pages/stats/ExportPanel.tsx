import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asDeskError, desk, unwrap, type DeskCallError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64ToBytes, downloadFile, saveTarget } from '../../components/download';

/** CSV / JSON download and the transparency report (PDF); published figures by default. */
export function ExportPanel({ year, threshold }: { year: number; threshold: number }) {
  const { t, i18n } = useTranslation('stats');
  const [published, setPublished] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<DeskCallError | null>(null);
  const checkId = useId();

  async function act(fn: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const file = await fn();
      setMessage(file ? t('export.done', { file }) : t('export.saved'));
    } catch (e) {
      const err = asDeskError(e);
      if (err.code !== 'CANCELLED') setError(err);
    } finally {
      setBusy(false);
    }
  }

  const exportAs = (format: 'csv' | 'json') =>
    act(async () => {
      const r = unwrap(await desk.stats.export({ year, format, published, target: saveTarget() }));
      if (r.content === null) return null;
      downloadFile(r.fileName, r.content, r.mime);
      return r.fileName;
    });

  const report = () =>
    act(async () => {
      const r = unwrap(
        await desk.stats.report({
          year,
          language: i18n.language === 'en' ? 'en' : 'nl',
          target: saveTarget(),
        }),
      );
      if (r.base64 === null) return null;
      downloadFile(r.fileName, base64ToBytes(r.base64), r.mime);
      return r.fileName;
    });

  return (
    <section className="panel stats-export" aria-labelledby="stats-export-title">
      <h2 id="stats-export-title">{t('export.title')}</h2>
      <p>{t('export.intro')}</p>
      <div className="checkbox">
        <input
          id={checkId}
          type="checkbox"
          checked={published}
          onChange={(e) => setPublished(e.target.checked)}
        />
        <label htmlFor={checkId}>{t('export.published', { threshold })}</label>
      </div>
      <div className="actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void exportAs('csv')}>
          {t('export.csv')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void exportAs('json')}>
          {t('export.json')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={busy}
          onClick={() => void report()}
        >
          {t('export.report')}
        </button>
      </div>
      <ErrorAlert error={error} />
      <div role="status" aria-live="polite" data-testid="stats-export-result">
        {message && <p>{message}</p>}
      </div>
    </section>
  );
}
