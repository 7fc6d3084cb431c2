import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANNEX3_EXPLAINED,
  ANNEX3_LETTER,
  ANNEX3_REASONS,
  type Annex3Language,
  type Annex3Proposal,
  type Annex3Reason,
  type Annex3Record,
} from '../../../shared/schemas/annex3';
import type { RequestDetail } from '../../../shared/schemas/requests';
import { desk, hostKind, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64ToBytes, downloadFile } from '../../components/download';
import { CheckField, optionsOf, SelectField } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useDeskData } from '../../hooks/useDeskData';
import { LetterPages } from '../letters/LetterPages';
import { useFindingText } from './finding-text';

const LANGUAGES: readonly Annex3Language[] = ['nl', 'en', 'de'];

interface Shown {
  record: Annex3Record;
  pages: string[];
  pdfBase64: string;
}

/**
 * The Annex III form of a European Production Order the desk refused, has no data for, or needs a
 * clarification on while it is open: the reasons the core proposes from the checks, the matches
 * and the decision are ticked, the officer adjusts them and explains where the form needs it; the
 * form is made and archived like a letter and can be shown and saved. Nothing for other requests.
 */
export function Annex3Panel({
  request: r,
  onChanged,
}: {
  request: RequestDetail;
  /** Told after a form is made, so the page can refresh its timeline. */
  onChanged: () => void;
}) {
  const registerNo = r.registerNo;
  // Asked again whenever what the proposal depends on changes: the state, the checks, the matches.
  const facts = `${r.status}|${r.check?.checkedAt ?? ''}|${r.matches.map((m) => m.status).join()}`;
  const { data, error: loadError } = useDeskData(
    async () => ({
      facts,
      proposal: unwrap(await desk.letters.annex3Proposal({ registerNo })),
      records: unwrap(await desk.letters.annex3List({ registerNo })),
    }),
    [registerNo, facts],
  );
  if (loadError) return <ErrorAlert error={loadError} />;
  // Until the answer for the request as it is now arrives, nothing: never the form of a moment ago.
  if (!data || data.facts !== facts) return null;
  if (data.proposal.outcome === null && data.records.length === 0) return null;
  return (
    <Annex3PanelOf
      key={`${registerNo}|${facts}`}
      proposal={data.proposal}
      records={data.records}
      onChanged={onChanged}
    />
  );
}

function Annex3PanelOf({
  proposal,
  records: loaded,
  onChanged,
}: {
  proposal: Annex3Proposal;
  records: Annex3Record[];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('letters');
  const registerNo = proposal.registerNo;
  const [records, setRecords] = useState(loaded);
  const [shown, setShown] = useState<Shown | null>(null);
  const { busy, error, done: status, run } = useDeskAction({ quietCancel: true });
  const current = records.at(-1) ?? null;
  const browser = hostKind() === 'browser';
  const fileName = `${registerNo}-${t('annex3.fileWord')}.pdf`;

  const show = (id: number) =>
    run(async () => {
      const a = unwrap(await desk.letters.annex3Archived({ registerNo, id }));
      setShown({ record: a.record, pages: a.pages, pdfBase64: a.pdfBase64 });
    });
  const save = (id: number) =>
    run(async () => {
      if (browser) {
        const b64 =
          shown?.record.id === id
            ? shown.pdfBase64
            : unwrap(await desk.letters.annex3Archived({ registerNo, id })).pdfBase64;
        downloadFile(fileName, base64ToBytes(b64), 'application/pdf');
        return t('downloaded');
      }
      const s = unwrap(await desk.letters.annex3SaveAs({ registerNo, id }));
      return s.saved ? t('saved', { name: s.name }) : t('notSaved');
    });
  const made = (rec: Annex3Record, a: Shown) => {
    setRecords((rs) => [...rs, rec]);
    setShown(a);
    onChanged();
  };

  return (
    <section className="panel letter-panel" aria-labelledby="annex3-heading">
      <h2 id="annex3-heading">{t('annex3.title')}</h2>
      <p className="muted">
        {t(proposal.outcome === 'clarify' ? 'annex3.introClarify' : 'annex3.intro')}
      </p>
      <p role="status" aria-live="polite" data-testid="annex3-status">
        {status}
      </p>
      {current && (
        <div className="letter-record" data-testid="annex3-record">
          <p className="letter-record__line">
            {t('annex3.recordLine', {
              id: current.id,
              outcome: t(`annex3.outcome.${current.outcome}`),
              reasons: current.reasons.map((x) => `(${ANNEX3_LETTER[x]})`).join(' '),
              language: t(`annex3.languages.${current.language}`),
              at: formatDateTime(current.issuedAt, i18n.language),
              by: current.issuedBy,
            })}
          </p>
          <p className="muted letter-record__line">
            {t('sha')} <code className="hash">{current.sha256}</code>
          </p>
          <div className="actions">
            <button
              type="button"
              className="btn"
              onClick={() => void show(current.id)}
              disabled={busy}
            >
              {t('annex3.show')}
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
        </div>
      )}
      {proposal.outcome !== null &&
        // An open order mostly needs no form: asking a clarification is folded away until wanted.
        (current || proposal.outcome === 'clarify' ? (
          <details className="annex3-again">
            <summary>{t(current ? 'annex3.again' : 'annex3.askClarification')}</summary>
            <Annex3Form proposal={proposal} busy={busy} run={run} onMade={made} />
          </details>
        ) : (
          <Annex3Form proposal={proposal} busy={busy} run={run} onMade={made} />
        ))}
      <ErrorAlert error={error} showReason="always" />
      {shown && (
        <div className="letter-shown">
          <p className="alert alert--info">{t('annex3.copyNote', { id: shown.record.id })}</p>
          <LetterPages pages={shown.pages} copy />
        </div>
      )}
    </section>
  );
}

/** What the form says: the reasons ticked (the proposal's to start with), explained, its language. */
function Annex3Form({
  proposal,
  busy,
  run,
  onMade,
}: {
  proposal: Annex3Proposal;
  busy: boolean;
  run: ReturnType<typeof useDeskAction<string>>['run'];
  onMade: (record: Annex3Record, shown: Shown) => void;
}) {
  const { t } = useTranslation('letters');
  const tr = useTranslation('requests').t;
  const finding = useFindingText();
  const id = useId();
  const outcome = proposal.outcome!;
  const [reasons, setReasons] = useState<ReadonlySet<Annex3Reason>>(new Set(proposal.reasons));
  const [explanation, setExplanation] = useState('');
  const [clarification, setClarification] = useState('');
  const [preserved, setPreserved] = useState(false);
  const [language, setLanguage] = useState<Annex3Language>(proposal.language);
  const registerNo = proposal.registerNo;
  const needsExplanation = ANNEX3_EXPLAINED.filter((x) => reasons.has(x));

  const sourceText = (reason: Annex3Reason) =>
    proposal.sources
      .filter((s) => s.reason === reason)
      .map((s) =>
        s.from === 'check'
          ? finding.title({ code: s.code, message: s.code })
          : s.from === 'match'
            ? t('annex3.fromMatch', { status: tr(`match.${s.code}` as 'match.no_match') })
            : t(`annex3.fromOutcome.${s.code as 'no_data'}`),
      );
  const toggle = (reason: Annex3Reason, on: boolean) =>
    setReasons((rs) => {
      const next = new Set(rs);
      if (on) next.add(reason);
      else next.delete(reason);
      return next;
    });

  const make = () =>
    run(async () => {
      const rec = unwrap(
        await desk.letters.annex3Issue({
          registerNo,
          // In the form's order, whatever order they were ticked in.
          reasons: ANNEX3_REASONS.filter((x) => reasons.has(x)),
          ...(explanation.trim() ? { explanation } : {}),
          ...(clarification.trim() ? { clarification } : {}),
          preserved,
          language,
        }),
      );
      const a = unwrap(await desk.letters.annex3Archived({ registerNo, id: rec.id }));
      onMade(rec, { record: a.record, pages: a.pages, pdfBase64: a.pdfBase64 });
      return t('annex3.made', { sha: rec.sha256.slice(0, 16) });
    });

  return (
    <form
      className="annex3-form"
      aria-labelledby={`${id}-legend`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void make();
      }}
    >
      <p>
        <strong>{t('annex3.answers')}</strong> {t(`annex3.outcome.${outcome}`)}
      </p>
      <fieldset>
        <legend id={`${id}-legend`}>{t('annex3.reasonsLegend')}</legend>
        <p className="field__hint">
          {proposal.reasons.length > 0 ? t('annex3.proposedNote') : t('annex3.nothingProposed')}
        </p>
        {ANNEX3_REASONS.map((reason) => {
          const from = sourceText(reason);
          return (
            <CheckField
              key={reason}
              label={`(${ANNEX3_LETTER[reason]}) ${t(`annex3.reasons.${reason}`)}`}
              checked={reasons.has(reason)}
              onChange={(on) => toggle(reason, on)}
              hint={
                from.length > 0 ? t('annex3.proposedFrom', { from: from.join('; ') }) : undefined
              }
            />
          );
        })}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-explanation`}>
          {needsExplanation.length > 0
            ? t('annex3.explanationRequired', {
                letters: needsExplanation.map((x) => `(${ANNEX3_LETTER[x]})`).join(', '),
              })
            : t('annex3.explanation')}
        </label>
        <textarea
          id={`${id}-explanation`}
          className="annex3-textarea"
          maxLength={2000}
          value={explanation}
          aria-required={needsExplanation.length > 0 || undefined}
          onChange={(e) => setExplanation(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-clarification`}>
          {outcome === 'clarify' ? t('annex3.clarificationRequired') : t('annex3.clarification')}
        </label>
        <textarea
          id={`${id}-clarification`}
          className="annex3-textarea"
          maxLength={2000}
          value={clarification}
          aria-required={outcome === 'clarify' || undefined}
          onChange={(e) => setClarification(e.target.value)}
        />
      </div>
      <CheckField label={t('annex3.preserved')} checked={preserved} onChange={setPreserved} />
      <div className="letter-controls">
        <SelectField
          label={t('annex3.language')}
          hint={
            proposal.issuingState
              ? t('annex3.languageHint', {
                  state: proposal.issuingState,
                  language: t(`annex3.languages.${proposal.language}`),
                })
              : undefined
          }
          value={language}
          onChange={(e) => setLanguage(e.target.value as Annex3Language)}
        >
          {optionsOf(LANGUAGES, (l) => t(`annex3.languages.${l}`))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('annex3.make')}
          </button>
        </div>
      </div>
    </form>
  );
}
