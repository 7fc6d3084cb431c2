import { useTranslation } from 'react-i18next';
import type { DraftEditor } from './request-draft';
import type { Authority } from '../../../../shared/schemas/catalogue';
import { SelectField } from '../../../components/Field';
import { VerificationFields } from './VerificationFields';

/** Whether the requester is already verified when the request is logged, and how. */
export function VerificationSection({
  editor: { draft, set, setVerification },
  contacts = [],
}: {
  editor: DraftEditor;
  /** The chosen authority's verified channels from the catalogue: a call-back names one. */
  contacts?: Authority['contacts'];
}) {
  const { t } = useTranslation('requests');
  return (
    <section className="panel" aria-labelledby="sec-verification">
      <h2 id="sec-verification">{t('form.sectionVerification')}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.verified}
          onChange={(e) => set({ verified: e.target.checked })}
        />{' '}
        {t('form.verified')}
      </label>
      {draft.verified && (
        <VerificationFields value={draft.verification} onChange={setVerification} />
      )}
      {draft.verified && draft.verification.method === 'callback' && (
        <SelectField
          label={t('verify.calledOn')}
          hint={contacts.length === 0 ? t('verify.noChannelsHere') : undefined}
          value={draft.verification.channel ?? ''}
          onChange={(e) => setVerification({ channel: e.target.value })}
        >
          <option value="">—</option>
          {contacts.map((c) => (
            <option key={`${c.kind}:${c.value}`} value={c.value}>
              {t(`verify.kind.${c.kind}`)}: {c.value}
            </option>
          ))}
        </SelectField>
      )}
    </section>
  );
}
