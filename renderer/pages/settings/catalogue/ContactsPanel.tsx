import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_KINDS,
  type CatalogueAuthority,
  type ContactKind,
  type VerifiedContact,
} from '../../../../shared/schemas/catalogue';
import { desk, unwrap } from '../../../api';
import { StatusMessage } from '../../../components/ErrorAlert';
import { Field, SelectField } from '../../../components/Field';
import { useSession } from '../../../session/SessionProvider';
import { CatalogueError } from './CatalogueError';
import { useSubmit } from './useCatalogueView';

/** Today in the workstation's own calendar, as YYYY-MM-DD. */
const today = () => new Date().toLocaleDateString('en-CA');

/** The verified contact channels of one authority: list, withdraw (with a reason), add. */
export function ContactsPanel({
  authority: a,
  onChanged,
}: {
  authority: CatalogueAuthority;
  onChanged: () => void;
}) {
  const { t } = useTranslation('catalogue');
  const titleId = `contacts-${a.code}`;
  return (
    <section className="subform" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('contacts.title')}</h4>
      {a.contacts.length === 0 ? (
        <p className="muted">{t('contacts.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table catalogue-table">
            <caption className="sr-only">{t('contacts.caption', { name: a.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contacts.kind')}</th>
                <th scope="col">{t('contacts.value')}</th>
                <th scope="col">{t('contacts.verified')}</th>
                <th scope="col">{t('contacts.how')}</th>
                <th scope="col">
                  <span className="sr-only">{t('contacts.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {a.contacts.map((c) => (
                <ContactRow key={c.id} authority={a.code} contact={c} onChanged={onChanged} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddContactForm authority={a.code} onAdded={onChanged} />
    </section>
  );
}

function ContactRow({
  authority,
  contact: c,
  onChanged,
}: {
  authority: string;
  contact: VerifiedContact;
  onChanged: () => void;
}) {
  const { t } = useTranslation('catalogue');
  const { busy, error, run } = useSubmit();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const kind = t(`contacts.kinds.${c.kind}`);
  return (
    <tr>
      <td>{kind}</td>
      <td className="wrap">
        <code>{c.value}</code>
        {c.note && <div className="muted">{c.note}</div>}
      </td>
      <td>{t('contacts.verifiedLine', { by: c.verifiedBy || '?', at: c.verifiedAt ?? '?' })}</td>
      <td className="wrap">{c.verifiedHow}</td>
      <td>
        {!asking ? (
          <button
            type="button"
            className="btn btn--small"
            aria-label={t('contacts.removeFor', { kind, value: c.value })}
            onClick={() => setAsking(true)}
          >
            {t('contacts.remove')}
          </button>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                unwrap(await desk.catalogue.removeContact({ authority, contactId: c.id, reason }));
                onChanged();
                return t('contacts.removed');
              });
            }}
            noValidate
            aria-busy={busy}
          >
            <Field
              label={t('contacts.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
            <CatalogueError error={error} />
            <div className="actions">
              <button type="submit" className="btn btn--small btn--primary" disabled={busy}>
                {t('contacts.confirmRemove')}
              </button>
              <button type="button" className="btn btn--small" onClick={() => setAsking(false)}>
                {t('authorities.cancel')}
              </button>
            </div>
          </form>
        )}
      </td>
    </tr>
  );
}

function AddContactForm({ authority, onAdded }: { authority: string; onAdded: () => void }) {
  const { t } = useTranslation('catalogue');
  const me = useSession().state?.user?.displayName ?? '';
  const { busy, error, done, run } = useSubmit();
  const [kind, setKind] = useState<ContactKind>('phone');
  const [value, setValue] = useState('');
  const [verifiedBy, setVerifiedBy] = useState(me);
  const [verifiedAt, setVerifiedAt] = useState(today());
  const [verifiedHow, setVerifiedHow] = useState('');
  const [note, setNote] = useState('');
  const [independent, setIndependent] = useState(false);
  const [tried, setTried] = useState(false);

  const missing = (v: string) => (tried && !v.trim() ? t('contacts.required') : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!value.trim() || !verifiedBy.trim() || !verifiedAt || !verifiedHow.trim() || !independent)
      return;
    const ok = await run(async () => {
      unwrap(
        await desk.catalogue.addContact({
          authority,
          kind,
          value,
          verifiedBy,
          verifiedAt,
          verifiedHow,
          note,
          independent: true,
        }),
      );
      onAdded();
      return t('contacts.added');
    });
    if (ok) {
      setValue('');
      setVerifiedHow('');
      setNote('');
      setIndependent(false);
      setTried(false);
    }
  }

  const checkId = `independent-${authority}`;
  return (
    <form onSubmit={submit} noValidate aria-busy={busy} className="subform">
      <h4>{t('contacts.addTitle')}</h4>
      <div className="grid-2">
        <SelectField
          label={t('contacts.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ContactKind)}
        >
          {CONTACT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`contacts.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('contacts.value')}
          hint={t(`contacts.valueHint.${kind}`)}
          hintBelow
          value={value}
          required
          onChange={(e) => setValue(e.target.value)}
          error={missing(value)}
        />
        <Field
          label={t('contacts.verifiedBy')}
          value={verifiedBy}
          required
          onChange={(e) => setVerifiedBy(e.target.value)}
          error={missing(verifiedBy)}
        />
        <Field
          label={t('contacts.verifiedAt')}
          type="date"
          max={today()}
          value={verifiedAt}
          required
          onChange={(e) => setVerifiedAt(e.target.value)}
          error={missing(verifiedAt)}
        />
      </div>
      <Field
        label={t('contacts.verifiedHow')}
        hint={t('contacts.verifiedHowHint')}
        value={verifiedHow}
        required
        onChange={(e) => setVerifiedHow(e.target.value)}
        error={missing(verifiedHow)}
      />
      <Field label={t('contacts.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className={`check${tried && !independent ? ' field--invalid' : ''}`}>
        <input
          id={checkId}
          type="checkbox"
          checked={independent}
          aria-invalid={tried && !independent ? true : undefined}
          aria-describedby={tried && !independent ? `${checkId}-error` : undefined}
          onChange={(e) => setIndependent(e.target.checked)}
        />
        <label htmlFor={checkId}>{t('contacts.independent')}</label>
      </div>
      {tried && !independent && (
        <p className="field__error" id={`${checkId}-error`}>
          {t('contacts.independentRequired')}
        </p>
      )}
      <CatalogueError error={error} />
      <StatusMessage>{done}</StatusMessage>
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('contacts.add')}
        </button>
      </div>
    </form>
  );
}
