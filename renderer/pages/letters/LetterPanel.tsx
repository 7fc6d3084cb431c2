import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SEND_METHODS,
  type DisclosureRecord,
  type LetterPreview,
  type SendMethod,
} from '../../../shared/schemas/letters';
import { desk, hostKind, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64ToBytes, downloadFile } from '../../components/download';
import { DateTimeField } from '../../components/DateTimeField';
import { optionsOf, SelectField } from '../../components/Field';
import { formatDateTime, localNow } from '../../components/format';
import { useDeskAction } from '../../hooks/useDeskAction';
import { LANGUAGES, type UiLanguage } from '../../i18n/namespaces';
import { LetterPages } from './LetterPages';
import './letters.css';

type Shown =
  | { what: 'preview'; preview: LetterPreview }
  | { what: 'archived'; record: DisclosureRecord; pages: string[]; pdfBase64: string };

/**
 * The letter of a request, for the request detail page: preview before it is final,
 * issue and archive, the archived letter (a reprint, marked as a copy on screen), print, save as
 * PDF and "mark as sent". In the browser test transport print and save download the PDF.
 */
export function LetterPanel({
  registerNo,
  onChanged,
  issueBlocked = null,
}: {
  registerNo: string;
  /** Told after a letter is issued or marked sent, so the page can refresh its timeline. */
  onChanged?: () => void;
  /** Why the letter cannot be made final yet (shown at the disabled button); null when it can. */
  issueBlocked?: string | null;
}) {
  // Keyed by the request: opening another request starts with a clean panel (no letter, preview,
  // status or sending choice of the one shown before).
  return (
    <LetterPanelOf
      key={registerNo}
      registerNo={registerNo}
      onChanged={onChanged}
      issueBlocked={issueBlocked}
    />
  );
}

function LetterPanelOf({
  registerNo,
  onChanged,
  issueBlocked,
}: {
  registerNo: string;
  onChanged: (() => void) | undefined;
  issueBlocked: string | null;
}) {
  const { t, i18n } = useTranslation('letters');
  const [records, setRecords] = useState<DisclosureRecord[]>([]);
  const [shown, setShown] = useState<Shown | null>(null);
  const [language, setLanguage] = useState<UiLanguage>('nl');
  const [method, setMethod] = useState<SendMethod>('secure_email');
  const [sentAt, setSentAt] = useState(localNow);
  // `status` is what the last step says it did (issued, saved, printed, marked sent).
  const { busy, error, done: status, run } = useDeskAction();

  const reload = useCallback(
    () =>
      run(async () => {
        setRecords(unwrap(await desk.letters.list({ registerNo })));
      }),
    [registerNo, run],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const current = records.at(-1) ?? null;
  const browser = hostKind() === 'browser';
  const fileName = `${registerNo}-${t('fileWord')}.pdf`;

  const preview = () =>
    run(async () => {
      setShown({
        what: 'preview',
        preview: unwrap(await desk.letters.preview({ registerNo, language })),
      });
    });
  const showArchived = (id?: number) =>
    run(async () => {
      const a = unwrap(await desk.letters.archived({ registerNo, ...(id ? { id } : {}) }));
      setShown({ what: 'archived', record: a.record, pages: a.pages, pdfBase64: a.pdfBase64 });
    });
  const issue = () =>
    run(async () => {
      const rec = unwrap(await desk.letters.issue({ registerNo, language }));
      setRecords(unwrap(await desk.letters.list({ registerNo })));
      const a = unwrap(await desk.letters.archived({ registerNo, id: rec.id }));
      setShown({ what: 'archived', record: a.record, pages: a.pages, pdfBase64: a.pdfBase64 });
      onChanged?.();
      return t('issued', { sha: rec.sha256.slice(0, 16) });
    });
  const archivedBytes = async (id: number) =>
    shown?.what === 'archived' && shown.record.id === id
      ? shown.pdfBase64
      : unwrap(await desk.letters.archived({ registerNo, id })).pdfBase64;
  const save = (id: number) =>
    run(async () => {
      if (browser) {
        downloadFile(fileName, base64ToBytes(await archivedBytes(id)), 'application/pdf');
        return t('downloaded');
      }
      const r = unwrap(await desk.letters.saveAs({ registerNo, id }));
      return r.saved ? t('saved', { name: r.name }) : t('notSaved');
    });
  const print = (id: number) =>
    run(async () => {
      if (browser) {
        downloadFile(fileName, base64ToBytes(await archivedBytes(id)), 'application/pdf');
        return t('downloadedToPrint');
      }
      unwrap(await desk.letters.print({ registerNo, id }));
      return t('printed');
    });
  const markSent = (id: number) =>
    run(async () => {
      const rec = unwrap(await desk.letters.markSent({ registerNo, id, method, sentAt }));
      setRecords(unwrap(await desk.letters.list({ registerNo })));
      if (shown?.what === 'archived') setShown({ ...shown, record: rec });
      onChanged?.();
      return t('markedSent');
    });

  return (
    <section className="panel letter-panel" aria-labelledby="letter-heading">
      <h2 id="letter-heading">{t('title')}</h2>
      <ErrorAlert error={error} showReason="always" />
      <p role="status" aria-live="polite" data-testid="letter-status">
        {status}
      </p>

      {current ? (
        <div className="letter-record" data-testid="letter-record">
          <p className="letter-record__line">
            {t('recordLine', {
              kind: t(`kind.${current.kind}`),
              id: current.id,
              at: formatDateTime(current.issuedAt, i18n.language),
              by: current.issuedBy,
            })}
          </p>
          <p className="muted letter-record__line">
            {t('sha')} <code className="hash">{current.sha256}</code>
          </p>
          <p
            className={current.sent ? 'letter-sent letter-sent--done' : 'letter-sent'}
            data-testid="letter-sent"
          >
            {current.sent
              ? t('sentLine', {
                  method: t(`method.${current.sent.method}`),
                  at: formatDateTime(current.sent.at, i18n.language),
                  by: current.sent.by,
                })
              : t('notSent')}
          </p>
          <div className="actions">
            <button
              type="button"
              className="btn"
              onClick={() => void showArchived()}
              disabled={busy}
            >
              {t('showArchived')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => void print(current.id)}
              disabled={busy}
            >
              {t('print')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => void save(current.id)}
              disabled={busy}
            >
              {t('saveAs')}
            </button>
          </div>
          {!current.sent && (
            <form
              className="letter-send"
              onSubmit={(e) => {
                e.preventDefault();
                void markSent(current.id);
              }}
            >
              <fieldset>
                <legend>{t('sendLegend')}</legend>
                <div className="letter-controls">
                  <SelectField
                    label={t('methodLabel')}
                    value={method}
                    onChange={(e) => setMethod(e.target.value as SendMethod)}
                  >
                    {optionsOf(SEND_METHODS, (m) => t(`method.${m}`))}
                  </SelectField>
                  <DateTimeField
                    label={t('sentAtLabel')}
                    value={sentAt}
                    onChange={setSentAt}
                    required
                  />
                  <div className="actions">
                    <button type="submit" className="btn btn--primary" disabled={busy}>
                      {t('markSent')}
                    </button>
                  </div>
                </div>
              </fieldset>
            </form>
          )}
        </div>
      ) : (
        <div className="letter-controls">
          <SelectField
            label={t('language')}
            value={language}
            onChange={(e) => setLanguage(e.target.value as UiLanguage)}
          >
            {optionsOf(LANGUAGES, (l) => t(`languages.${l}`))}
          </SelectField>
          <div className="actions">
            <button type="button" className="btn" onClick={() => void preview()} disabled={busy}>
              {t('preview')}
            </button>
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => void issue()}
              disabled={busy || issueBlocked !== null}
              aria-describedby={issueBlocked ? 'letter-issue-blocked' : undefined}
            >
              {t('issue')}
            </button>
            {issueBlocked && (
              <p id="letter-issue-blocked" className="muted">
                {issueBlocked}
              </p>
            )}
          </div>
        </div>
      )}

      {shown?.what === 'preview' && (
        <div className="letter-shown">
          <p className="alert alert--info">{t('previewNote')}</p>
          <LetterPages pages={shown.preview.pages} copy={false} />
        </div>
      )}
      {shown?.what === 'archived' && (
        <div className="letter-shown">
          <p className="alert alert--info">{t('copyNote', { id: shown.record.id })}</p>
          <LetterPages pages={shown.pages} copy />
        </div>
      )}
    </section>
  );
}
