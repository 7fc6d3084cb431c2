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
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DayField } from '../../../components/DayField';
import { CheckField, Field, optionsOf, SelectField } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { localToday } from '../../../components/format';
import { Table } from '../../../components/Table';
import { useCatalogueText } from '../../../hooks/useCatalogueText';
import { useDeskAction } from '../../../hooks/useDeskAction';
import { useSession } from '../../../session/SessionProvider';
import { CATALOGUE_REASONS } from './catalogue-reasons';
import { useVerifiedLine } from './CatalogueCells';

/** The verified contact channels of one authority: list, withdraw (with a reason), add. */
export function ContactsPanel({
  authority: a,
  onChanged,
}: {
  authority: CatalogueAuthority;
  onChanged: () => void;
}) {
  const { t } = useTranslation('catalogue');
  const { authorityName } = useCatalogueText();
  const titleId = `contacts-${a.code}`;
  return (
    <section className="subform" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('contacts.title')}</h4>
      {a.contacts.length === 0 ? (
        <p className="muted">{t('contacts.none')}</p>
      ) : (
        <Table
          className="catalogue-table"
          caption={t('contacts.caption', { name: authorityName(a) })}
          columns={[
            t('contacts.kind'),
            t('contacts.value'),
            t('contacts.verified'),
            t('contacts.how'),
            { label: t('contacts.remove'), srOnly: true },
          ]}
        >
          {a.contacts.map((c) => (
            <ContactRow key={c.id} authority={a.code} contact={c} onChanged={onChanged} />
          ))}
        </Table>
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
  const { busy, error, run } = useDeskAction();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const kind = t(`contacts.kinds.${c.kind}`);
  const verifiedLine = useVerifiedLine();
  return (
    <tr>
      <td>{kind}</td>
      <td className="wrap">
        <code>{c.value}</code>
        {c.note && <div className="muted">{c.note}</div>}
      </td>
      <td>{verifiedLine(c)}</td>
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
            <ErrorAlert error={error} showReason={CATALOGUE_REASONS} />
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
  const { busy, error, done, run } = useDeskAction();
  const [kind, setKind] = useState<ContactKind>('phone');
  const [value, setValue] = useState('');
  const [verifiedBy, setVerifiedBy] = useState(me);
  const [verifiedAt, setVerifiedAt] = useState(localToday());
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

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} className="subform">
      <h4>{t('contacts.addTitle')}</h4>
      <div className="grid-2">
        <SelectField
          label={t('contacts.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ContactKind)}
        >
          {optionsOf(CONTACT_KINDS, (k) => t(`contacts.kinds.${k}`))}
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
        <DayField
          label={t('contacts.verifiedAt')}
          value={verifiedAt}
          onChange={setVerifiedAt}
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
      <CheckField
        id={`independent-${authority}`}
        label={t('contacts.independent')}
        checked={independent}
        onChange={setIndependent}
        error={tried && !independent ? t('contacts.independentRequired') : null}
      />
      <FormFooter
        error={error}
        showReason={CATALOGUE_REASONS}
        status={done}
        busy={busy}
        submit={t('contacts.add')}
      />
    </form>
  );
}
