import { useTranslation } from 'react-i18next';
import type { DraftEditor, VerificationProblem } from './request-draft';
import type { Authority } from '../../../../shared/schemas/catalogue';
import { SelectField } from '../../../components/Field';
import { VerificationFields } from './VerificationFields';

/**
 * Whether the requester is already verified when the request is logged, and how. A call-back is
 * chosen from the authority's verified catalogue channels only (never typed: a number from the
 * request is what a hijacked mailbox wants called); with none, the section says so and where the
 * catalogue is, and the call-back cannot be saved.
 */
export function VerificationSection({
  editor: { draft, set, setVerification },
  contacts = [],
  problem = null,
}: {
  editor: DraftEditor;
  /** The chosen authority's verified channels from the catalogue: a call-back names one. */
  contacts?: Authority['contacts'];
  /** What the verification lacks to count, shown once the officer tried to log the request. */
  problem?: VerificationProblem | null;
}) {
  const { t } = useTranslation('requests');
  const callback = draft.verified && draft.verification.method === 'callback';
  const channel = draft.verification.channel ?? '';
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
      {callback && !draft.authority && (
        <p className="field__hint" data-testid="callback-authority-first">
          {t('verify.authorityFirst')}
        </p>
      )}
      {callback && draft.authority && contacts.length === 0 && (
        <div
          className="alert alert--warning"
          data-testid="no-channels"
          role={problem ? 'alert' : undefined}
        >
          {t('verify.noChannelsWizard')}
        </div>
      )}
      {callback && contacts.length > 0 && (
        <SelectField
          label={t('verify.calledOn')}
          value={contacts.some((c) => c.value === channel) ? channel : ''}
          error={problem === 'verificationChannel' ? t('verify.channelNeeded') : null}
          onChange={(e) => setVerification({ channel: e.target.value })}
        >
          <option value="" disabled>
            {t('verify.chooseChannel')}
          </option>
          {contacts.map((c) => (
            <option key={`${c.kind}:${c.value}`} value={c.value}>
              {t(`verify.kind.${c.kind}`)}: {c.value}
            </option>
          ))}
        </SelectField>
      )}
      {draft.verified && problem === 'verificationDocument' && (
        <p className="field__error" role="alert" data-testid="document-needed">
          {t('verify.documentNeeded')}
        </p>
      )}
    </section>
  );
}
