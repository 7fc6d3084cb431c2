import { useState } from 'react';
import type { FormEvent } from 'react';
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
import { ItemsEditor } from './draft/ItemsEditor';
import { createInput, missingFields, useRequestDraft } from './draft/request-draft';
import { RequestFields } from './draft/RequestFields';
import { RequesterFields } from './draft/RequesterFields';
import { VerificationSection } from './draft/VerificationSection';
import { useRequestCatalogue } from './useRequestCatalogue';

/** Step 1 of the wizard: log the request as it came in (with the verification, if done). */
export function NewRequestPage() {
  const { t } = useTranslation('requests');
  const navigate = useNavigate();
  const userName = useSession().state?.user?.name ?? '';
  const catalogue = useRequestCatalogue();
  const editor = useRequestDraft(userName);
  const { form, error, busy, run, submit: checkedSubmit } = useCheckedSubmit<string>();
  // After a first attempt, problems follow the fields as they are filled in.
  const [tried, setTried] = useState(false);
  const missing = tried ? missingFields(editor.draft) : new Set<string>();
  const required = (key: string) => (missing.has(key) ? t('form.required') : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    const found = [...missingFields(editor.draft)].map((k): [string, Problem] => [k, 'required']);
    await checkedSubmit(Object.fromEntries(found), async () => {
      const created = unwrap(await desk.requests.create(createInput(editor.draft, userName)));
      navigate(`/requests/${created.registerNo}`);
    });
  }

  return (
    <Page title={t('form.title')}>
      <p className="lead">{t('form.intro')}</p>
      <ErrorAlert error={catalogue.error} />
      <form ref={form} onSubmit={submit} noValidate>
        <RequestFields
          editor={editor}
          catalogue={catalogue.data}
          missing={missing}
          required={required}
        />
        <RequesterFields editor={editor} required={required} />
        <VerificationSection editor={editor} />
        <ItemsEditor editor={editor} required={required} />
        <DocumentField
          document={editor.draft.document}
          onPicked={(document) => editor.set({ document })}
          run={run}
        />
        <FormFooter error={error} busy={busy} submit={t('form.submit')}>
          <Link className="btn" to="/requests">
            {t('form.cancel')}
          </Link>
        </FormFooter>
      </form>
    </Page>
  );
}
