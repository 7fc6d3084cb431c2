import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail, Verification } from '../../../shared/schemas/requests';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateTimeField } from '../../components/DateTimeField';
import { formatDate, formatDateTime, localNow } from '../../components/format';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useCatalogueText } from '../../hooks/useCatalogueText';
import { useCan, useSession } from '../../session/SessionProvider';
import { DeadlineBadge } from './DeadlineBadge';
import { VerificationFields } from './draft/VerificationFields';
import './amend.css';

/** A panel of the request page that changes the request and hands back its new detail. */
export interface RequestPanelProps {
  request: RequestDetail;
  onChanged(next: RequestDetail): void;
}

const FINAL = ['disclosed', 'no_data', 'refused', 'referred'];

/** The authority's channels the provider verified itself, from the catalogue (never the request's). */
function Channels({
  request: r,
  choose,
}: {
  request: RequestDetail;
  choose?: { value: string; onChange(v: string): void };
}) {
  const { t } = useTranslation('requests');
  const { authorityName } = useCatalogueText();
  const list = r.authority.contacts;
  return (
    <div className="channels">
      <h3>{t('verify.channelsTitle', { authority: authorityName(r.authority) })}</h3>
      {list.length === 0 ? (
        <p className="alert alert--warning" data-testid="no-channels">
          {t('verify.noChannels', { authority: authorityName(r.authority) })}
        </p>
      ) : (
        <ChannelList list={list} choose={choose} />
      )}
    </div>
  );
}

type Contact = RequestDetail['authority']['contacts'][number];

function ChannelList({
  list,
  choose,
}: {
  list: Contact[];
  choose: { value: string; onChange(v: string): void } | undefined;
}) {
  const { t, i18n } = useTranslation('requests');
  // The catalogue keeps the day it was verified (yyyy-mm-dd); noon keeps it that day in any zone.
  const verified = (day: string) =>
    t('verify.verifiedAt', { at: formatDate(`${day}T12:00:00`, i18n.language) });
  const line = (c: Contact) =>
    `${t(`verify.kind.${c.kind}`)}: ${c.value}${c.verifiedAt ? ` — ${verified(c.verifiedAt)}` : ''}${c.note ? ` (${c.note})` : ''}`;
  if (!choose) {
    return (
      <ul className="channel-list">
        {list.map((c) => (
          <li key={`${c.kind}:${c.value}`}>{line(c)}</li>
        ))}
      </ul>
    );
  }
  return (
    <fieldset>
      <legend>{t('verify.calledOn')}</legend>
      <ul className="channel-list">
        {list.map((c) => (
          <li key={`${c.kind}:${c.value}`}>
            <label>
              <input
                type="radio"
                name="callback-channel"
                value={c.value}
                checked={choose.value === c.value}
                onChange={() => choose.onChange(c.value)}
              />{' '}
              {line(c)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** How the requester is verified: a call-back names one of the catalogue's channels. */
function VerifyForm({ request: r, onChanged }: RequestPanelProps) {
  const { t } = useTranslation('requests');
  const { state } = useSession();
  const [v, setV] = useState<Verification>({
    method: 'callback',
    by: state?.user?.name ?? '',
    at: localNow(),
    note: '',
  });
  // With one verified channel there is nothing to choose; with several the officer names it.
  const only = r.authority.contacts.length === 1 ? r.authority.contacts[0]!.value : '';
  const [channel, setChannel] = useState(only);
  const { busy, error, run } = useDeskAction();
  const callback = v.method === 'callback';
  // A signed document is a verification only with the document on the request (the core refuses).
  const noDocument = v.method === 'signed_document' && !r.document;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const verification: Verification = {
        method: v.method,
        by: v.by,
        at: v.at,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        ...(callback ? { channel } : {}),
      };
      onChanged(unwrap(await desk.requests.verify({ registerNo: r.registerNo, verification })));
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('verify.formLabel')}>
      <VerificationFields value={v} onChange={(patch) => setV({ ...v, ...patch })} />
      {callback ? (
        <Channels request={r} choose={{ value: channel, onChange: setChannel }} />
      ) : (
        <Channels request={r} />
      )}
      {noDocument && (
        <p className="alert alert--warning" data-testid="document-first">
          {t('verify.documentFirst')}
        </p>
      )}
      <ErrorAlert error={error} />
      <button
        type="submit"
        className="btn btn--primary"
        disabled={busy || !v.by.trim() || (callback && !channel) || noDocument}
      >
        {t('detail.verifyButton')}
      </button>
    </form>
  );
}

/** The written confirmation of an oral request: its 3-day deadline, and recording its arrival. */
function WrittenConfirmation({ request: r, onChanged }: RequestPanelProps) {
  const { t, i18n } = useTranslation('requests');
  const may = useCan();
  const [at, setAt] = useState(localNow());
  const { busy, error, run } = useDeskAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onChanged(
        unwrap(await desk.requests.confirmWritten({ registerNo: r.registerNo, receivedAt: at })),
      );
    });
  };
  return (
    <div className="written-confirmation">
      <h3>{t('verify.writtenTitle')}</h3>
      {r.writtenConfirmationReceivedAt ? (
        <p>
          {t('detail.writtenReceived')}{' '}
          {formatDateTime(r.writtenConfirmationReceivedAt, i18n.language)}
        </p>
      ) : (
        <>
          <p>
            {t('detail.writtenDue')}{' '}
            {r.writtenConfirmationDue && formatDateTime(r.writtenConfirmationDue, i18n.language)}{' '}
            {r.writtenConfirmationState && <DeadlineBadge state={r.writtenConfirmationState} />}
          </p>
          {may('requests.handle') && (
            <form onSubmit={submit} aria-label={t('verify.writtenTitle')}>
              <DateTimeField label={t('verify.writtenAt')} value={at} onChange={setAt} />
              <ErrorAlert error={error} />
              <button type="submit" className="btn" disabled={busy || !at}>
                {t('detail.confirmWritten')}
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}

/**
 * The verification step: the authority's verified channels from the catalogue, the verification
 * as recorded (method, channel, by, when, note) and, while the request is open and unverified,
 * the form that records it. A call-back on any number but the catalogue's does not count.
 */
export function VerificationPanel({ request: r, onChanged }: RequestPanelProps) {
  const { t, i18n } = useTranslation('requests');
  const may = useCan();
  const open = !FINAL.includes(r.status) && r.status !== 'awaiting_approval';
  const v = r.verification;
  return (
    <section className="panel" aria-labelledby="verification-heading">
      <h2 id="verification-heading">{t('detail.verification')}</h2>
      {v ? (
        <dl className="facts verification-record" data-testid="verification-record">
          <dt>{t('form.method')}</dt>
          <dd>{t(`verification.${v.method}`)}</dd>
          {v.method === 'callback' && (
            <>
              <dt>{t('verify.channel')}</dt>
              <dd>{v.channel ?? t('verify.noChannelNamed')}</dd>
            </>
          )}
          <dt>{t('form.by')}</dt>
          <dd>{v.by}</dd>
          <dt>{t('form.at')}</dt>
          <dd>{formatDateTime(v.at, i18n.language)}</dd>
          <dt>{t('form.note')}</dt>
          <dd>{v.note ?? '—'}</dd>
        </dl>
      ) : (
        <p className="alert alert--warning">{t('detail.notVerified')}</p>
      )}
      {v && !r.verified && (
        <p className="alert alert--warning" data-testid="verification-does-not-count">
          {t('verify.doesNotCount')}
        </p>
      )}
      {may('requests.handle') && open && !r.verified ? (
        <VerifyForm request={r} onChanged={onChanged} />
      ) : (
        <Channels request={r} />
      )}
      {r.oral && <WrittenConfirmation request={r} onChanged={onChanged} />}
    </section>
  );
}
