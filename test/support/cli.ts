import { runCli } from '../../electron/cli';
import { TEST_KDF } from './desk';

/** Runs the CLI in-process with the given environment; collects stdout/stderr lines. */
export async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    session: { kdfCost: TEST_KDF, sleep: async () => {} },
  });
  return {
    code,
    stdout: out.join('\n'),
    stderr: err.join('\n'),
    json: () => JSON.parse(out.join('\n')),
  };
}
