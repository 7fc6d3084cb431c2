import { useTranslation } from 'react-i18next';
import type { AuditVerifyOutput } from '../../../shared/schemas/audit';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDeskAction } from '../../hooks/useDeskAction';

/** Recomputes the whole hash chain in the core and says: intact, or the first broken link. */
export function VerifyChain({ onVerified }: { onVerified(): void }) {
  const { t } = useTranslation('audit');
  const { busy, error, done: result, run } = useDeskAction<AuditVerifyOutput>();

  const verify = () =>
    run(async () => {
      const r = unwrap(await desk.audit.verify({}));
      onVerified();
      return r;
    });

  return (
    <section className="panel verify" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('verify.title')}</h2>
      <p>{t('verify.intro')}</p>
      <div className="actions">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void verify()}
          disabled={busy}
        >
          {busy ? t('verify.running') : t('verify.run')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="verify-result">
        {result &&
          (result.intact ? (
            <div className="alert alert--ok">
              <p>
                <strong>{t('verify.intact')}</strong>{' '}
                {t('verify.intactDetail', { checked: result.checked, seq: result.head.seq })}
              </p>
              <p className="muted">
                {t('verify.head')} <code className="hash">{result.head.hash}</code>
              </p>
            </div>
          ) : (
            <div className="alert alert--error">
              <p>
                <strong>{t('verify.broken')}</strong>{' '}
                {t('verify.brokenDetail', {
                  seq: result.brokenAt?.seq ?? 0,
                  checked: result.checked,
                })}
              </p>
              {result.brokenAt && (
                <p>
                  {t('verify.reason')} <code>{result.brokenAt.reason}</code>
                </p>
              )}
            </div>
          ))}
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
