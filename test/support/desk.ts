import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Channel } from '../../shared/contract';
import type { InputOf, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { DeskSession, type DeskOptions } from '../../electron/core/session';
import { createDemoVault } from '../../electron/demo/seed';
import { dispatch } from '../../electron/api/table';

/** Cheap KDF for tests (the real default is exercised by the vault tests and the bench). */
export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 };
export const ADMIN_PASS = 'correct horse battery';
/** The officer a test adds next to the admin when it needs a second account. */
export const OLGA = { name: 'olga', role: 'officer', passphrase: 'officer passphrase 1' } as const;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'naw-desk-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** A session over a new temp vault folder, and a typed `call` through the real handler table. */
export function testDesk(options: Partial<DeskOptions> = {}) {
  const vaultDir = options.vaultDir ?? join(tempDir(), 'vault');
  const session = new DeskSession({
    vaultDir,
    kdfCost: TEST_KDF,
    sleep: async () => {},
    seedDemo: createDemoVault,
    ...options,
  });
  const call = <C extends Channel>(channel: C, input: InputOf<C>) =>
    dispatch(session, channel, input) as Promise<Result<OutputOf<C>>>;
  /** Like call, but fails the test unless the result is ok. */
  const must = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel} failed: ${r.code} ${r.message}`);
    return r.data;
  };
  return { session, vaultDir, call, must };
}

/** A desk with a created vault, signed in as admin `admin`. */
export async function createdDesk(options: Partial<DeskOptions> = {}) {
  const desk = testDesk(options);
  const created = await desk.must('vault.create', {
    orgName: 'Testnet B.V.',
    adminName: 'admin',
    passphrase: ADMIN_PASS,
  });
  return { ...desk, recoveryKey: created.recoveryKey };
}
export type CreatedDesk = Awaited<ReturnType<typeof createdDesk>>;
