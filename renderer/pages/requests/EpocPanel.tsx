import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EpocView } from '../../../shared/schemas/epoc';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useCan } from '../../session/SessionProvider';
import { DeadlineBadge } from './DeadlineBadge';
import type { EpocAuthorityDraft } from './draft/epoc-draft';
import { EpocAuthorityFields } from './draft/EpocFields';
import type { RequestPanelProps } from './VerificationPanel';
import './amend.css';

/** The 48-hour validation of an emergency order, in words. */
export function EpocValidationText({ validation: v }: { validation: EpocView['validation'] }) {
  const { t, i18n } = useTranslation('epoc');
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  if (v.state === 'validated') {
    return (
      <>
        {t(v.late ? 'validationState.validatedLate' : 'validationState.validated', {
          at: when(v.validatedAt),
          due: when(v.due),
        })}
      </>
    );
  }
  return <>{t(`validationState.${v.state}`, { due: when(v.due) })}</>;
}

/** Recording the validation that arrived: an amendment naming the validating authority. */
function RecordValidation({ request: r, onChanged }: RequestPanelProps) {
  const { t } = useTranslation('epoc');
  const [validator, setValidator] = useState<EpocAuthorityDraft>({
    name: '',
    function: 'judge',
    fileReference: '',
  });
  const [reason, setReason] = useState('');
  const { busy, error, run } = useDeskAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const value = JSON.stringify({
        name: validator.name.trim(),
        function: validator.function,
        fileReference: validator.fileReference.trim(),
      });
      onChanged(
        unwrap(
          await desk.requests.amend({
            registerNo: r.registerNo,
            field: 'epoc.validatingAuthority',
            value,
            reason: reason.trim(),
          }),
        ),
      );
    });
  };
  const ready =
    validator.name.trim() && validator.fileReference.trim() && reason.trim().length >= 3;
  return (
    <form onSubmit={submit} aria-label={t('record.title')}>
      <h3>{t('record.title')}</h3>
      <p>{t('record.intro')}</p>
      <EpocAuthorityFields
        prefix="record"
        path="epoc.validatingAuthority"
        value={validator}
        onChange={(patch) => setValidator({ ...validator, ...patch })}
        required={() => null}
      />
      <Field
        label={t('record.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ErrorAlert error={error} />
      <button type="submit" className="btn" disabled={busy || !ready}>
        {t('record.submit')}
      </button>
    </form>
  );
}

/** The European Production Order the request came as: the certificate, read-only, and its validation. */
export function EpocPanel({ request: r, onChanged }: RequestPanelProps) {
  const { t, i18n } = useTranslation('epoc');
  const may = useCan();
  if (!r.epoc) return null;
  const c = r.epoc.certificate;
  const v = r.epoc.validation;
  const state = new Intl.DisplayNames([i18n.language], { type: 'region' }).of(c.issuingState);
  const authority = (a: NonNullable<typeof c.validatingAuthority>) =>
    `${t('panel.issuedBy', { name: a.name, function: t(`fn.${a.function}`) })} — ${a.fileReference}`;
  const owed = v.state === 'pending' || v.state === 'overdue';
  // An EPOC-PR (Annex II) asks to keep the data without undue delay: no 10-day answer to give.
  const preserve = c.kind === 'preservation';
  return (
    <section className="panel" aria-labelledby="epoc-heading">
      <h2 id="epoc-heading">{t(preserve ? 'panel.titlePreservation' : 'panel.title')}</h2>
      <dl className="facts">
        <dt>{t('issuingState')}</dt>
        <dd>
          {state ?? c.issuingState} ({c.issuingState})
        </dd>
        <dt>{t('issuingAuthority')}</dt>
        <dd>{authority(c.issuingAuthority)}</dd>
        <dt>{t('validatingAuthority')}</dt>
        <dd>
          {c.validatingAuthority
            ? authority(c.validatingAuthority)
            : `${t('panel.noValidator')} — ${t(`validationOption.${c.noValidationReason ?? 'not_required'}`)}`}
        </dd>
        <dt>{t('validation')}</dt>
        <dd data-testid="epoc-validation">
          <EpocValidationText validation={v} />{' '}
          {r.epocValidationState && v.state !== 'none' && (
            <DeadlineBadge state={r.epocValidationState} />
          )}
        </dd>
        <dt>{t('panel.addressee')}</dt>
        <dd>{c.addressee}</dd>
        <dt>{t('deadline')}</dt>
        <dd>{preserve ? t('panel.preserveDeadline') : t(`deadlineOption.${c.deadline}`)}</dd>
        <dt>{t('categories')}</dt>
        <dd>{c.categories.map((x) => t(`category.${x}`)).join('; ')}</dd>
        {!preserve && (
          <>
            <dt>{t('enforcingStateNotified')}</dt>
            <dd>{c.enforcingStateNotified ? t('panel.yes') : t('panel.no')}</dd>
          </>
        )}
      </dl>
      {owed && may('requests.handle') && <RecordValidation request={r} onChanged={onChanged} />}
    </section>
  );
}
