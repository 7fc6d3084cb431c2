import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/schemas/settings';
import { Field } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { useProblemText } from '../../../hooks/useProblemText';
import { useSettingsForm } from '../useSettingsForm';

const MIN = 0;
const MAX = 100;

const toValues = (s: Settings) => ({ percent: String(s.snapshotMaxClosePercent) });

/**
 * The import's guard against a cut-off export (admins): a snapshot that would close more than
 * this share of what is current is refused until the importer confirms it.
 */
export function ImportRulesForm() {
  const { t } = useTranslation('settings');
  const text = useProblemText();
  const form = useSettingsForm(toValues);
  const [problem, setProblem] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.values) return;
    form.reset();
    const raw = form.values.percent.trim();
    const percent = Number(raw);
    const bad = raw === '' || !Number.isInteger(percent) || percent < MIN || percent > MAX;
    setProblem(bad);
    if (!bad) await form.save({ snapshotMaxClosePercent: percent });
  }

  return (
    <section className="panel" aria-labelledby="import-rules-heading">
      <h2 id="import-rules-heading">{t('importRules.title')}</h2>
      <p className="muted">{t('importRules.intro')}</p>
      {form.values && (
        <form onSubmit={submit} noValidate aria-busy={form.busy}>
          <Field
            label={t('importRules.maxClosePercent')}
            hint={t('importRules.maxCloseHint', { min: MIN, max: MAX })}
            type="number"
            inputMode="numeric"
            min={MIN}
            max={MAX}
            step={1}
            required
            value={form.values.percent}
            onChange={(e) => form.setValues({ percent: e.target.value })}
            error={problem ? text('range') : null}
            className="field--short"
          />
          <FormFooter
            error={form.error}
            showReason={['BAD_INPUT']}
            status={form.saved ? t('importRules.saved') : null}
            busy={form.busy}
            submit={t('importRules.save')}
          />
        </form>
      )}
    </section>
  );
}
