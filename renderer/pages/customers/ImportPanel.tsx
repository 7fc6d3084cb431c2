import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ImportJobState,
  ImportKind,
  ImportPreview,
  ImportReport,
} from '../../../shared/schemas/customers';
import { IMPORT_KINDS } from '../../../shared/schemas/customers';
import type { ErrorCode } from '../../../shared/result';
import { DeskCallError, desk, hostKind, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateTimeField } from '../../components/DateTimeField';
import { instantOfDeskTime } from '../../components/format';
import { CheckField } from '../../components/Field';
import { useDeskAction } from '../../hooks/useDeskAction';
import { ImportReportView } from './ImportReportView';
import { MassCloseConfirm } from './MassCloseConfirm';
import { PreviewTable } from './PreviewTable';

interface Picked {
  token: string;
  name: string;
  size: number;
}

/** Choose a file, check its preview, pick the kind, run with progress, read the report. */
export function ImportPanel({ onFinished }: { onFinished: () => void }) {
  const { t, i18n } = useTranslation('customers');
  const n = (v: number) => v.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  const [file, setFile] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [kind, setKind] = useState<ImportKind | ''>('');
  const [acceptValid, setAcceptValid] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [asOf, setAsOf] = useState('');
  const [job, setJob] = useState<ImportJobState | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const picking = useDeskAction(); // choosing a file and reading its preview: nothing disables
  const importing = useDeskAction(); // the import itself: the controls wait for it
  const busy = importing.busy;
  const error = importing.error ?? picking.error;
  const input = useRef<HTMLInputElement>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  /** Reads the file's preview (again, with the kind the user chose); none if it cannot. */
  async function readPreview(picked: Picked, k?: ImportKind) {
    setReport(null);
    setFile(picked);
    const r = await desk.customers.preview({ file: picked.token, ...(k ? { kind: k } : {}) });
    if (!r.ok) setPreview(null);
    const p = unwrap(r);
    setPreview(p);
    setKind(p.kind ?? '');
  }

  /** One error shows at a time: a new attempt clears the last one, whichever step it came from. */
  const pick = (work: () => Promise<void>) => {
    importing.reset();
    return picking.run(work);
  };

  function choose() {
    if (hostKind() === 'electron') {
      void pick(async () => {
        const picked = unwrap(await desk.files.pickOpen({ purpose: 'import' }));
        if (picked) await readPreview(picked);
      });
    } else {
      importing.reset();
      picking.reset();
      input.current?.click();
    }
  }

  function uploaded(f: File | undefined) {
    const upload = window.deskHost?.upload;
    if (f && upload) void pick(async () => readPreview(await upload(f)));
  }

  /** Runs the import; `allowMassClose` confirms a snapshot refused for what it would close. */
  async function run(allowMassClose = false) {
    if (!file || !kind) return;
    picking.reset();
    setReport(null);
    await importing.run(
      async () => {
        const { jobId } = unwrap(
          await desk.customers.importStart({
            file: file.token,
            kind,
            acceptValid,
            dryRun,
            allowMassClose,
            ...(preview?.mode === 'snapshot' && asOf ? { asOf: instantOfDeskTime(asOf) ?? asOf } : {}),
          }),
        );
        let s = unwrap(await desk.customers.importProgress({ jobId }));
        setJob(s);
        while (s.state === 'running' && alive.current) {
          s = unwrap(await desk.customers.importProgress({ jobId, waitMs: 500 }));
          if (alive.current) setJob(s);
        }
        if (!alive.current) return;
        if (s.report) setReport(s.report);
        onFinished();
        if (!s.report && s.error) {
          throw new DeskCallError(s.error.code as ErrorCode, s.error.message);
        }
      },
      () => setJob(null),
    );
  }

  async function cancel() {
    if (job) await desk.customers.importCancel({ jobId: job.jobId });
  }

  function reset() {
    setFile(null);
    setPreview(null);
    setReport(null);
    setKind('');
    setAsOf('');
    setAcceptValid(false);
    setDryRun(false);
  }

  const p = job?.progress;
  const pct = p && p.totalBytes ? Math.min(100, Math.floor((100 * p.bytes) / p.totalBytes)) : 0;

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.title')}</h2>
      <p className="field__hint">{t('import.intro')}</p>
      <input
        ref={input}
        type="file"
        accept=".csv,.txt,text/csv"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          uploaded(f);
        }}
      />
      <div className="actions">
        <button type="button" className="btn" onClick={choose} disabled={busy}>
          {file ? t('import.chooseOther') : t('import.choose')}
        </button>
        {file && (
          <span className="muted" data-testid="import-file-name">
            {t('import.chosen', { name: file.name, size: n(file.size) })}
          </span>
        )}
      </div>
      <ErrorAlert error={error}>
        {error?.code === 'CONFLICT' && <p className="alert__detail">{t('import.busy')}</p>}
      </ErrorAlert>

      {preview && !report && (
        <>
          <PreviewTable preview={preview} />
          <div className="field field--short">
            <label htmlFor="import-kind">{t('kind.label')}</label>
            <select
              id="import-kind"
              value={kind}
              disabled={busy}
              onChange={(e) => {
                const k = e.target.value as ImportKind;
                setKind(k);
                if (file && k) void pick(() => readPreview(file, k));
              }}
            >
              <option value="">{t('kind.choose')}</option>
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
            <p className="field__hint">{t(`kind.hint.${kind || 'none'}`)}</p>
          </div>
          {preview.mode === 'snapshot' && (
            <DateTimeField
              label={t('import.asOf')}
              hint={t('import.asOfHint')}
              value={asOf}
              disabled={busy}
              onChange={setAsOf}
            />
          )}
          <CheckField
            id="import-accept-valid"
            label={t('import.acceptValid')}
            hint={t('import.acceptValidHint')}
            checked={acceptValid}
            disabled={busy}
            onChange={setAcceptValid}
          />
          <CheckField
            id="import-dry-run"
            label={t('import.dryRun')}
            checked={dryRun}
            disabled={busy}
            onChange={setDryRun}
          />
          <div className="actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy || !kind || preview.missing.length > 0}
              onClick={() => void run()}
            >
              {dryRun ? t('import.check') : t('import.run')}
            </button>
            {busy && job && (
              <button type="button" className="btn" onClick={() => void cancel()}>
                {t('import.cancel')}
              </button>
            )}
          </div>
        </>
      )}

      {busy && p && (
        <div className="import-progress" aria-live="polite">
          <progress max={100} value={pct} aria-label={t('progress.label')} />
          <p>
            {t(`progress.phase.${p.phase}`)} —{' '}
            {t('progress.text', {
              pct,
              rows: n(p.rows),
              rate: n(p.rowsPerSecond),
              rejected: n(p.rejectedRows),
            })}
            {p.etaSeconds !== null &&
              ` ${t('progress.eta', { seconds: n(Math.ceil(p.etaSeconds)) })}`}
          </p>
        </div>
      )}

      {report && (
        <>
          <MassCloseConfirm report={report} busy={busy} onConfirm={() => void run(true)} />
          <ImportReportView report={report} />
          <div className="actions">
            <button type="button" className="btn" onClick={reset}>
              {t('import.another')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
