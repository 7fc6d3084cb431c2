import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../electron/cli';

describe('docs/CLI.md', () => {
  it('documents every command the CLI has, with its exact usage', () => {
    const doc = readFileSync('docs/CLI.md', 'utf8').replace(/\\\|/g, '|');
    const missing = COMMANDS.filter((c) => !doc.includes(`naw-desk ${c.usage}`)).map(
      (c) => c.usage,
    );
    expect(missing).toEqual([]);
  });
});
