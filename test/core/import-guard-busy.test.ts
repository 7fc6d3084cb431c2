import { describe, expect, it } from 'vitest';
import { ADMIN_PASS, testDesk } from '../support/desk';
import { cli } from '../support/cli';
import { IMPORTER_PASS, importerDesk } from '../fixtures/customers/desk';

const BUSY = 'The vault is busy with an import; try again when it has finished.';

/**
 * SQLite has one writer. Behind a long import (one transaction, in a worker or another process)
 * a second connection's write waits the busy timeout and then gives up: that is said as it is
 * (CONFLICT, "busy with an import"), not as "Something went wrong".
 */
describe('import guard: a second writer behind a long import', () => {
  /** The vault with an importer; `hold()` takes the write lock on its own connection, as an import does. */
  async function heldVault() {
    const first = await importerDesk();
    const db = first.db();
    return {
      first,
      hold: () => db.exec('BEGIN IMMEDIATE'),
      release: () => db.exec('ROLLBACK'),
    };
  }

  it('answers a write through the handler table with CONFLICT and a clear message', async () => {
    const { first, hold, release } = await heldVault();
    const second = testDesk({ vaultDir: first.vaultDir });
    await second.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    second.session.vault!.db.pragma('busy_timeout = 200'); // the test need not wait 10 s
    hold();
    try {
      const r = await second.call('settings.update', { idleLockMinutes: 11 });
      expect(r).toEqual({
        ok: false,
        code: 'CONFLICT',
        message: BUSY,
        key: 'vault.busyImport',
        details: { reason: 'vault_busy' },
      });
    } finally {
      release();
    }
    expect((await second.call('settings.update', { idleLockMinutes: 11 })).ok).toBe(true);
    second.session.lock('manual');
  });

  it('an import started behind another one fails as busy, not INTERNAL', async () => {
    const { first, hold, release } = await heldVault();
    const second = testDesk({ vaultDir: first.vaultDir });
    await second.must('vault.unlock', { userName: 'olga', passphrase: IMPORTER_PASS });
    const file = second.session.files.register(first.csv('customer_id,name\nC1,Jan\n'));
    hold();
    let state;
    try {
      const { jobId } = await second.must('customers.importStart', {
        file: file.token,
        kind: 'customers',
      });
      do state = await second.must('customers.importProgress', { jobId, waitMs: 5_000 });
      while (state.state === 'running');
    } finally {
      release();
    }
    expect(state).toMatchObject({
      state: 'failed',
      report: null,
      error: { code: 'CONFLICT', message: BUSY },
    });
    second.session.lock('manual');
  }, 60_000);

  it('a CLI process behind it exits 1 with the message', async () => {
    const { first, hold, release } = await heldVault();
    hold();
    let r;
    try {
      r = await cli(['status', '--vault', first.vaultDir], {
        NAW_DESK_USER: 'olga',
        NAW_DESK_PASSPHRASE: IMPORTER_PASS,
      });
    } finally {
      release();
    }
    expect(r.code).toBe(1);
    // Here the sign-in is what waits; it says the same, in its own words.
    expect(r.stderr).toMatch(/^naw-desk: The vault is busy\b.*\[CONFLICT\]$/);
  }, 60_000);
});
