// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/result';
import { NAMESPACES } from '../../renderer/i18n/namespaces';
import { RESOURCES } from '../../renderer/i18n/resources';

const onDisk = import.meta.glob<Record<string, unknown>>('../../renderer/i18n/locales/*/*.json', {
  eager: true,
  import: 'default',
});
const sources = import.meta.glob<string>('../../renderer/**/*.tsx', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** Flattens nested messages to `a.b.c` keys; plural forms (`x_one`, `x_other`) count as `x`. */
function flatten(obj: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') flatten(v, key, out);
    else out.set(key, String(v));
  }
  return out;
}
const variables = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has one file per namespace per language on disk, all of them registered', () => {
    const files = Object.keys(onDisk)
      .map((p) => p.replace(/^.*locales\//, ''))
      .sort();
    const expected = (['en', 'nl'] as const)
      // The core's messages live beside the core, in shared/messages (checked there).
      .flatMap((l) => NAMESPACES.filter((n) => n !== 'core').map((n) => `${l}/${n}.json`))
      .sort();
    expect(files).toEqual(expected);
    for (const [path, content] of Object.entries(onDisk)) {
      const [, lang, ns] = /locales\/(\w+)\/(\w+)\.json$/.exec(path)!;
      expect(RESOURCES[lang as 'nl' | 'en'][ns as (typeof NAMESPACES)[number]]).toBe(content);
    }
  });

  it.each(NAMESPACES)('namespace %s has the same keys and variables in Dutch and English', (ns) => {
    const nl = flatten(RESOURCES.nl[ns]);
    const en = flatten(RESOURCES.en[ns]);
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
    for (const [key, text] of nl) {
      expect(text.trim(), `nl ${ns}:${key} is empty`).not.toBe('');
      expect(en.get(key)!.trim(), `en ${ns}:${key} is empty`).not.toBe('');
      expect(variables(en.get(key)!), `${ns}:${key} variables`).toEqual(variables(text));
    }
  });

  it('has a message for every error code, in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      const errors = RESOURCES[lang].errors as Record<string, string>;
      expect(Object.keys(errors).sort()).toEqual([...ERROR_CODES].sort());
    }
  });

  it('has no hard-coded user-facing text in JSX', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const [path, source] of Object.entries(sources)) {
      const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      // Text between tags, e.g. <p>Opslaan</p>, and literal labels in attributes.
      for (const m of code.matchAll(/>([^<>{}()=;]*\p{L}{2,}[^<>{}()=;]*)<\//gu)) {
        offenders.push(`${path}: text "${m[1]!.trim()}"`);
      }
      for (const m of code.matchAll(
        /\b(aria-label|placeholder|title|alt|label)="([^"]*\p{L}[^"]*)"/gu,
      )) {
        offenders.push(`${path}: ${m[1]}="${m[2]}"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
