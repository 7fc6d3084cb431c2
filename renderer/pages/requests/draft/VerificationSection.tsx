import { useTranslation } from 'react-i18next';
import type { DraftEditor } from './request-draft';
import { VerificationFields } from './VerificationFields';

/** Whether the requester is already verified when the request is logged, and how. */
export function VerificationSection({
  editor: { draft, set, setVerification },
}: {
  editor: DraftEditor;
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
    </section>
  );
}
