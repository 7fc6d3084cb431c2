import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckField } from '../../components/Field';
import { base64ToBytes, downloadFile, saveTarget } from '../../components/download';
import { useDeskAction } from '../../hooks/useDeskAction';

/** CSV / JSON download and the transparency report (PDF); published figures by default. */
export function ExportPanel({ year, threshold }: { year: number; threshold: number }) {
  const { t, i18n } = useTranslation('stats');
  const [published, setPublished] = useState(true);
  const { busy, error, done: message, run } = useDeskAction({ quietCancel: true });

  /** Runs an export that returns the downloaded file's name, or null when the core saved it. */
  const act = (work: () => Promise<string | null>) =>
    run(async () => {
      const file = await work();
      return file ? t('export.done', { file }) : t('export.saved');
    });

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
      <CheckField
        className="checkbox"
        label={t('export.published', { threshold })}
        checked={published}
        onChange={setPublished}
      />
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
