/**
 * A small XML writer for the messages the desk makes: elements with text or children, written in
 * the order given (ETSI element order is the caller's), text escaped, characters XML 1.0 does not
 * allow dropped. No DTD, no entity other than the five predefined ones.
 */
export interface XmlNode {
  name: string;
  attrs?: Record<string, string>;
  children?: XmlNode[];
  text?: string;
}

export const el = (
  name: string,
  content?: string | XmlNode[] | null,
  attrs?: Record<string, string>,
): XmlNode =>
  typeof content === 'string'
    ? { name, text: content, ...(attrs ? { attrs } : {}) }
    : { name, children: content ?? [], ...(attrs ? { attrs } : {}) };

// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const escape = (s: string, attr = false) => {
  const t = s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return attr ? t.replace(/"/g, '&quot;') : t;
};

function write(n: XmlNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(n.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escape(v, true)}"`)
    .join('');
  if (n.text !== undefined) {
    out.push(`${pad}<${n.name}${attrs}>${escape(n.text)}</${n.name}>`);
  } else if (!n.children?.length) {
    out.push(`${pad}<${n.name}${attrs}/>`);
  } else {
    out.push(`${pad}<${n.name}${attrs}>`);
    for (const c of n.children) write(c, depth + 1, out);
    out.push(`${pad}</${n.name}>`);
  }
}

export function serialise(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return out.join('\n') + '\n';
}
