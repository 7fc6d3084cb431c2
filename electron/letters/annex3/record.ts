import {
  ANNEX3_EXPLAINED,
  ANNEX3_LETTER,
  type Annex3Language,
  type Annex3Outcome,
  type Annex3Proposal,
  type Annex3Reason,
  type Annex3Record,
} from '../../../shared/schemas/annex3';
import { chainHead } from '../../audit/log';
import type { DeskContext } from '../../core/context';
import type { Db } from '../../core/db';
import { wordedError } from '../../core/errors';
import { latestDecision, type Decision } from '../../register/decisions';
import { currentEpoc } from '../../register/epoc';
import { addEvent } from '../../register/events';
import {
  isFinal,
  latestCheck,
  latestMatches,
  loadRequest,
  type RequestRow,
} from '../../register/store';
import { DEFAULT_SIGNER_FUNCTION, readLetterhead } from '../from-register';
import { pageToSvg } from '../svg';
import { languageOfState, proposeReasons } from './reasons';
import { renderAnnex3, type Annex3Model, type RenderedForm } from './render';

/**
 * The Annex III form of an EPOC: proposed from the register, rendered, and archived with its
 * SHA-256 and the audit chain head in its footer in one transaction with its timeline line and
 * audit event (the letters' way: render, then store only if the log did not move on).
 */

export interface Annex3Options {
  reasons?: Annex3Reason[] | undefined;
  explanation?: string | undefined;
  clarification?: string | undefined;
  preserved?: boolean | undefined;
  language?: Annex3Language | undefined;
}

interface Answerable {
  request: RequestRow;
  outcome: Annex3Outcome | null;
  decision: Decision | null;
}

/**
 * What a form answers now: the refusal or no-data decision in force, or, while the order is still
 * open (not decided, not awaiting approval), a clarification. A disclosure or a referral has none.
 */
function answerable(db: Db, registerNo: string): Answerable {
  const request = loadRequest(db, registerNo);
  const decision = latestDecision(db, request);
  if (decision && decision.state === 'in_effect') {
    const outcome =
      decision.outcome === 'refuse' ? 'refuse' : decision.outcome === 'no_data' ? 'no_data' : null;
    return { request, outcome, decision: outcome ? decision : null };
  }
  const open = !isFinal(request.status) && request.status !== 'awaiting_approval';
  return { request, outcome: open ? 'clarify' : null, decision: null };
}

/** The form the desk proposes now: what it answers, the reasons ticked and where they came from. */
export function annex3Proposal(db: Db, registerNo: string): Annex3Proposal {
  const { request, outcome } = answerable(db, registerNo);
  const epoc = currentEpoc(db, request.id);
  const language = languageOfState(epoc?.issuingState ?? null);
  if (!epoc || !outcome) {
    return {
      registerNo,
      outcome: null,
      reasons: [],
      sources: [],
      language,
      issuingState: epoc?.issuingState ?? null,
    };
  }
  const check = latestCheck(db, request.id);
  const { reasons, sources } = proposeReasons({
    outcome,
    findings: [...(check?.failures ?? []), ...(check?.warnings ?? [])].map((f) => f.code),
    matches: latestMatches(db, request.id).map((m) => m.status),
  });
  return { registerNo, outcome, reasons, sources, language, issuingState: epoc.issuingState };
}

const displayName = (db: Db, user: string): string =>
  (
    db.prepare('SELECT display_name FROM user WHERE name = ?').get(user) as
      { display_name: string } | undefined
  )?.display_name ?? user;

interface FormSource {
  request: RequestRow;
  decision: Decision | null;
  model: Annex3Model;
}

function formSource(ctx: DeskContext, registerNo: string, o: Annex3Options, issuedAt: string) {
  const { request, outcome, decision } = answerable(ctx.db, registerNo);
  const epoc = currentEpoc(ctx.db, request.id);
  if (!epoc) throw wordedError('CONFLICT', 'annex3.notEpoc', { no: registerNo });
  if (!outcome) throw wordedError('CONFLICT', 'annex3.notAnswerable', { no: registerNo });
  const proposal = annex3Proposal(ctx.db, registerNo);
  const reasons = o.reasons ? [...new Set(o.reasons)] : proposal.reasons;
  if (reasons.length === 0) throw wordedError('BAD_INPUT', 'annex3.noReason');
  const explanation = o.explanation?.trim() || null;
  const clarification = o.clarification?.trim() || null;
  const unexplained = reasons.find((r) => ANNEX3_EXPLAINED.includes(r));
  if (unexplained && !explanation) {
    throw wordedError('BAD_INPUT', 'annex3.explain', { letter: ANNEX3_LETTER[unexplained] });
  }
  if (outcome === 'clarify' && !clarification) {
    throw wordedError('BAD_INPUT', 'annex3.clarificationRequired', { no: registerNo });
  }
  const { logo: _logo, ...provider } = readLetterhead(ctx.db);
  const model: Annex3Model = {
    language: o.language ?? proposal.language,
    registerNo: request.register_no,
    issuedAt,
    timeZone: 'Europe/Amsterdam',
    outcome,
    reasons,
    explanation,
    clarification,
    preserved: o.preserved ?? false,
    addressee: epoc.addressee,
    issuingState: epoc.issuingState,
    issuingAuthority: epoc.issuingAuthority,
    validatingAuthority: epoc.validatingAuthority,
    noValidationReason: epoc.noValidationReason,
    issuedOn: epoc.issuedOn ?? null,
    receivedAt: request.received_at,
    provider,
    contact: { name: displayName(ctx.db, ctx.user.name), function: DEFAULT_SIGNER_FUNCTION },
    chainHead: chainHead(ctx.db),
  };
  return { request, decision, model } satisfies FormSource;
}

interface Row {
  id: number;
  register_no: string;
  outcome: Annex3Outcome;
  reasons: string;
  explanation: string | null;
  clarification: string | null;
  preserved: number;
  language: Annex3Language;
  issued_by: string;
  issued_at: string;
  chain_seq: number;
  chain_hash: string;
  pdf_sha256: string;
  pdf_size: number;
  page_count: number;
}

const toRecord = (r: Row): Annex3Record => ({
  id: r.id,
  registerNo: r.register_no,
  outcome: r.outcome,
  reasons: JSON.parse(r.reasons) as Annex3Reason[],
  explanation: r.explanation,
  clarification: r.clarification,
  preserved: r.preserved === 1,
  language: r.language,
  issuedBy: r.issued_by,
  issuedAt: r.issued_at,
  chainHead: { seq: r.chain_seq, hash: r.chain_hash },
  sha256: r.pdf_sha256,
  size: r.pdf_size,
  pageCount: r.page_count,
});

const COLUMNS = `id, register_no, outcome, reasons, explanation, clarification, preserved, language,
  issued_by, issued_at, chain_seq, chain_hash, pdf_sha256, pdf_size, page_count`;

export function listAnnex3(db: Db, registerNo: string): Annex3Record[] {
  const req = loadRequest(db, registerNo);
  return (
    db
      .prepare(`SELECT ${COLUMNS} FROM annex3_form WHERE request_id = ? ORDER BY id`)
      .all(req.id) as Row[]
  ).map(toRecord);
}

function store(ctx: DeskContext, s: FormSource, rendered: RenderedForm): number {
  const m = s.model;
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO annex3_form (request_id, decision_id, register_no, outcome, reasons,
           explanation, clarification, preserved, language, issued_by, issued_at, chain_seq,
           chain_hash, pdf, pdf_sha256, pdf_size, page_count, pages)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.request.id,
        m.outcome === 'clarify' ? null : s.decision!.id,
        m.registerNo,
        m.outcome,
        JSON.stringify(m.reasons),
        m.explanation,
        m.clarification,
        m.preserved ? 1 : 0,
        m.language,
        ctx.user.name,
        m.issuedAt,
        m.chainHead.seq,
        m.chainHead.hash,
        rendered.pdf,
        rendered.sha256,
        rendered.pdf.length,
        rendered.pageCount,
        JSON.stringify(rendered.pages.map(pageToSvg)),
      ).lastInsertRowid,
  );
  const details = {
    form: id,
    outcome: m.outcome,
    reasons: m.reasons,
    language: m.language,
    sha256: rendered.sha256,
  };
  addEvent(ctx, s.request.id, 'annex3_issued', details);
  ctx.audit('annex3.issued', `request:${m.registerNo}`, {
    ...details,
    pages: rendered.pageCount,
    chainHead: m.chainHead,
  });
  return id;
}

/** Renders and archives the form; re-rendered if the audit log moved on while rendering. */
export async function issueAnnex3(
  ctx: DeskContext,
  registerNo: string,
  o: Annex3Options,
): Promise<Annex3Record> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const s = formSource(ctx, registerNo, o, ctx.nowIso());
    const rendered = await renderAnnex3(s.model);
    const id = ctx.db.transaction((): number | null => {
      const head = chainHead(ctx.db);
      if (head.seq !== s.model.chainHead.seq || head.hash !== s.model.chainHead.hash) return null;
      return store(ctx, s, rendered);
    })();
    if (id !== null) return findAnnex3(ctx.db, registerNo, id);
  }
  throw wordedError('CONFLICT', 'letters.auditBusy');
}

export function findAnnex3(db: Db, registerNo: string, id?: number): Annex3Record {
  const all = listAnnex3(db, registerNo);
  const found = id === undefined ? all.at(-1) : all.find((r) => r.id === id);
  if (!found) throw wordedError('NOT_FOUND', 'annex3.none', { no: registerNo });
  return found;
}

/** The archived bytes of a form; audited. */
export function readAnnex3(
  ctx: DeskContext,
  registerNo: string,
  id: number | undefined,
  purpose: 'viewed' | 'saved',
  details: Record<string, unknown> = {},
): { record: Annex3Record; pdf: Buffer; pages: string[] } {
  const record = findAnnex3(ctx.db, registerNo, id);
  const row = ctx.db.prepare('SELECT pdf, pages FROM annex3_form WHERE id = ?').get(record.id) as {
    pdf: Buffer;
    pages: string;
  };
  ctx.db.transaction(() =>
    ctx.audit(`annex3.${purpose}`, `request:${registerNo}`, {
      form: record.id,
      sha256: record.sha256,
      ...details,
    }),
  )();
  return { record, pdf: Buffer.from(row.pdf), pages: JSON.parse(row.pages) as string[] };
}
