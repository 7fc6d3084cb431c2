import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES, coreText } from '../../shared/messages';
import { createdDesk } from '../support/desk';

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
};
const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('the core’s messages', () => {
  const nl = leaves(CORE_MESSAGES.nl as unknown as Tree);
  const en = leaves(CORE_MESSAGES.en as unknown as Tree);

  it('has every key in Dutch and English, with the same parameters and a real text', () => {
    expect([...nl.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) {
      expect(params(nl.get(key)!), key).toEqual(params(text));
      expect(text.trim().length, key).toBeGreaterThan(0);
      expect(nl.get(key)!.trim().length, key).toBeGreaterThan(0);
    }
  });

  it('has a text for every key the core words a failure with', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('electron')) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:failWith|wordedError)\(\s*'[A-Z_]+',\s*'([\w.]+)'/g))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    for (const key of used) {
      expect(en.has(key), `${key} in en`).toBe(true);
      expect(nl.has(key), `${key} in nl`).toBe(true);
    }
  });

  it('fails nowhere with a bare English sentence: every DeskError is made by key', () => {
    // Made by failWith / wordedError (errors.ts), or revived with the key a worker posted.
    // Intake's document refusals carry a reason code the reading page words (intake.json
    // refusal.<reason>); the customer import worker's locator is its domain's to word.
    const exempt = new Set([
      join('electron', 'core', 'errors.ts'),
      join('electron', 'intake', 'read', 'limits.ts'),
      join('electron', 'customers', 'worker-script.ts'),
    ]);
    const bare: string[] = [];
    for (const file of sourceFiles('electron')) {
      if (exempt.has(file)) continue;
      const src = readFileSync(file, 'utf8');
      if (/new DeskError\(/.test(src)) bare.push(file);
    }
    expect(bare).toEqual([]);
  });

  it('has a text for every check finding the core reports', () => {
    const src = readFileSync('electron/register/checks.ts', 'utf8');
    const codes = [...src.matchAll(/finding\(\s*'(\w+)'/g)].map((m) => m[1]!);
    const variants = [...src.matchAll(/\},\s*'(\w+)',\s*\)/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of [...codes, ...variants]) {
      expect(en.has(`checks.${code}`), `checks.${code} in en`).toBe(true);
      expect(nl.has(`checks.${code}`), `checks.${code} in nl`).toBe(true);
    }
  });

  it('fills parameters and falls back to the key itself', () => {
    expect(coreText('nl', 'input.tooLong', { field: 'x', maximum: 200 })).toBe(
      'x: hoogstens 200 tekens.',
    );
    expect(coreText('en', 'no.such.key')).toBe('no.such.key');
  });

  it('words a schema failure by key with the field and the limit', async () => {
    const d = await createdDesk();
    const r = await d.call('users.add', {
      name: 'x'.repeat(500),
      role: 'officer',
      passphrase: 'officer passphrase 1',
    });
    expect(r).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
      key: 'input.tooLong',
      params: { field: 'name', maximum: expect.any(Number) },
      message: expect.stringMatching(/^name: at most \d+ characters\./),
    });
  });
});
