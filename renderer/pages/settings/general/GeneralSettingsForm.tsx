import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/schemas/common';
import type { Settings } from '../../../../shared/schemas/settings';
import { Field, optionsOf, SelectField } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { useProblemText } from '../../../hooks/useProblemText';
import { LANGUAGES } from '../../../i18n/namespaces';
import { useSession } from '../../../session/SessionProvider';
import { useFocusOnArrival } from '../arrival';
import { useSettingsForm } from '../useSettingsForm';

const MIN_IDLE = 1;
const MAX_IDLE = 240;

const toValues = (s: Settings) => ({ idle: String(s.idleLockMinutes), language: s.language });

/** Settings for the whole desk (admins): idle-lock minutes and the default language. */
export function GeneralSettingsForm() {
  const { t } = useTranslation(['settings', 'common']);
  const text = useProblemText();
  const { refresh } = useSession();
  const form = useSettingsForm(toValues);
  const v = form.values ?? { idle: '', language: 'nl' as Language };
  const [problem, setProblem] = useState(false);
  const heading = useFocusOnArrival('general-heading', form.loaded);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const minutes = Number(v.idle);
    const bad = !Number.isInteger(minutes) || minutes < MIN_IDLE || minutes > MAX_IDLE;
    setProblem(bad);
    form.reset();
    if (bad) return;
    await form.save({ idleLockMinutes: minutes, language: v.language }, refresh);
  }

  return (
    <section className="panel" aria-labelledby="general-heading">
      <h2 id="general-heading" ref={heading} tabIndex={-1}>
        {t('general.title')}
      </h2>
      <form onSubmit={submit} noValidate aria-busy={form.busy}>
        <Field
          label={t('general.idleLockMinutes')}
          hint={t('general.idleLockHint', { min: MIN_IDLE, max: MAX_IDLE })}
          type="number"
          inputMode="numeric"
          min={MIN_IDLE}
          max={MAX_IDLE}
          step={1}
          value={v.idle}
          onChange={(e) => form.setValues({ ...v, idle: e.target.value })}
          error={problem ? text('range') : null}
          className="field--short"
        />
        <SelectField
          label={t('general.language')}
          hint={t('general.languageHint')}
          value={v.language}
          onChange={(e) => form.setValues({ ...v, language: e.target.value as Language })}
        >
          {optionsOf(LANGUAGES, (l) => t(`common:language.names.${l}`))}
        </SelectField>
        <FormFooter
          error={form.error}
          status={form.saved ? t('general.saved') : null}
          busy={form.busy}
          submit={t('general.save')}
        />
      </form>
    </section>
  );
}
