import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/schemas/settings';
import { CheckField, Field } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { announceSettingsChanged } from '../settings-events';
import { useFocusOnArrival } from '../arrival';
import { useSettingsForm } from '../useSettingsForm';

type NumberKey =
  | 'suppressionThreshold'
  | 'retentionRequestYears'
  | 'retentionCustomerMonths'
  | 'retentionAuditYears';
const NUMBERS: { key: Exclude<NumberKey, 'suppressionThreshold'>; min: number; max: number }[] = [
  { key: 'retentionRequestYears', min: 1, max: 30 },
  { key: 'retentionCustomerMonths', min: 1, max: 120 },
  { key: 'retentionAuditYears', min: 1, max: 40 },
];

const toValues = (s: Settings) => ({
  fourEyes: s.fourEyes,
  suppressionThreshold: String(s.suppressionThreshold),
  retentionRequestYears: String(s.retentionRequestYears),
  retentionCustomerMonths: String(s.retentionCustomerMonths),
  retentionAuditYears: String(s.retentionAuditYears),
});

/** Four eyes (loudly marked when off), small-count suppression and retention periods (admins). */
export function DeskPolicyForm() {
  const { t } = useTranslation('ops');
  const form = useSettingsForm(toValues);
  const { stored: saved, values } = form;
  const [confirmOff, setConfirmOff] = useState(false);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const heading = useFocusOnArrival('policy-heading', form.loaded);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!values) return;
    form.reset();
    const n = (k: NumberKey) => Number(values[k]);
    if (n('retentionAuditYears') < n('retentionRequestYears')) {
      setLocalProblem(t('policy.auditTooShort'));
      return;
    }
    setLocalProblem(null);
    if (saved?.fourEyes && !values.fourEyes && !confirmOff) {
      setConfirmOff(true);
      return;
    }
    await form.save(
      {
        fourEyes: values.fourEyes,
        suppressionThreshold: n('suppressionThreshold'),
        retentionRequestYears: n('retentionRequestYears'),
        retentionCustomerMonths: n('retentionCustomerMonths'),
        retentionAuditYears: n('retentionAuditYears'),
      },
      () => {
        setConfirmOff(false);
        announceSettingsChanged();
      },
    );
  }

  const off = saved !== null && !saved.fourEyes;
  return (
    <section className="panel" aria-labelledby="policy-heading">
      <h2 id="policy-heading" ref={heading} tabIndex={-1}>
        {t('policy.title')}
      </h2>
      {off ? (
        <div className="alert alert--error four-eyes-off" role="alert" data-testid="four-eyes-off">
          <p>
            <strong>{t('policy.fourEyesOffWarning')}</strong>
          </p>
        </div>
      ) : (
        saved && <p className="muted">{t('policy.fourEyesOnNote')}</p>
      )}
      {saved && values && (
        <form onSubmit={submit} noValidate aria-busy={form.busy}>
          <CheckField
            id="four-eyes"
            label={t('policy.fourEyes')}
            checked={values.fourEyes}
            onChange={(fourEyes) => {
              form.setValues({ ...values, fourEyes });
              setConfirmOff(false);
            }}
          />
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
            onChange={(e) => form.setValues({ ...values, suppressionThreshold: e.target.value })}
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
              onChange={(e) => form.setValues({ ...values, [f.key]: e.target.value })}
              error={f.key === 'retentionAuditYears' ? localProblem : null}
              className="field--short"
            />
          ))}
          <FormFooter
            error={form.error}
            showReason={['CONFLICT']}
            status={form.saved ? t('policy.saved') : null}
            busy={form.busy}
            submit={t('policy.save')}
          />
        </form>
      )}
    </section>
  );
}
