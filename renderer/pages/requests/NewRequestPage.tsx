import { useState } from 'react';
import type { FocusEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/FormFooter';
import { Page } from '../../components/Page';
import type { Problem } from '../../components/validation';
import { useCheckedSubmit } from '../../hooks/useCheckedSubmit';
import { useSession } from '../../session/SessionProvider';
import { DocumentField } from './draft/DocumentField';
import { epocShown } from './draft/epoc-draft';
import { EpocFields } from './draft/EpocFields';
import { ItemsEditor } from './draft/ItemsEditor';
import {
  createInput,
  initialDraft,
  missingFields,
  verificationProblem,
  unconfirmedItems,
  useRequestDraft,
} from './draft/request-draft';
import { RequestFields } from './draft/RequestFields';
import { RequesterFields } from './draft/RequesterFields';
import { VerificationSection } from './draft/VerificationSection';
import { intakeRecord } from './intake/draft-form';
import { DocumentView } from './intake/DocumentView';
import { IntakeInput } from './intake/IntakeInput';
import { IntakeWarnings } from './intake/IntakeWarnings';
import { useIntake } from './intake/useIntake';
import './intake/intake.css';
import { useRequestCatalogue } from './useRequestCatalogue';

/**
 * Step 1 of the wizard: log the request as it came in (with the verification, if done). Read
 * from its document, the document is shown beside the filled form with every value's source;
 * the officer confirms or corrects each identifier, then logs it. Typed in, the form starts empty.
 */
export function NewRequestPage() {
  const { t } = useTranslation('requests');
  const ti = useTranslation('intake').t;
  const navigate = useNavigate();
  const userName = useSession().state?.user?.name ?? '';
  const catalogue = useRequestCatalogue();
  const editor = useRequestDraft(userName);
  const intake = useIntake(userName, catalogue.data, editor.load);
  const read = intake.read;
  const { form, error, busy, run, submit: checkedSubmit } = useCheckedSubmit<string>();
  // After a first attempt, problems follow the fields as they are filled in.
  const [tried, setTried] = useState(false);
  // The field or item the officer is at: its source is marked in the document.
  const [active, setActive] = useState<string | null>(null);
  const contacts =
    catalogue.data?.authorities.find((a) => a.code === editor.draft.authority)?.contacts ?? [];
  const unverifiable = verificationProblem(editor.draft, contacts);
  const missing = tried ? missingFields(editor.draft) : new Set<string>();
  const required = (key: string) => (missing.has(key) ? t('form.required') : null);
  const unconfirmed = new Set(tried && read ? unconfirmedItems(editor.draft) : []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    const found = [...missingFields(editor.draft)].map((k): [string, Problem] => [k, 'required']);
    if (unverifiable) found.push([unverifiable, 'required']);
    if (read)
      for (const i of unconfirmedItems(editor.draft)) found.push([`confirm${i}`, 'required']);
    await checkedSubmit(Object.fromEntries(found), async () => {
      const input = createInput(editor.draft, userName);
      const created = unwrap(
        await desk.requests.create(
          read
            ? {
                ...input,
                intake: intakeRecord(read.draft, read.original, editor.draft, read.source),
              }
            : input,
        ),
      );
      navigate(`/requests/${created.registerNo}`);
    });
  }

  const readAnother = () => {
    intake.clear();
    editor.load(initialDraft(userName));
    setTried(false);
    setActive(null);
  };
  const onFocus = (e: FocusEvent<HTMLFormElement>) =>
    setActive(
      (e.target as HTMLElement).closest('[data-source-path]')?.getAttribute('data-source-path') ??
        null,
    );
  const fromFile = read && 'file' in read.source ? read.source.file : null;
  const withText = Boolean(read?.draft.extraction.document.pageTexts?.length);

  const requestForm = (
    <form ref={form} onSubmit={submit} onFocus={onFocus} noValidate>
      {read && <IntakeWarnings draft={read.draft} />}
      <RequestFields
        editor={editor}
        catalogue={catalogue.data}
        missing={missing}
        required={required}
        read={read?.draft}
      />
      {epocShown(editor.draft) && (
        <EpocFields
          epoc={editor.draft.epoc}
          onChange={(patch) => editor.set({ epoc: { ...editor.draft.epoc, ...patch } })}
          required={required}
          read={read?.draft}
        />
      )}
      <RequesterFields editor={editor} required={required} read={read?.draft} />
      <VerificationSection
        editor={editor}
        contacts={contacts}
        problem={tried ? unverifiable : null}
      />
      <ItemsEditor
        editor={editor}
        required={required}
        read={read?.draft}
        unconfirmed={unconfirmed}
      />
      {!fromFile && (
        <DocumentField
          document={editor.draft.document}
          onPicked={(document) => editor.set({ document })}
          run={run}
        />
      )}
      <FormFooter error={error} busy={busy} submit={read ? ti('form.submit') : t('form.submit')}>
        <Link className="btn" to="/requests">
          {t('form.cancel')}
        </Link>
        {unconfirmed.size > 0 && (
          <span className="intake-unconfirmed">
            {ti('form.unconfirmedCount', { count: unconfirmed.size })}
          </span>
        )}
      </FormFooter>
    </form>
  );

  return (
    <Page title={t('form.title')} className={read ? 'page--intake' : undefined}>
      <ErrorAlert error={catalogue.error} />
      {read ? (
        <>
          <div className="intake-bar">
            <p>
              {fromFile ? ti('input.readFrom', { name: fromFile.name }) : ti('input.readFromText')}
            </p>
            <button type="button" className="btn" onClick={readAnother}>
              {ti('input.again')}
            </button>
          </div>
          {withText ? (
            <div className="intake-layout">
              <DocumentView draft={read.draft} active={active} />
              <div className="intake-layout__form">
                <p className="lead">{ti('form.intro')}</p>
                {requestForm}
              </div>
            </div>
          ) : (
            <>
              <p className="lead">{ti('document.json')}</p>
              {requestForm}
            </>
          )}
        </>
      ) : (
        <>
          <p className="lead">{t('form.intro')}</p>
          <IntakeInput intake={intake} />
          {requestForm}
        </>
      )}
    </Page>
  );
}
