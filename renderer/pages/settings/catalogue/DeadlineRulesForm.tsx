import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/schemas/settings';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { announceSettingsChanged } from '../settings-events';
import { useFocusOnArrival } from '../arrival';
import { useSettingsForm } from '../useSettingsForm';
import { CATALOGUE_REASONS } from './catalogue-reasons';

type Key = 'deadlineDaysNormal' | 'deadlineDaysUrgent' | 'deadlineHoursEmergency';
const FIELDS: { key: Key; hint: 'hintNormal' | 'hintUrgent' | 'hintEmergency'; max: number }[] = [
  { key: 'deadlineDaysNormal', hint: 'hintNormal', max: 60 },
  { key: 'deadlineDaysUrgent', hint: 'hintUrgent', max: 30 },
  { key: 'deadlineHoursEmergency', hint: 'hintEmergency', max: 72 },
];

const toValues = (s: Settings): Record<Key, string> => ({
  deadlineDaysNormal: String(s.deadlineDaysNormal),
  deadlineDaysUrgent: String(s.deadlineDaysUrgent),
  deadlineHoursEmergency: String(s.deadlineHoursEmergency),
});

/** The desk's default answer deadlines per urgency (admins); audited like every setting. */
export function DeadlineRulesForm() {
  const { t } = useTranslation('catalogue');
  const form = useSettingsForm(toValues);
  const values = form.values;
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useFocusOnArrival('deadline-rules-heading', form.loaded);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!values) return;
    form.reset();
    const n = (k: Key) => Number(values[k]);
    if (n('deadlineDaysUrgent') > n('deadlineDaysNormal')) {
      setProblem(t('deadlines.urgentTooLong'));
      return;
    }
    setProblem(null);
    await form.save(
      {
        deadlineDaysNormal: n('deadlineDaysNormal'),
        deadlineDaysUrgent: n('deadlineDaysUrgent'),
        deadlineHoursEmergency: n('deadlineHoursEmergency'),
      },
      announceSettingsChanged,
    );
  }

  return (
    <section className="panel" aria-labelledby="deadline-rules-heading">
      <h2 id="deadline-rules-heading" ref={heading} tabIndex={-1}>
        {t('deadlines.title')}
      </h2>
      <p className="muted">{t('deadlines.intro')}</p>
      {values && (
        <form onSubmit={submit} noValidate aria-busy={form.busy}>
          <div className="catalogue-row">
            {FIELDS.map((f) => (
              <Field
                key={f.key}
                label={t(`deadlines.${f.key}`)}
                hint={t(`deadlines.${f.hint}`)}
                hintBelow
                type="number"
                inputMode="numeric"
                min={1}
                max={f.max}
                required
                value={values[f.key]}
                onChange={(e) => form.setValues({ ...values, [f.key]: e.target.value })}
                error={f.key === 'deadlineDaysUrgent' ? problem : null}
                className="field--short"
              />
            ))}
          </div>
          <FormFooter
            error={form.error}
            showReason={CATALOGUE_REASONS}
            status={form.saved ? t('deadlines.saved') : null}
            busy={form.busy}
            submit={t('deadlines.save')}
          />
        </form>
      )}
      {!values && <ErrorAlert error={form.error} showReason={CATALOGUE_REASONS} />}
    </section>
  );
}
