import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  DATA_CATEGORIES,
  ISSUER_FUNCTIONS,
  NAW_CATEGORIES,
  REQUEST_CHANNELS,
  URGENCIES,
  VERIFICATION_METHODS,
  type DataCategory,
} from '../../../shared/schemas/requests';
import { DEFAULT_TIME_ZONE } from '../../../shared/moment';
import { asDeskError, desk, hostKind, unwrap, type DeskCallError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field, SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useSession } from '../../session/SessionProvider';
import { useDeskData } from '../../hooks/useDeskData';

interface ItemDraft {
  kind: 'phone' | 'ip';
  value: string;
  port: string;
  moment: string;
  timeZone: string;
}

/** `yyyy-mm-ddThh:mm` of now in the workstation's local time, for datetime-local inputs. */
const localNow = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

const newItem = (): ItemDraft => ({
  kind: 'phone',
  value: '',
  port: '',
  moment: '',
  timeZone: DEFAULT_TIME_ZONE,
});

/** Step 1 of the wizard: log the request as it came in (with the verification, if done). */
export function NewRequestPage() {
  const { t } = useTranslation('requests');
  const navigate = useNavigate();
  const { state } = useSession();
  const form = useRef<HTMLFormElement>(null);
  const catalogue = useDeskData(
    async () => ({
      authorities: unwrap(await desk.catalogue.authorities({})),
      bases: unwrap(await desk.catalogue.legalBases({})),
    }),
    [],
  );
  const [authority, setAuthority] = useState('');
  const [basis, setBasis] = useState('sv-126na-1');
  const [caseReference, setCaseReference] = useState('');
  const [receivedAt, setReceivedAt] = useState(localNow);
  const [channel, setChannel] = useState<(typeof REQUEST_CHANNELS)[number]>('email');
  const [urgency, setUrgency] = useState<(typeof URGENCIES)[number]>('normal');
  const [deadline, setDeadline] = useState('');
  const [categories, setCategories] = useState<DataCategory[]>([...NAW_CATEGORIES]);
  const [requester, setRequester] = useState({
    name: '',
    function: 'opsporingsambtenaar',
    badge: '',
    email: '',
    phone: '',
  });
  const [verified, setVerified] = useState(false);
  const [verification, setVerification] = useState({
    method: 'callback' as (typeof VERIFICATION_METHODS)[number],
    by: state?.user?.name ?? '',
    at: localNow(),
    note: '',
  });
  const [items, setItems] = useState<ItemDraft[]>([newItem()]);
  const [document, setDocument] = useState<{ token: string; name: string } | null>(null);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<DeskCallError | null>(null);
  const [busy, setBusy] = useState(false);

  function findMissing(): Set<string> {
    const m = new Set<string>();
    if (!authority) m.add('authority');
    if (!requester.name.trim()) m.add('requesterName');
    if (!caseReference.trim()) m.add('caseReference');
    if (!receivedAt) m.add('receivedAt');
    if (categories.length === 0) m.add('categories');
    items.forEach((it, i) => {
      if (!it.value.trim()) m.add(`value${i}`);
      if (!it.moment) m.add(`moment${i}`);
    });
    return m;
  }
  // After a first attempt, problems follow the fields as they are filled in.
  const missing = tried ? findMissing() : new Set<string>();
  const req = (key: string) => (missing.has(key) ? t('form.required') : null);
  const setItem = (i: number, patch: Partial<ItemDraft>) =>
    setItems(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));

  async function upload(file: File | undefined) {
    if (!file) return;
    try {
      const host = window.deskHost;
      if (host?.upload) {
        const picked = await host.upload(file);
        setDocument({ token: picked.token, name: picked.name });
      }
    } catch (e) {
      setError(asDeskError(e));
    }
  }
  async function pick() {
    try {
      const picked = unwrap(await desk.files.pickOpen({ purpose: 'attachment' }));
      if (picked) setDocument({ token: picked.token, name: picked.name });
    } catch (e) {
      setError(asDeskError(e));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const m = findMissing();
    setTried(true);
    setError(null);
    if (m.size > 0) {
      requestAnimationFrame(() =>
        form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setBusy(true);
    try {
      const created = unwrap(
        await desk.requests.create({
          authority,
          legalBasis: basis,
          caseReference: caseReference.trim(),
          receivedAt,
          channel,
          urgency,
          ...(deadline ? { deadline } : {}),
          categories,
          requester: {
            name: requester.name.trim(),
            function: requester.function,
            ...(requester.badge.trim() ? { badge: requester.badge.trim() } : {}),
            ...(requester.email.trim() ? { email: requester.email.trim() } : {}),
            ...(requester.phone.trim() ? { phone: requester.phone.trim() } : {}),
          },
          ...(verified
            ? {
                verification: {
                  method: verification.method,
                  by: verification.by.trim() || (state?.user?.name ?? ''),
                  at: verification.at,
                  ...(verification.note.trim() ? { note: verification.note.trim() } : {}),
                },
              }
            : {}),
          items: items.map((it) => ({
            kind: it.kind,
            value: it.value.trim(),
            moment: it.moment,
            timeZone: it.timeZone.trim() || DEFAULT_TIME_ZONE,
            ...(it.kind === 'ip' && it.port.trim() ? { port: it.port.trim() } : {}),
          })),
          ...(document ? { documentToken: document.token } : {}),
        }),
      );
      navigate(`/requests/${created.registerNo}`);
    } catch (err) {
      setError(asDeskError(err));
      setBusy(false);
    }
  }

  return (
    <Page title={t('form.title')}>
      <p className="lead">{t('form.intro')}</p>
      <ErrorAlert error={catalogue.error} />
      <form ref={form} onSubmit={submit} noValidate>
        <section className="panel" aria-labelledby="sec-request">
          <h2 id="sec-request">{t('form.sectionRequest')}</h2>
          <div className="grid-2">
            <SelectField
              label={t('form.authority')}
              value={authority}
              onChange={(e) => setAuthority(e.target.value)}
              aria-invalid={missing.has('authority') || undefined}
            >
              <option value="">—</option>
              {catalogue.data?.authorities.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                  {a.legacy ? ` ${t('form.legacy')}` : ''}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('form.basis')}
              value={basis}
              onChange={(e) => setBasis(e.target.value)}
            >
              {catalogue.data?.bases.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.article} — {b.shortName}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('form.caseReference')}
              value={caseReference}
              onChange={(e) => setCaseReference(e.target.value)}
              error={req('caseReference')}
            />
            <Field
              label={t('form.receivedAt')}
              type="datetime-local"
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.target.value)}
              error={req('receivedAt')}
            />
            <SelectField
              label={t('form.channel')}
              value={channel}
              onChange={(e) => setChannel(e.target.value as typeof channel)}
            >
              {REQUEST_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('form.urgency')}
              value={urgency}
              onChange={(e) => setUrgency(e.target.value as typeof urgency)}
            >
              {URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {t(`urgency.${u}`)}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('form.deadline')}
              hint={t('form.deadlineHint')}
              type="datetime-local"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
            />
          </div>
          <fieldset
            className="checks-grid"
            aria-describedby={missing.has('categories') ? 'cat-error' : undefined}
          >
            <legend>{t('form.categories')}</legend>
            {DATA_CATEGORIES.map((c) => (
              <label key={c} className="check">
                <input
                  type="checkbox"
                  checked={categories.includes(c)}
                  onChange={(e) =>
                    setCategories(
                      e.target.checked ? [...categories, c] : categories.filter((x) => x !== c),
                    )
                  }
                />{' '}
                {t(`category.${c}`)}
              </label>
            ))}
          </fieldset>
          {missing.has('categories') && (
            <p className="field__error" id="cat-error">
              {t('form.chooseCategory')}
            </p>
          )}
        </section>

        <section className="panel" aria-labelledby="sec-requester">
          <h2 id="sec-requester">{t('form.sectionRequester')}</h2>
          <div className="grid-2">
            <Field
              label={t('form.requesterName')}
              value={requester.name}
              onChange={(e) => setRequester({ ...requester, name: e.target.value })}
              error={req('requesterName')}
            />
            <SelectField
              label={t('form.requesterFunction')}
              value={requester.function}
              onChange={(e) => setRequester({ ...requester, function: e.target.value })}
            >
              {ISSUER_FUNCTIONS.map((f) => (
                <option key={f} value={f}>
                  {t(`function.${f}`)}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('form.badge')}
              value={requester.badge}
              onChange={(e) => setRequester({ ...requester, badge: e.target.value })}
            />
            <Field
              label={t('form.email')}
              type="email"
              value={requester.email}
              onChange={(e) => setRequester({ ...requester, email: e.target.value })}
            />
            <Field
              label={t('form.phone')}
              type="tel"
              value={requester.phone}
              onChange={(e) => setRequester({ ...requester, phone: e.target.value })}
            />
          </div>
        </section>

        <section className="panel" aria-labelledby="sec-verification">
          <h2 id="sec-verification">{t('form.sectionVerification')}</h2>
          <label className="check">
            <input
              type="checkbox"
              checked={verified}
              onChange={(e) => setVerified(e.target.checked)}
            />{' '}
            {t('form.verified')}
          </label>
          {verified && (
            <div className="grid-2">
              <SelectField
                label={t('form.method')}
                value={verification.method}
                onChange={(e) =>
                  setVerification({
                    ...verification,
                    method: e.target.value as typeof verification.method,
                  })
                }
              >
                {VERIFICATION_METHODS.map((v) => (
                  <option key={v} value={v}>
                    {t(`verification.${v}`)}
                  </option>
                ))}
              </SelectField>
              <Field
                label={t('form.by')}
                value={verification.by}
                onChange={(e) => setVerification({ ...verification, by: e.target.value })}
              />
              <Field
                label={t('form.at')}
                type="datetime-local"
                value={verification.at}
                onChange={(e) => setVerification({ ...verification, at: e.target.value })}
              />
              <Field
                label={t('form.note')}
                value={verification.note}
                onChange={(e) => setVerification({ ...verification, note: e.target.value })}
              />
            </div>
          )}
        </section>

        <section className="panel" aria-labelledby="sec-items">
          <h2 id="sec-items">{t('form.sectionItems')}</h2>
          {items.map((it, i) => (
            <fieldset key={i} className="item-row" aria-label={t('form.item', { n: i + 1 })}>
              <SelectField
                label={t('form.itemKind')}
                value={it.kind}
                onChange={(e) => setItem(i, { kind: e.target.value as ItemDraft['kind'] })}
              >
                <option value="phone">{t('form.phoneKind')}</option>
                <option value="ip">{t('form.ipKind')}</option>
              </SelectField>
              <Field
                label={t('form.value')}
                value={it.value}
                onChange={(e) => setItem(i, { value: e.target.value })}
                error={req(`value${i}`)}
                className="field--mono"
              />
              <Field
                label={t('form.port')}
                inputMode="numeric"
                value={it.port}
                disabled={it.kind !== 'ip'}
                onChange={(e) => setItem(i, { port: e.target.value })}
              />
              <Field
                label={t('form.moment')}
                type="datetime-local"
                step={1}
                value={it.moment}
                onChange={(e) => setItem(i, { moment: e.target.value })}
                error={req(`moment${i}`)}
              />
              <Field
                label={t('form.timeZone')}
                value={it.timeZone}
                onChange={(e) => setItem(i, { timeZone: e.target.value })}
              />
              {items.length > 1 && (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => setItems(items.filter((_, j) => j !== i))}
                  aria-label={t('form.removeItem', { n: i + 1 })}
                >
                  ✕
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" className="btn" onClick={() => setItems([...items, newItem()])}>
            {t('form.addItem')}
          </button>
        </section>

        <section className="panel" aria-labelledby="sec-document">
          <h2 id="sec-document">{t('form.sectionDocument')}</h2>
          {hostKind() === 'electron' ? (
            <button type="button" className="btn" onClick={() => void pick()}>
              {t('form.choose')}
            </button>
          ) : (
            <div className="field">
              <label htmlFor="request-document">{t('form.document')}</label>
              <input
                id="request-document"
                type="file"
                accept="application/pdf,image/png,image/jpeg"
                onChange={(e) => void upload(e.target.files?.[0])}
              />
            </div>
          )}
          {document && <p>{document.name}</p>}
        </section>

        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('form.submit')}
          </button>
          <Link className="btn" to="/requests">
            {t('form.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
