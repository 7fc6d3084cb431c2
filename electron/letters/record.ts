import type { DisclosureRecord, SendMethod } from '../../shared/schemas/letters';
import type { DataCategory } from '../../shared/schemas/terms';
import { chainHead } from '../audit/log';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { readSetting } from '../core/settings';
import { addEvent } from '../register/events';
import { verificationOf } from '../register/check-channel';
import { instantOf } from '../register/instant';
import { loadRequest } from '../register/store';
import type { Db } from '../core/db';
import { DEFAULT_SIGNER_FUNCTION, letterFromRegister, type LetterSource } from './from-register';
import type { LetterLanguage } from './model';
import { renderLetter, type RenderedLetter } from './render';
import { pageToSvg } from './svg';
import { LETTER_TEXTS, formatDate } from './texts';

export interface LetterOptions {
  language?: LetterLanguage | undefined;
  signerFunction?: string | undefined;
}

interface Row {
  id: number;
  request_id: number;
  decision_id: number;
  register_no: string;
  kind: DisclosureRecord['kind'];
  language: LetterLanguage;
  authority: string;
  official: string;
  legal_basis: string;
  case_reference: string | null;
  items: string;
  disclosed: string;
  categories: string;
  withheld: string;
  reasons: string;
  handled_by: string;
  decided_at: string;
  approved_by: string | null;
  approved_at: string | null;
  issued_by: string;
  issued_at: string;
  chain_seq: number;
  chain_hash: string;
  pdf_sha256: string;
  pdf_size: number;
  page_count: number;
  corrects: number | null;
  correction_reason: string | null;
  corrected_by: number | null;
  sent_method: SendMethod | null;
  sent_at: string | null;
  sent_by: string | null;
  sent_recorded_at: string | null;
}

const COLUMNS = `d.id, d.request_id, d.decision_id, d.register_no, d.kind, d.language, d.authority,
  d.official, d.legal_basis, d.case_reference, d.items, d.disclosed, d.categories, d.withheld,
  d.reasons, d.handled_by, d.decided_at, d.approved_by, d.approved_at, d.issued_by, d.issued_at,
  d.chain_seq, d.chain_hash, d.pdf_sha256, d.pdf_size, d.page_count, d.corrects,
  d.correction_reason, d.sent_method, d.sent_at, d.sent_by, d.sent_recorded_at,
  (SELECT c.id FROM disclosure c WHERE c.corrects = d.id) AS corrected_by`;

const toRecord = (r: Row): DisclosureRecord => ({
  id: r.id,
  registerNo: r.register_no,
  kind: r.kind,
  language: r.language,
  authority: r.authority,
  official: JSON.parse(r.official) as DisclosureRecord['official'],
  legalBasis: r.legal_basis,
  caseReference: r.case_reference,
  items: JSON.parse(r.items) as DisclosureRecord['items'],
  categories: JSON.parse(r.categories) as DataCategory[],
  withheld: JSON.parse(r.withheld) as DataCategory[],
  disclosedSubscribers: (JSON.parse(r.disclosed) as { customerIds: string[] }[]).reduce(
    (n, d) => n + d.customerIds.length,
    0,
  ),
  reasons: JSON.parse(r.reasons) as string[],
  handledBy: r.handled_by,
  decidedAt: r.decided_at,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
  issuedBy: r.issued_by,
  issuedAt: r.issued_at,
  chainHead: { seq: r.chain_seq, hash: r.chain_hash },
  sha256: r.pdf_sha256,
  size: r.pdf_size,
  pageCount: r.page_count,
  corrects: r.corrects,
  correctionReason: r.correction_reason,
  correctedBy: r.corrected_by,
  sent:
    r.sent_at && r.sent_method && r.sent_by
      ? { method: r.sent_method, at: r.sent_at, by: r.sent_by, recordedAt: r.sent_recorded_at! }
      : null,
});

export function listRecords(db: Db, registerNo: string): DisclosureRecord[] {
  const req = loadRequest(db, registerNo);
  return (
    db
      .prepare(`SELECT ${COLUMNS} FROM disclosure d WHERE d.request_id = ? ORDER BY d.id`)
      .all(req.id) as Row[]
  ).map(toRecord);
}

/** A record of the request: the given id, or the one in force (the latest correction). */
export function findRecord(db: Db, registerNo: string, id?: number): DisclosureRecord {
  const all = listRecords(db, registerNo);
  const found = id === undefined ? all.at(-1) : all.find((r) => r.id === id);
  if (!found) {
    throw id === undefined
      ? wordedError('NOT_FOUND', 'letters.notIssued', { no: registerNo })
      : wordedError('NOT_FOUND', 'letters.noRecordOf', { no: registerNo, id });
  }
  return found;
}

export function archivedPdf(db: Db, recordId: number): { pdf: Buffer; pages: string[] } {
  const row = db.prepare('SELECT pdf, pages FROM disclosure WHERE id = ?').get(recordId) as
    { pdf: Buffer; pages: string } | undefined;
  if (!row) throw wordedError('NOT_FOUND', 'letters.noRecord', { id: recordId });
  return { pdf: Buffer.from(row.pdf), pages: JSON.parse(row.pages) as string[] };
}

function languageOf(ctx: DeskContext, o: LetterOptions): LetterLanguage {
  return o.language ?? readSetting(ctx.db, 'language') ?? 'nl';
}

function sourceFor(
  ctx: DeskContext,
  registerNo: string,
  o: LetterOptions,
  issuedAt: string,
  extraRemarks: string[] = [],
): LetterSource {
  return letterFromRegister(ctx.db, registerNo, {
    language: languageOf(ctx, o),
    signer: { userName: ctx.user.name, function: o.signerFunction ?? DEFAULT_SIGNER_FUNCTION },
    issuedAt,
    chainHead: chainHead(ctx.db),
    extraRemarks,
  });
}

/** The letter as it would be issued now; nothing stored. Audited: it shows subscriber data. */
export async function previewLetter(
  ctx: DeskContext,
  registerNo: string,
  o: LetterOptions,
): Promise<{ source: LetterSource; rendered: RenderedLetter }> {
  const source = sourceFor(ctx, registerNo, o, ctx.nowIso());
  const rendered = await renderLetter(source.model);
  ctx.db.transaction(() =>
    ctx.audit('letter.previewed', `request:${registerNo}`, {
      kind: source.model.kind,
      final: source.inForce.final,
      items: source.disclosed.map((d) => d.index),
      customers: source.disclosed.flatMap((d) => d.customerIds),
    }),
  )();
  return { source, rendered };
}

type Correction = { of: DisclosureRecord; reason: string };

/**
 * A letter is issued once a decision took effect, and once per decision; a correction replaces
 * the record in force.
 */
function mayIssue(
  ctx: DeskContext,
  registerNo: string,
  f: LetterSource['inForce'],
  correction: Correction | null,
): void {
  if (!f.final) {
    throw wordedError('CONFLICT', 'letters.awaitingApproval', { no: registerNo });
  }
  // A disclosure approved before a verification had to name its channel or document is not
  // answered now. A channel the catalogue dropped after the approval does not undo a verification
  // that counted when it was approved; a correction of a letter already sent stays possible.
  const gap = verificationOf(ctx.db, f.request).gap;
  if (!correction && f.kind === 'disclosure' && gap !== null && gap !== 'callback_unknown') {
    throw wordedError('CONFLICT', 'letters.notVerified', { no: registerNo });
  }
  const existing = ctx.db
    .prepare(
      `SELECT id FROM disclosure WHERE decision_id = ? AND id NOT IN
         (SELECT corrects FROM disclosure WHERE corrects IS NOT NULL) ORDER BY id DESC LIMIT 1`,
    )
    .get(f.decision.id) as { id: number } | undefined;
  if (!correction && existing) {
    throw wordedError('CONFLICT', 'letters.alreadyIssued', { no: registerNo });
  }
  if (correction && existing?.id !== correction.of.id) {
    throw wordedError('CONFLICT', 'letters.notInForce', { id: correction.of.id, no: registerNo });
  }
}

/** Archives the rendered letter with its timeline line and audit event; the new record's id. */
function storeRecord(
  ctx: DeskContext,
  registerNo: string,
  source: LetterSource,
  rendered: RenderedLetter,
  issuedAt: string,
  correction: Correction | null,
): number {
  const { inForce: f, model: m } = source;
  const approved = f.decision.approval?.approved ? f.decision.approval : null;
  const info = ctx.db
    .prepare(
      `INSERT INTO disclosure (request_id, decision_id, register_no, kind, language, authority,
         official, legal_basis, case_reference, items, disclosed, categories, withheld, reasons,
         handled_by, decided_at, approved_by, approved_at, issued_by, issued_at, chain_seq,
         chain_hash, pdf, pdf_sha256, pdf_size, page_count, pages, corrects, correction_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      f.request.id,
      f.decision.id,
      m.registerNo,
      m.kind,
      m.language,
      m.recipient.authorityName,
      JSON.stringify({
        name: m.recipient.officialName,
        function: m.recipient.officialFunction,
      }),
      m.request.legalBasisArticle,
      m.request.caseReference,
      JSON.stringify(
        m.items.map((i) => ({
          index: i.index,
          kind: i.kind,
          value: i.value,
          moment: i.moment,
          timeZone: i.timeZone,
          utc: i.utc,
          outcome: i.outcome,
        })),
      ),
      JSON.stringify(source.disclosed),
      JSON.stringify(source.categories),
      JSON.stringify(source.withheld),
      JSON.stringify(m.reasons),
      f.decision.decidedBy,
      f.decision.decidedAt,
      approved?.by ?? null,
      approved?.at ?? null,
      ctx.user.name,
      issuedAt,
      m.chainHead.seq,
      m.chainHead.hash,
      rendered.pdf,
      rendered.sha256,
      rendered.pdf.length,
      rendered.pageCount,
      JSON.stringify(rendered.pages.map(pageToSvg)),
      correction?.of.id ?? null,
      correction?.reason ?? null,
    );
  const newId = Number(info.lastInsertRowid);
  addEvent(ctx, f.request.id, correction ? 'letter_corrected' : 'letter_issued', {
    record: newId,
    kind: m.kind,
    sha256: rendered.sha256,
    ...(correction ? { corrects: correction.of.id } : {}),
  });
  ctx.audit(correction ? 'letter.corrected' : 'letter.issued', `request:${registerNo}`, {
    record: newId,
    kind: m.kind,
    sha256: rendered.sha256,
    pages: rendered.pageCount,
    chainHead: m.chainHead,
    items: source.disclosed.map((d) => d.index),
    customers: source.disclosed.flatMap((d) => d.customerIds),
    categories: source.categories,
    withheld: source.withheld,
    ...(correction ? { corrects: correction.of.id, reason: correction.reason } : {}),
  });
  return newId;
}

/**
 * Renders and archives a letter. The footer carries the audit chain head at the moment of issue:
 * the letter is rendered against the current head and stored in one transaction with the
 * `letter.issued` event, re-rendered if another event got in between (the PDF is async).
 */
async function issueRecord(
  ctx: DeskContext,
  registerNo: string,
  o: LetterOptions,
  correction: Correction | null,
): Promise<DisclosureRecord> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const issuedAt = ctx.nowIso();
    const remarks = correction
      ? [correctionRemark(languageOf(ctx, o), correction.of, correction.reason)]
      : [];
    const source = sourceFor(ctx, registerNo, o, issuedAt, remarks);
    const rendered = await renderLetter(source.model);
    const id = ctx.db.transaction((): number | null => {
      const head = chainHead(ctx.db);
      if (head.seq !== source.model.chainHead.seq || head.hash !== source.model.chainHead.hash)
        return null; // the log moved on while rendering: render again with the new head
      mayIssue(ctx, registerNo, source.inForce, correction);
      return storeRecord(ctx, registerNo, source, rendered, issuedAt, correction);
    })();
    if (id !== null) return findRecord(ctx.db, registerNo, id);
  }
  throw wordedError('CONFLICT', 'letters.auditBusy');
}

function correctionRemark(lang: LetterLanguage, of: DisclosureRecord, reason: string): string {
  const t = LETTER_TEXTS[lang];
  const date = formatDate(t, of.issuedAt, 'Europe/Amsterdam');
  return lang === 'nl'
    ? `Deze brief vervangt onze brief van ${date} (ons kenmerk ${of.registerNo}, archiefnummer ${of.id}). Reden: ${reason}`
    : `This letter replaces our letter of ${date} (our reference ${of.registerNo}, record ${of.id}). Reason: ${reason}`;
}

export const issueLetter = (ctx: DeskContext, registerNo: string, o: LetterOptions) =>
  issueRecord(ctx, registerNo, o, null);

export function correctLetter(
  ctx: DeskContext,
  registerNo: string,
  o: LetterOptions,
  reason: string,
): Promise<DisclosureRecord> {
  const current = findRecord(ctx.db, registerNo);
  return issueRecord(ctx, registerNo, o, { of: current, reason });
}

/** Reads the archived bytes; audited (the letter holds subscriber data). */
export function readArchived(
  ctx: DeskContext,
  registerNo: string,
  id: number | undefined,
  purpose: 'viewed' | 'saved' | 'printed' | 'exported',
  details: Record<string, unknown> = {},
): { record: DisclosureRecord; pdf: Buffer; pages: string[] } {
  const record = findRecord(ctx.db, registerNo, id);
  const { pdf, pages } = archivedPdf(ctx.db, record.id);
  ctx.db.transaction(() =>
    ctx.audit(`letter.${purpose}`, `request:${registerNo}`, {
      record: record.id,
      sha256: record.sha256,
      ...details,
    }),
  )();
  return { record, pdf, pages };
}

/** The officer records how and when the letter went out; once. */
export function markSent(
  ctx: DeskContext,
  registerNo: string,
  id: number | undefined,
  method: SendMethod,
  sentAtText: string,
): DisclosureRecord {
  const sentAt = instantOf('sentAt', sentAtText);
  return ctx.db.transaction(() => {
    const record = findRecord(ctx.db, registerNo, id);
    if (record.sent) {
      throw wordedError('CONFLICT', 'letters.alreadySent', {
        id: record.id,
        no: registerNo,
        method: record.sent.method,
        at: record.sent.at,
      });
    }
    if (record.correctedBy !== null) {
      throw wordedError('CONFLICT', 'letters.replaced', {
        id: record.id,
        no: registerNo,
        by: record.correctedBy,
      });
    }
    if (Date.parse(sentAt) < Date.parse(record.issuedAt) - 60_000) {
      throw wordedError('BAD_INPUT', 'letters.sentBeforeIssued');
    }
    if (Date.parse(sentAt) > ctx.now().getTime() + 5 * 60_000) {
      throw wordedError('BAD_INPUT', 'letters.sentInFuture');
    }
    const recordedAt = ctx.nowIso();
    ctx.db
      .prepare(
        `UPDATE disclosure SET sent_method = ?, sent_at = ?, sent_by = ?, sent_recorded_at = ?
         WHERE id = ?`,
      )
      .run(method, sentAt, ctx.user.name, recordedAt, record.id);
    const req = loadRequest(ctx.db, registerNo);
    addEvent(ctx, req.id, 'letter_sent', { record: record.id, method, at: sentAt });
    ctx.audit('letter.sent', `request:${registerNo}`, {
      record: record.id,
      method,
      sentAt,
      sha256: record.sha256,
    });
    return findRecord(ctx.db, registerNo, record.id);
  })();
}
