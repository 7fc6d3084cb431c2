import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/schemas/settings';
import { asDeskError, desk, unwrap, type DeskCallError } from '../../../api';
import { StatusMessage } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { useSession } from '../../../session/SessionProvider';
import { LogoField } from './LogoField';
import { OpsError } from '../OpsError';

const FIELDS: { key: keyof Organisation; type?: string; autoComplete?: string; short?: boolean }[] =
  [
    { key: 'name', autoComplete: 'organization' },
    { key: 'address', autoComplete: 'street-address' },
    { key: 'postcode', autoComplete: 'postal-code', short: true },
    { key: 'city', autoComplete: 'address-level2' },
    { key: 'kvk', short: true },
    { key: 'email', type: 'email', autoComplete: 'email' },
    { key: 'phone', type: 'tel', autoComplete: 'tel' },
  ];

/** Organisation and letterhead (admins): what letters and reports print at the top. */
export function OrganisationForm() {
  const { t } = useTranslation('ops');
  const { refresh } = useSession();
  const [org, setOrg] = useState<Organisation | null>(null);
  const [error, setError] = useState<DeskCallError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      try {
        setOrg(unwrap(await desk.settings.get({})).organisation);
      } catch (e) {
        setError(asDeskError(e));
      }
    })();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!org) return;
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      setOrg(unwrap(await desk.settings.update({ organisation: org })).organisation);
      setSaved(true);
      await refresh();
    } catch (e) {
      setError(asDeskError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="org-heading">
      <h2 id="org-heading">{t('organisation.title')}</h2>
      <p>{t('organisation.intro')}</p>
      {org && (
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <div className="grid-2">
            {FIELDS.map((f) => (
              <Field
                key={f.key}
                label={t(`organisation.${f.key}`)}
                type={f.type ?? 'text'}
                autoComplete={f.autoComplete ?? 'off'}
                value={org[f.key]}
                required={f.key === 'name'}
                onChange={(e) => setOrg({ ...org, [f.key]: e.target.value })}
                className={f.short ? 'field--short' : undefined}
              />
            ))}
          </div>
          <OpsError error={error} />
          <StatusMessage>{saved ? t('organisation.saved') : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t('organisation.save')}
            </button>
          </div>
        </form>
      )}
      <LogoField />
    </section>
  );
}
