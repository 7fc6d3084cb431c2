import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BACKUP_EXTENSION } from './backup-format';
import { backupAsBytes, writeBackup, type BackupResult } from './backup';
import { previewPurge, purgeDue, runPurge } from './purge';
import { restoreBackup } from './restore';
import { commandLinePath, pickSavePath, stamp } from './save-target';
import { vaultPaths } from '../vault/vault';
import type { HandlerMap } from '../core/context';
import type { opsContract } from '../../shared/contract/ops';
import { DeskError } from '../core/errors';
import { readSettings } from '../core/settings';

type OpsChannels = keyof typeof opsContract;

/** Handlers of the ops domain; their channels are in shared/contract/ops.ts. */
export const opsHandlers: HandlerMap<OpsChannels> = {
  /**
   * A verified backup (electron/ops/backup.ts). In the app the native save dialog picks the file;
   * the browser harness downloads the bytes; the CLI names a file. Audited in the live vault.
   */
  'ops.backup': async (input, ctx) => {
    const vault = ctx.vault;
    const at = ctx.nowIso();
    const by = ctx.user.name;
    const fileName = `naw-desk-backup-${stamp(at)}.${BACKUP_EXTENSION}`;
    // Our own copy of the key: an idle lock during a long copy zeroes the session's key.
    const snapshot = { ...vault, key: Buffer.from(vault.key) };
    let result: BackupResult;
    let savedTo: string | null = null;
    let base64: string | null = null;
    try {
      if (input.to === 'download') {
        const r = await backupAsBytes(snapshot, { at, by, fileName });
        base64 = r.data.toString('base64');
        result = r;
      } else {
        const target =
          input.to === 'dialog'
            ? await pickSavePath(ctx.session, {
                title: 'Save a backup of the vault',
                defaultName: fileName,
                extensions: [BACKUP_EXTENSION],
              })
            : resolve(commandLinePath(ctx.session, input.path));
        const live = vaultPaths(vault.dir);
        if ([live.db, `${live.db}-wal`, `${live.db}-shm`, live.slots].includes(resolve(target))) {
          throw new DeskError('CONFLICT', 'A backup cannot be written over the vault itself.');
        }
        if (input.to === 'path' && existsSync(target)) {
          throw new DeskError(
            'CONFLICT',
            `${target} already exists; choose a new file name. Nothing was overwritten.`,
          );
        }
        result = await writeBackup(snapshot, target, { at, by });
        savedTo = target;
      }
    } finally {
      snapshot.key.fill(0);
    }
    ctx.db.transaction(() =>
      ctx.audit('vault.backup', `vault:${vault.vaultId}`, {
        to: savedTo ?? 'download',
        bytes: result.bytes,
        sha256: result.sha256,
        schemaVersion: result.header.schemaVersion,
        auditHead: result.header.auditHead.seq,
      }),
    )();
    return {
      fileName,
      savedTo,
      bytes: result.bytes,
      sha256: result.sha256,
      schemaVersion: result.header.schemaVersion,
      auditHead: result.header.auditHead,
      auditEvents: result.header.auditEvents,
      createdAt: at,
      base64,
    };
  },

  /** Restores a backup into this session's vault folder, which must not hold a vault. */
  'ops.restore': async (input, ctx) => {
    const s = ctx.session;
    if (s.vault) {
      throw new DeskError(
        'VAULT_EXISTS',
        'A vault is open here; restore into a new, empty folder. Nothing was overwritten.',
      );
    }
    const source =
      input.from.kind === 'path'
        ? resolve(commandLinePath(s, input.from.path))
        : s.files.resolve(input.from.token).path;
    if (!existsSync(source)) throw new DeskError('NOT_FOUND', `There is no file ${source}.`);
    return restoreBackup({
      source,
      dir: s.vaultDir,
      at: ctx.nowIso(),
      recoveryKey: input.recoveryKey,
      userName: input.userName,
      passphrase: input.passphrase,
    });
  },

  'ops.purgePreview': (_input, ctx) => previewPurge(ctx.db, readSettings(ctx.db), ctx.now()),

  'ops.purge': (input, ctx) =>
    runPurge(ctx.db, readSettings(ctx.db), {
      asOf: ctx.now(),
      user: ctx.user.name,
      categories: input.categories,
      expect: input.expect,
    }),

  'ops.purgeDue': (_input, ctx) => purgeDue(ctx.db, readSettings(ctx.db), ctx.now()),

  'ops.createDemo': (input, ctx) => {
    // In the app the demo has its own folder (vault.openDemo); never make the real vault a demo.
    if (ctx.session.demoVaultDir !== undefined) {
      throw new DeskError('CONFLICT', 'Use "Open demo vault": the demo gets its own folder here.');
    }
    const seed = ctx.session.seedDemo;
    if (!seed) throw new DeskError('CONFLICT', 'This transport cannot make a demo vault.');
    return seed(ctx.session, input);
  },
};
