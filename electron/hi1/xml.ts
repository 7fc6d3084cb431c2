import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DOMParser, onWarningStopParsing, type Element } from '@xmldom/xmldom';
import { failWith } from '../core/errors';

/**
 * Reading an HI-1 message safely. Every refusal comes BEFORE the parser sees the text: a file over
 * the limit is refused from its size alone (never read into memory), and any document type
 * declaration (`<!DOCTYPE`, `<!ENTITY` …) is refused outright, so no entity is ever expanded — no
 * external entity (XXE), no billion laughs. HI-1 (ETSI TS 103 120) defines its messages by XML
 * Schema; a DTD has no place in one.
 */

/** The same limit as a stored request document and intake's file limit. */
export const MAX_HI1_BYTES = 25 * 1024 * 1024;

export const NS = {
  core: 'http://uri.etsi.org/03120/common/2019/10/Core',
  common: 'http://uri.etsi.org/03120/common/2016/02/Common',
  task: 'http://uri.etsi.org/03120/common/2020/09/Task',
  auth: 'http://uri.etsi.org/03120/common/2020/09/Authorisation',
  delivery: 'http://uri.etsi.org/03120/common/2019/10/Delivery',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;
const KNOWN = new Set<string>(Object.values(NS));
/** Every TS 103 120 schema lives under this; a namespace under it that we do not know is another version. */
const ETSI_103120 = 'http://uri.etsi.org/03120/';

/** Reads a file for HI-1, refusing one over the limit from its size, before reading a byte. */
export function readHi1File(path: string): Buffer {
  const size = statSync(path).size;
  if (size > MAX_HI1_BYTES) failWith('BAD_INPUT', 'hi1.tooLarge', { maxMb: MAX_HI1_BYTES >> 20 });
  // Read at most the limit plus one byte: a file that grew after the size was taken is still refused.
  const buf = Buffer.alloc(Math.min(size, MAX_HI1_BYTES) + 1);
  const fd = openSync(path, 'r');
  let n = 0;
  try {
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, n)) > 0;) n += r;
  } finally {
    closeSync(fd);
  }
  if (n > MAX_HI1_BYTES) failWith('BAD_INPUT', 'hi1.tooLarge', { maxMb: MAX_HI1_BYTES >> 20 });
  return buf.subarray(0, n);
}

/** Declarations that open a DTD or declare entities; comments and CDATA (`<!--`, `<![CDATA[`) are fine. */
const DECLARATION = /<!(?!--|\[CDATA\[)/;

/** The text of an HI-1 file, refused when it is too large, not UTF-8, or declares a DTD. */
export function guardedText(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_HI1_BYTES)
    failWith('BAD_INPUT', 'hi1.tooLarge', { maxMb: MAX_HI1_BYTES >> 20 });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return failWith('BAD_INPUT', 'hi1.notUtf8');
  }
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared))
    failWith('BAD_INPUT', 'hi1.notUtf8', { encoding: declared });
  if (DECLARATION.test(text)) failWith('BAD_INPUT', 'hi1.dtd');
  return text;
}

/** Parses guarded text; the root must be an HI1Message of the Core namespace we know. */
export function parseHi1Xml(text: string): Element {
  let root: Element | null;
  try {
    const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'text/xml');
    root = doc.documentElement;
  } catch {
    return failWith('BAD_INPUT', 'hi1.notXml');
  }
  if (!root || root.localName !== 'HI1Message') return failWith('BAD_INPUT', 'hi1.notHi1');
  if (root.namespaceURI !== NS.core)
    failWith('BAD_INPUT', 'hi1.unknownVersion', { namespace: root.namespaceURI ?? '(none)' });
  refuseUnknownNamespaces(root);
  return root;
}

/** Any element, attribute or xsi:type of a TS 103 120 namespace we do not read is another version. */
function refuseUnknownNamespaces(root: Element): void {
  const stack: Element[] = [root];
  while (stack.length) {
    const e = stack.pop()!;
    const check = (ns: string | null) => {
      if (ns && ns.startsWith(ETSI_103120) && !KNOWN.has(ns))
        failWith('BAD_INPUT', 'hi1.unknownVersion', { namespace: ns });
    };
    check(e.namespaceURI);
    const type = e.getAttributeNS(NS.xsi, 'type');
    if (type) check(typeNamespace(e, type));
    for (const c of childElements(e)) stack.push(c);
  }
}

const typeNamespace = (e: Element, qname: string): string | null => {
  const i = qname.indexOf(':');
  return e.lookupNamespaceURI(i < 0 ? null : qname.slice(0, i));
};

/** An element's xsi:type as namespace + local name (`{task}LDTaskObject`), or null. */
export function xsiType(e: Element): { ns: string | null; name: string } | null {
  const t = e.getAttributeNS(NS.xsi, 'type')?.trim();
  if (!t) return null;
  return { ns: typeNamespace(e, t), name: t.slice(t.indexOf(':') + 1) };
}

export function childElements(e: Element): Element[] {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The children named `name` in namespace `ns`. */
export const children = (e: Element | null, ns: string, name: string): Element[] =>
  e ? childElements(e).filter((c) => c.localName === name && c.namespaceURI === ns) : [];

export const child = (e: Element | null, ns: string, name: string): Element | null =>
  children(e, ns, name)[0] ?? null;

/** The trimmed text of a child, or null when absent or empty. */
export function textOf(e: Element | null, ns?: string, name?: string): string | null {
  const el = ns && name ? child(e, ns, name) : e;
  const t = el?.textContent?.trim();
  return t ? t : null;
}

/** A TS 103 120 dictionary entry (common:Owner, common:Name, common:Value): its value. */
export function dictionaryValue(e: Element | null): string | null {
  return textOf(e, NS.common, 'Value');
}
