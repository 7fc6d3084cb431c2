import { useTranslation } from 'react-i18next';
import { ISSUER_FUNCTIONS, type IssuerFunction } from '../../../../shared/schemas/terms';
import { Field, optionsOf, SelectField } from '../../../components/Field';
import type { DraftEditor } from './request-draft';

/** Who asks: name, function (what the legal basis allows), badge and how to reach them. */
export function RequesterFields({
  editor: { draft, setRequester },
  required,
}: {
  editor: DraftEditor;
  required(key: string): string | null;
}) {
  const { t } = useTranslation('requests');
  const r = draft.requester;
  return (
    <section className="panel" aria-labelledby="sec-requester">
      <h2 id="sec-requester">{t('form.sectionRequester')}</h2>
      <div className="grid-2">
        <Field
          label={t('form.requesterName')}
          value={r.name}
          onChange={(e) => setRequester({ name: e.target.value })}
          error={required('requesterName')}
        />
        <SelectField
          label={t('form.requesterFunction')}
          value={r.function}
          onChange={(e) => setRequester({ function: e.target.value as IssuerFunction })}
        >
          {optionsOf(ISSUER_FUNCTIONS, (f) => t(`function.${f}`))}
        </SelectField>
        <Field
          label={t('form.badge')}
          value={r.badge}
          onChange={(e) => setRequester({ badge: e.target.value })}
        />
        <Field
          label={t('form.email')}
          type="email"
          value={r.email}
          onChange={(e) => setRequester({ email: e.target.value })}
        />
        <Field
          label={t('form.phone')}
          type="tel"
          value={r.phone}
          onChange={(e) => setRequester({ phone: e.target.value })}
        />
      </div>
    </section>
  );
}
