import { useTranslation } from 'react-i18next';
import { ISSUER_FUNCTIONS, type IssuerFunction } from '../../../../shared/schemas/terms';
import type { Draft } from '../../../../shared/schemas/intake';
import { Field, optionsOf, SelectField } from '../../../components/Field';
import { Sourced } from '../intake/SourceNote';
import type { DraftEditor } from './request-draft';

/** Who asks: name, function (what the legal basis allows), badge and how to reach them. */
export function RequesterFields({
  editor: { draft, setRequester },
  required,
  read,
}: {
  editor: DraftEditor;
  required(key: string): string | null;
  /** The draft the form was read from, whose sources are shown under the fields. */
  read?: Draft | null;
}) {
  const { t } = useTranslation('requests');
  const r = draft.requester;
  return (
    <section className="panel" aria-labelledby="sec-requester">
      <h2 id="sec-requester">{t('form.sectionRequester')}</h2>
      <div className="grid-2">
        <Sourced draft={read} path="requester.name">
          <Field
            label={t('form.requesterName')}
            value={r.name}
            onChange={(e) => setRequester({ name: e.target.value })}
            error={required('requesterName')}
          />
        </Sourced>
        <Sourced draft={read} path="requester.function">
          <SelectField
            label={t('form.requesterFunction')}
            value={r.function}
            onChange={(e) => setRequester({ function: e.target.value as IssuerFunction })}
          >
            {optionsOf(ISSUER_FUNCTIONS, (f) => t(`function.${f}`))}
          </SelectField>
        </Sourced>
        <Sourced draft={read} path="requester.badge">
          <Field
            label={t('form.badge')}
            value={r.badge}
            onChange={(e) => setRequester({ badge: e.target.value })}
          />
        </Sourced>
        <Sourced draft={read} path="requester.email">
          <Field
            label={t('form.email')}
            type="email"
            value={r.email}
            onChange={(e) => setRequester({ email: e.target.value })}
          />
        </Sourced>
        <Sourced draft={read} path="requester.phone">
          <Field
            label={t('form.phone')}
            type="tel"
            value={r.phone}
            onChange={(e) => setRequester({ phone: e.target.value })}
          />
        </Sourced>
      </div>
    </section>
  );
}
