import type { Draft, IntakeWarning } from '../../../shared/schemas/intake';
import { extractDraft, type IntakeCatalogues } from '../extract-draft';
import type { IntakeDocument } from '../text/document';
import { readEml } from './eml';
import { LIMITS, refuse } from './limits';
import { readMsg } from './msg';
import { readPdf } from './pdf';
import { readHi1Draft } from './hi1';
import { readRequestJson } from './request-json';
import { sniff } from './sniff';
import { readText, textPages } from './text';

/** What intake reads: a file's bytes (with its name), or pasted text. */
export type IntakeSource = { bytes: Uint8Array; name: string } | { text: string };

const TYPE_NAMES: Record<string, string> = {
  zip: 'an archive (zip)',
  image: 'an image (a scan needs its text recognised first)',
  binary: 'a binary file',
};

/** Reads a document to text, page by page, with the warnings reading gave. */
export async function readDocument(
  source: IntakeSource,
): Promise<{ doc: IntakeDocument; warnings: IntakeWarning[] } | { draft: Draft }> {
  if ('text' in source) {
    if (!source.text.trim()) refuse('empty_document', 'The pasted text is empty.');
    return { doc: { kind: 'text', pages: textPages(source.text) }, warnings: [] };
  }
  const { bytes, name } = source;
  if (bytes.byteLength > LIMITS.fileBytes) {
    refuse('too_large', `${name} is larger than 25 MB.`, { maxBytes: LIMITS.fileBytes });
  }
  if (bytes.byteLength === 0) refuse('empty_document', `${name} is empty.`);
  const s = sniff(bytes, name);
  switch (s.kind) {
    case 'pdf': {
      const r = await readPdf(bytes);
      return { doc: { kind: 'pdf', pages: r.pages }, warnings: r.warnings };
    }
    case 'eml':
      return readEml(bytes);
    case 'msg':
      return readMsg(bytes);
    case 'json':
      return { draft: readRequestJson(bytes) };
    case 'hi1':
      return { draft: readHi1Draft(bytes) };
    case 'text':
      return { doc: readText(bytes), warnings: [] };
    default:
      return refuse(
        'unsupported_type',
        `${name} is ${TYPE_NAMES[s.type] ?? 'of a type intake does not read'}; give a mail (.eml, .msg), a PDF, text or request JSON.`,
        { type: s.type },
      );
  }
}

/** Reads and extracts: the draft, with reading's warnings first. */
export async function draftFrom(
  source: IntakeSource,
  catalogues: IntakeCatalogues,
): Promise<Draft> {
  const read = await readDocument(source);
  if ('draft' in read) return read.draft;
  const draft = extractDraft(read.doc, catalogues);
  const document = { ...draft.extraction.document, pageTexts: read.doc.pages.map((p) => p.text) };
  return {
    ...draft,
    extraction: { ...draft.extraction, document },
    warnings: [...read.warnings, ...draft.warnings],
  };
}
