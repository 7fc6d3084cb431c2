import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/schemas/settings';
import { asDeskError, desk, unwrap, type DeskCallError } from '../../../api';
import { StatusMessage } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { announceSettingsChanged } from '../settings-events';
import { OpsError } from '../OpsError';

type Policy = Pick<
  Settings,
  | 'fourEyes'
  | 'suppressionThreshold'
  | 'retentionRequestYears'
  | 'retentionCustomerMonths'
  | 'retentionAuditYears'
>;
type NumberKey = Exclude<keyof Policy, 'fourEyes'>;
const NUMBERS: { key: Exclude<NumberKey, 'suppressionThreshold'>; min: number; max: number }[] = [
  { key: 'retentionRequestYears', min: 1, max: 30 },
  { key: 'retentionCustomerMonths', min: 1, max: 120 },
  { key: 'retentionAuditYears', min: 1, max: 40 },
];

/** Four eyes (loudly marked when off), small-count suppression and retention periods (admins). */
export function DeskPolicyForm() {
  const { t } = useTranslation('ops');
  const [saved, setSaved] = useState<Policy | null>(null);
  const [fourEyes, setFourEyes] = useState(true);
  const [confirmOff, setConfirmOff] = useState(false);
  const [values, setValues] = useState<Record<NumberKey, string>>({
    suppressionThreshold: '',
    retentionRequestYears: '',
    retentionCustomerMonths: '',
    retentionAuditYears: '',
  });
  const [error, setError] = useState<DeskCallError | null>(null);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = (s: Settings) => {
    setSaved(s);
    setFourEyes(s.fourEyes);
    setValues({
      suppressionThreshold: String(s.suppressionThreshold),
      retentionRequestYears: String(s.retentionRequestYears),
      retentionCustomerMonths: String(s.retentionCustomerMonths),
      retentionAuditYears: String(s.retentionAuditYears),
    });
  };

  useEffect(() => {
    void (async () => {
      try {
        show(unwrap(await desk.settings.get({})));
      } catch (e) {
        setError(asDeskError(e));
      }
    })();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    setError(null);
    const n = (k: NumberKey) => Number(values[k]);
    if (n('retentionAuditYears') < n('retentionRequestYears')) {
      setLocalProblem(t('policy.auditTooShort'));
      return;
    }
    setLocalProblem(null);
    if (saved?.fourEyes && !fourEyes && !confirmOff) {
      setConfirmOff(true);
      return;
    }
    setBusy(true);
    try {
      show(
        unwrap(
          await desk.settings.update({
            fourEyes,
            suppressionThreshold: n('suppressionThreshold'),
            retentionRequestYears: n('retentionRequestYears'),
            retentionCustomerMonths: n('retentionCustomerMonths'),
            retentionAuditYears: n('retentionAuditYears'),
          }),
        ),
      );
      setConfirmOff(false);
      setDone(true);
      announceSettingsChanged();
    } catch (e) {
      setError(asDeskError(e));
    } finally {
      setBusy(false);
    }
  }

  const off = saved !== null && !saved.fourEyes;
  return (
    <section className="panel" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('policy.title')}</h2>
      {off ? (
        <div className="alert alert--error four-eyes-off" role="alert" data-testid="four-eyes-off">
          <p>
            <strong>{t('policy.fourEyesOffWarning')}</strong>
          </p>
        </div>
      ) : (
        saved && <p className="muted">{t('policy.fourEyesOnNote')}</p>
      )}
      {saved && (
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <div className="check">
            <input
              id="four-eyes"
              type="checkbox"
              checked={fourEyes}
              onChange={(e) => {
                setFourEyes(e.target.checked);
                setConfirmOff(false);
              }}
            />
            <label htmlFor="four-eyes">{t('policy.fourEyes')}</label>
          </div>
          {confirmOff && (
            <div className="alert alert--warning" role="alert">
              <p>{t('policy.confirmFourEyesOff')}</p>
            </div>
          )}
          <Field
            label={t('policy.suppression')}
            hint={t('policy.suppressionHint', { n: values.suppressionThreshold || '5' })}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            value={values.suppressionThreshold}
            onChange={(e) => setValues({ ...values, suppressionThreshold: e.target.value })}
            className="field--short"
          />
          {NUMBERS.map((f) => (
            <Field
              key={f.key}
              label={t(`policy.${f.key}`)}
              hint={f.key === 'retentionAuditYears' ? t('policy.retentionAuditHint') : undefined}
              type="number"
              inputMode="numeric"
              min={f.min}
              max={f.max}
              value={values[f.key]}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              error={f.key === 'retentionAuditYears' ? localProblem : null}
              className="field--short"
            />
          ))}
          <OpsError error={error} />
          <StatusMessage>{done ? t('policy.saved') : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t('policy.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
