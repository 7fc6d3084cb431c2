import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/schemas/customers';

/**
 * A snapshot that lists no rows, or would close more than the allowed share of what is current,
 * was refused: the counts, and a second run that confirms the closing. A cut-off export must not
 * empty the desk by one click on "Import".
 */
export function MassCloseConfirm({
  report,
  busy,
  onConfirm,
}: {
  report: ImportReport;
  busy: boolean;
  onConfirm: () => void;
}) {
  const { t, i18n } = useTranslation('customers');
  const m = report.massClose;
  if (!m || report.allowMassClose || report.status !== 'rejected') return null;
  const n = (v: number) => v.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  const counts = {
    closing: n(m.closing),
    current: n(m.current),
    maxPercent: m.maxPercent,
    things: t(`massClose.things.${report.kind}`),
  };
  return (
    <div className="alert alert--warning" role="alert" data-testid="mass-close">
      <p>
        <strong>{t('massClose.title')}</strong>
      </p>
      <p>{t(report.rows === 0 ? 'massClose.empty' : 'massClose.text', counts)}</p>
      <p>{t('massClose.question')}</p>
      <div className="actions">
        <button type="button" className="btn" disabled={busy} onClick={onConfirm}>
          {t('massClose.confirm', counts)}
        </button>
      </div>
    </div>
  );
}
