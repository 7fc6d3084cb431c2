import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, Settings } from '../../../../shared/schemas/settings';
import { Field } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { useSession } from '../../../session/SessionProvider';
import { useFocusOnArrival } from '../arrival';
import { useSettingsForm } from '../useSettingsForm';
import { LogoField } from './LogoField';

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

const toValues = (s: Settings) => s.organisation;

/** Organisation and letterhead (admins): what letters and reports print at the top. */
export function OrganisationForm() {
  const { t } = useTranslation('ops');
  const { refresh } = useSession();
  const form = useSettingsForm(toValues);
  const org = form.values;
  const heading = useFocusOnArrival('org-heading', form.loaded);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (org) await form.save({ organisation: org }, refresh);
  }

  return (
    <section className="panel" aria-labelledby="org-heading">
      <h2 id="org-heading" ref={heading} tabIndex={-1}>
        {t('organisation.title')}
      </h2>
      <p>{t('organisation.intro')}</p>
      {org && (
        <form onSubmit={submit} noValidate aria-busy={form.busy}>
          <div className="grid-2">
            {FIELDS.map((f) => (
              <Field
                key={f.key}
                label={t(`organisation.${f.key}`)}
                type={f.type ?? 'text'}
                autoComplete={f.autoComplete ?? 'off'}
                value={org[f.key]}
                required={f.key === 'name'}
                onChange={(e) => form.setValues({ ...org, [f.key]: e.target.value })}
                className={f.short ? 'field--short' : undefined}
              />
            ))}
          </div>
          <FormFooter
            error={form.error}
            showReason={['CONFLICT']}
            status={form.saved ? t('organisation.saved') : null}
            busy={form.busy}
            submit={t('organisation.save')}
          />
        </form>
      )}
      <LogoField />
    </section>
  );
}
