// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../renderer/i18n/resources';

/** The core's source: every action it writes to the audit log is named in it. */
const sources = import.meta.glob<string>('../../electron/**/*.ts', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/**
 * Audit calls whose action is not a literal, with the actions they can write. A new one fails the
 * test until it is listed here (and so worded below).
 */
const COMPUTED: Record<string, { expr: string; actions: string[] }> = {
  'letters/record.ts': {
    expr: '`letter.${purpose}`',
    actions: ['letter.viewed', 'letter.saved', 'letter.printed', 'letter.exported'],
  },
  'letters/annex3/record.ts': {
    expr: '`annex3.${purpose}`',
    actions: ['annex3.viewed', 'annex3.saved'],
  },
  'register/document.ts': {
    expr: 'action',
    actions: ['request.document_viewed', 'request.document_saved'],
  },
};

const literals = (s: string) => [...s.matchAll(/'([a-z][\w.]*)'/g)].map((m) => m[1]!);

/** Every action code the core writes: `ctx.audit(<action>, …)` and `appendAudit(db, { action })`. */
function writtenActions(): Set<string> {
  const out = new Set<string>();
  for (const [path, text] of Object.entries(sources)) {
    const file = path.replace(/^.*electron\//, '');
    for (const m of text.matchAll(/\.audit\(\s*([^,]+),/g)) {
      const expr = m[1]!.trim();
      const found = literals(expr);
      if (found.length > 0) found.forEach((a) => out.add(a));
      else {
        expect(COMPUTED[file]?.expr, `${file}: audit(${expr}, …) is not listed`).toBe(expr);
        COMPUTED[file]!.actions.forEach((a) => out.add(a));
      }
    }
    if (text.includes('appendAudit(')) {
      for (const m of text.matchAll(/\baction:\s*([^,\n]+)/g)) {
        const found = literals(m[1]!);
        if (found.length > 0) found.forEach((a) => out.add(a));
      }
    }
  }
  // Literals handed to a helper that audits them (`viewDocument(…, 'request.document_saved')`).
  for (const a of COMPUTED['register/document.ts']!.actions) {
    expect(sources['../../electron/register/document.ts'], a).toContain(`'${a}'`);
  }
  expect(sources['../../electron/letters/annex3/record.ts']).toContain(
    "purpose: 'viewed' | 'saved',",
  );
  expect(sources['../../electron/letters/record.ts']).toContain(
    "purpose: 'viewed' | 'saved' | 'printed' | 'exported'",
  );
  return out;
}

function label(lang: 'nl' | 'en', action: string): unknown {
  let node: unknown = (RESOURCES[lang].audit as { actions: unknown }).actions;
  for (const part of action.split('.'))
    node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

describe('audit action labels', () => {
  const actions = [...writtenActions()].sort();

  it('finds the actions the core writes', () => {
    expect(actions.length).toBeGreaterThan(50);
    for (const a of ['login.ok', 'vault.created', 'request.subscribers_viewed', 'letter.printed'])
      expect(actions).toContain(a);
  });

  it.each(['nl', 'en'] as const)('words every one of them in %s', (lang) => {
    const missing = actions.filter((a) => typeof label(lang, a) !== 'string');
    expect(missing).toEqual([]);
  });

  it.each(['nl', 'en'] as const)('names every action group in %s', (lang) => {
    const groups = (RESOURCES[lang].audit as { actionGroups: Record<string, string> }).actionGroups;
    const missing = [...new Set(actions.map((a) => a.split('.')[0]!))].filter((g) => !groups[g]);
    expect(missing).toEqual([]);
  });
});
