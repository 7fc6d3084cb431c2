import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/schemas/common';
import { asDeskError, desk, unwrap, type DeskCallError } from '../../../api';
import { ErrorAlert, StatusMessage } from '../../../components/ErrorAlert';
import { Field, SelectField } from '../../../components/Field';
import { useProblemText } from '../../../components/useProblemText';
import { LANGUAGES } from '../../../i18n/namespaces';
import { useSession } from '../../../session/SessionProvider';

const MIN_IDLE = 1;
const MAX_IDLE = 240;

/** Settings for the whole desk (admins): idle-lock minutes and the default language. */
export function GeneralSettingsForm() {
  const { t } = useTranslation(['settings', 'common']);
  const text = useProblemText();
  const { refresh } = useSession();
  const [idle, setIdle] = useState('');
  const [language, setLanguage] = useState<Language>('nl');
  const [problem, setProblem] = useState(false);
  const [error, setError] = useState<DeskCallError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      try {
        const s = unwrap(await desk.settings.get({}));
        setIdle(String(s.idleLockMinutes));
        setLanguage(s.language);
      } catch (e) {
        setError(asDeskError(e));
      }
    })();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const minutes = Number(idle);
    const bad = !Number.isInteger(minutes) || minutes < MIN_IDLE || minutes > MAX_IDLE;
    setProblem(bad);
    setSaved(false);
    setError(null);
    if (bad) return;
    setBusy(true);
    try {
      const s = unwrap(await desk.settings.update({ idleLockMinutes: minutes, language }));
      setIdle(String(s.idleLockMinutes));
      setLanguage(s.language);
      setSaved(true);
      await refresh();
    } catch (e) {
      setError(asDeskError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="general-heading">
      <h2 id="general-heading">{t('general.title')}</h2>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('general.idleLockMinutes')}
          hint={t('general.idleLockHint', { min: MIN_IDLE, max: MAX_IDLE })}
          type="number"
          inputMode="numeric"
          min={MIN_IDLE}
          max={MAX_IDLE}
          step={1}
          value={idle}
          onChange={(e) => setIdle(e.target.value)}
          error={problem ? text('range') : null}
          className="field--short"
        />
        <SelectField
          label={t('general.language')}
          hint={t('general.languageHint')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`common:language.names.${l}`)}
            </option>
          ))}
        </SelectField>
        <ErrorAlert error={error} />
        <StatusMessage>{saved ? t('general.saved') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('general.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
