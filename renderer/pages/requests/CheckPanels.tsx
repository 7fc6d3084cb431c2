import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  VERIFICATION_METHODS,
  type CheckFinding,
  type RequestDetail,
  type Verification,
} from '../../../shared/schemas/requests';
import { Field, SelectField } from '../../components/Field';

const localNow = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

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
        <div className="grid-2">
          <SelectField
            label={t('form.method')}
            value={v.method}
            onChange={(e) => setV({ ...v, method: e.target.value as Verification['method'] })}
          >
            {VERIFICATION_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`verification.${m}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('form.by')}
            value={v.by}
            onChange={(e) => setV({ ...v, by: e.target.value })}
          />
          <Field
            label={t('form.at')}
            type="datetime-local"
            value={v.at}
            onChange={(e) => setV({ ...v, at: e.target.value })}
          />
          <Field
            label={t('form.note')}
            value={v.note ?? ''}
            onChange={(e) => setV({ ...v, note: e.target.value })}
          />
        </div>
        <button type="submit" className="btn btn--primary" disabled={busy || !v.by.trim()}>
          {t('detail.verifyButton')}
        </button>
      </form>
    </section>
  );
}

function Findings({ list, tone }: { list: CheckFinding[]; tone: 'error' | 'warning' }) {
  const { t } = useTranslation('requests');
  if (list.length === 0) return null;
  return (
    <ul className={`finding-list alert alert--${tone}`}>
      {list.map((f) => (
        <li key={f.code} data-code={f.code}>
          <strong>
            {t(`checks.${f.code}` as 'checks.not_verified', { defaultValue: f.code })}
          </strong>{' '}
          {tone === 'error' && <span className="muted">{f.message}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The latest checks: outcome, failures (the refusal reasons) and warnings. */
export function ChecksPanel({
  request,
  busy,
  canRun,
  onRun,
}: {
  request: RequestDetail;
  busy: boolean;
  canRun: boolean;
  onRun(): void;
}) {
  const { t } = useTranslation('requests');
  const c = request.check;
  return (
    <section className="panel" aria-labelledby="checks-heading">
      <h2 id="checks-heading">{t('detail.checks')}</h2>
      {c && (
        <>
          <p className={`alert alert--${c.outcome === 'proceed' ? 'ok' : 'error'}`}>
            {t(`detail.checkOutcome.${c.outcome}`)}
          </p>
          <Findings list={c.failures} tone="error" />
          <Findings list={c.warnings} tone="warning" />
        </>
      )}
      {canRun && (
        <button type="button" className="btn btn--primary" disabled={busy} onClick={onRun}>
          {t('detail.runCheck')}
        </button>
      )}
    </section>
  );
}
