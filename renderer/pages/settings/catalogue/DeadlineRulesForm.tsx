import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/schemas/settings';
import { asDeskError, desk, unwrap, type DeskCallError } from '../../../api';
import { StatusMessage } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { CatalogueError } from './CatalogueError';
import { announceSettingsChanged } from '../settings-events';

type Key = 'deadlineDaysNormal' | 'deadlineDaysUrgent' | 'deadlineHoursEmergency';
const FIELDS: { key: Key; hint: 'hintNormal' | 'hintUrgent' | 'hintEmergency'; max: number }[] = [
  { key: 'deadlineDaysNormal', hint: 'hintNormal', max: 60 },
  { key: 'deadlineDaysUrgent', hint: 'hintUrgent', max: 30 },
  { key: 'deadlineHoursEmergency', hint: 'hintEmergency', max: 72 },
];

/** The desk's default answer deadlines per urgency (admins); audited like every setting. */
export function DeadlineRulesForm() {
  const { t } = useTranslation('catalogue');
  const [values, setValues] = useState<Record<Key, string> | null>(null);
  const [error, setError] = useState<DeskCallError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = (s: Settings) =>
    setValues({
      deadlineDaysNormal: String(s.deadlineDaysNormal),
      deadlineDaysUrgent: String(s.deadlineDaysUrgent),
      deadlineHoursEmergency: String(s.deadlineHoursEmergency),
    });

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
    if (!values) return;
    setDone(false);
    setError(null);
    const n = (k: Key) => Number(values[k]);
    if (n('deadlineDaysUrgent') > n('deadlineDaysNormal')) {
      setProblem(t('deadlines.urgentTooLong'));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      show(
        unwrap(
          await desk.settings.update({
            deadlineDaysNormal: n('deadlineDaysNormal'),
            deadlineDaysUrgent: n('deadlineDaysUrgent'),
            deadlineHoursEmergency: n('deadlineHoursEmergency'),
          }),
        ),
      );
      setDone(true);
      announceSettingsChanged();
    } catch (e) {
      setError(asDeskError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="deadline-rules-heading">
      <h2 id="deadline-rules-heading">{t('deadlines.title')}</h2>
      <p className="muted">{t('deadlines.intro')}</p>
      {values && (
        <form onSubmit={submit} noValidate aria-busy={busy}>
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
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                error={f.key === 'deadlineDaysUrgent' ? problem : null}
                className="field--short"
              />
            ))}
          </div>
          <CatalogueError error={error} />
          <StatusMessage>{done ? t('deadlines.saved') : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t('deadlines.save')}
            </button>
          </div>
        </form>
      )}
      {!values && <CatalogueError error={error} />}
    </section>
  );
}
