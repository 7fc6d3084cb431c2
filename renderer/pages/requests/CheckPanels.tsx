import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckFinding, RequestDetail, Verification } from '../../../shared/schemas/requests';
import { localNow } from '../../components/format';
import { useFindingText } from './finding-text';
import { VerificationFields } from './draft/VerificationFields';
import { StepAction } from './StepAction';

/** Records how the requester was verified (call-back, known portal, signed document). */
export function VerifyPanel({
  busy,
  userName,
  onVerify,
}: {
  busy: boolean;
  userName: string;
  onVerify(v: Verification): void;
}) {
  const { t } = useTranslation('requests');
  const [v, setV] = useState<Verification>({
    method: 'callback',
    by: userName,
    at: localNow(),
    note: '',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onVerify({ ...v, ...(v.note?.trim() ? {} : { note: undefined }) });
  };
  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('detail.verify')}</h2>
      <p className="alert alert--warning">{t('detail.notVerified')}</p>
      <form onSubmit={submit}>
        <VerificationFields value={v} onChange={(patch) => setV({ ...v, ...patch })} />
        <button type="submit" className="btn btn--primary" disabled={busy || !v.by.trim()}>
          {t('detail.verifyButton')}
        </button>
      </form>
    </section>
  );
}

function Findings({ list, tone }: { list: CheckFinding[]; tone: 'error' | 'warning' }) {
  const finding = useFindingText();
  if (list.length === 0) return null;
  return (
    <ul className={`finding-list alert alert--${tone}`}>
      {list.map((f) => (
        <li key={f.code} data-code={f.code}>
          <strong>{finding.title(f)}</strong>{' '}
          {tone === 'error' && <span className="muted">{finding.text(f)}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * The latest checks (they run by themselves when the request is logged, verified or corrected):
 * outcome, failures (the refusal reasons) and warnings; then the one step that follows them,
 * check and match, offered only when it can succeed and else shown with what is needed.
 */
export function ChecksPanel({
  request,
  busy,
  canRun,
  onRun,
  onCheckAndMatch,
}: {
  request: RequestDetail;
  busy: boolean;
  canRun: boolean;
  onRun(): void;
  onCheckAndMatch(): void;
}) {
  const { t } = useTranslation('requests');
  const c = request.check;
  const proceed = c?.outcome === 'proceed';
  return (
    <section className="panel" aria-labelledby="checks-heading">
      <h2 id="checks-heading">{t('detail.checks')}</h2>
      {c && (
        <>
          <p className={`alert alert--${proceed ? 'ok' : 'error'}`}>
            {t(`detail.checkOutcome.${c.outcome}`)}
          </p>
          <Findings list={c.failures} tone="error" />
          <Findings list={c.warnings} tone="warning" />
        </>
      )}
      {canRun && (
        <div className="actions">
          <StepAction
            label={t(request.matches.length > 0 ? 'flow.recheckAndMatch' : 'flow.checkAndMatch')}
            reason={c && !proceed ? t('flow.checksFailed') : null}
            busy={busy}
            onClick={onCheckAndMatch}
          />
          <StepAction
            label={t(c ? 'flow.recheck' : 'detail.runCheck')}
            reason={null}
            busy={busy}
            primary={false}
            onClick={onRun}
          />
        </div>
      )}
    </section>
  );
}
