import type { KdfCost, OpenVault, VaultUser } from '../vault/vault';
import { closeVault, vaultExists } from '../vault/vault';
import { appendAudit } from '../audit/log';
import { isBusyError } from './db';
import { wordedError } from './errors';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { readSetting } from './settings';
import { FileRegistry } from './picked-files';
import type { Platform } from './platform';
import type { DemoOutput } from '../../shared/schemas/ops';

export type LockReason = 'manual' | 'idle' | 'quit';

export interface DeskOptions {
  vaultDir: string;
  /** Where "Open demo vault" creates and opens the demo vault (app and harness; not the CLI). */
  demoVaultDir?: string;
  /** The clock; tests inject one. */
  now?: () => Date;
  /** Cost of the passphrase KDF for new key slots (tests lower it; production uses the default). */
  kdfCost?: KdfCost;
  /** How long opening the vault waits for another connection's write lock (tests shorten it). */
  busyTimeoutMs?: number;
  /** From which file size an import reads with a thread of its own (tests lower it to 0). */
  importLineReaderFrom?: number;
  /**
   * Whether a vault too large to check while unlocking is checked right after (default true).
   * The CLI does not: its commands lock before that check would end, and a long one — a night's
   * import — would share the machine's cores with it for nothing.
   */
  checkAfterUnlock?: boolean;
  /** How the session waits before answering a failed unlock (tests inject a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** Told when the vault locks (idle or manual), e.g. to send the window back to the unlock screen. */
  onLock?: (reason: LockReason) => void;
  /** Native dialogs, when the transport has them (Electron). */
  platform?: Platform;
  /**
   * Fills an empty vault folder with the demo. The demo is a client of the handler table, so the
   * transports hand it in; the handlers that offer the demo never import it.
   */
  seedDemo?: DemoSeeder;
}

export interface DemoOptions {
  passphrase?: string | undefined;
  adminName: string;
  years: number;
  seed: number;
}

export type DemoSeeder = (session: DeskSession, o: DemoOptions) => Promise<DemoOutput>;

interface FailedAttempt {
  at: string;
  userName: string;
}

/**
 * One desk session: the vault folder, the open vault and signed-in user while unlocked, failed
 * unlock attempts and the idle-lock timer. Electron has one per app, the CLI one per command, the
 * browser test harness one per server. Handlers reach it through their context.
 */
export class DeskSession {
  readonly mainVaultDir: string;
  readonly demoVaultDir: string | undefined;
  private currentVaultDir: string;
  readonly now: () => Date;
  readonly kdfCost: KdfCost | undefined;
  readonly busyTimeoutMs: number | undefined;
  readonly importLineReaderFrom: number | undefined;
  readonly checkAfterUnlock: boolean;
  readonly sleep: (ms: number) => Promise<void>;
  readonly platform: Platform | undefined;
  readonly seedDemo: DemoSeeder | undefined;
  /** Files picked or uploaded in this session, known to handlers by token. */
  readonly files = new FileRegistry();
  vault: OpenVault | null = null;
  user: VaultUser | null = null;
  consecutiveFailures = 0;
  private pendingFailures: FailedAttempt[] = [];
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly onLock: ((reason: LockReason) => void) | undefined;
  private readonly beforeLock = new Set<() => void>();

  constructor(o: DeskOptions) {
    this.mainVaultDir = o.vaultDir;
    this.currentVaultDir = o.vaultDir;
    this.demoVaultDir = o.demoVaultDir;
    this.now = o.now ?? (() => new Date());
    this.kdfCost = o.kdfCost;
    this.busyTimeoutMs = o.busyTimeoutMs;
    this.importLineReaderFrom = o.importLineReaderFrom;
    this.checkAfterUnlock = o.checkAfterUnlock ?? true;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.onLock = o.onLock;
    this.platform = o.platform;
    this.seedDemo = o.seedDemo;
  }

  /** The vault folder in use: the main vault, or the demo vault while the demo is open. */
  get vaultDir(): string {
    return this.currentVaultDir;
  }

  /** Locks whatever is open and points the session at another vault folder (main ↔ demo). */
  switchVault(dir: string): void {
    this.lock('manual');
    this.currentVaultDir = dir;
    this.consecutiveFailures = 0;
    this.pendingFailures = [];
  }

  get exists(): boolean {
    return vaultExists(this.vaultDir);
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Delay before answering the n-th consecutive failed unlock: none for two, then 1, 2, 4 … 30 s. */
  failureDelayMs(): number {
    const n = this.consecutiveFailures;
    return n <= 2 ? 0 : Math.min(30_000, 1000 * 2 ** (n - 3));
  }

  recordFailure(userName: string): void {
    this.consecutiveFailures += 1;
    this.pendingFailures.push({ at: this.nowIso(), userName });
  }

  /**
   * Signs a user in on a vault just opened. The sign-in and its audit event (with the failed
   * attempts since the last sign-in, written first) happen together or not at all: only once
   * `login.ok` is written is the session unlocked. When the write fails — another program holds
   * the vault's write lock past the busy timeout, or the disk is full — the vault is closed again,
   * the failed attempts stay queued for the next sign-in, and the error says what to do.
   */
  signIn(vault: OpenVault, user: VaultUser): void {
    const failures = [...this.pendingFailures];
    const at = this.nowIso();
    try {
      vault.db.transaction(() => {
        for (const f of failures) {
          appendAudit(vault.db, {
            at,
            user: f.userName,
            action: 'login.failed',
            subject: `user:${f.userName}`,
            details: { attemptedAt: f.at },
          });
        }
        appendAudit(vault.db, {
          at,
          user: user.name,
          action: 'login.ok',
          subject: `user:${user.name}`,
        });
      })();
    } catch (e) {
      closeVault(vault);
      if (isBusyError(e)) {
        throw wordedError('CONFLICT', 'vault.busySignIn', undefined, { reason: 'vault_busy' });
      }
      throw e;
    }
    this.pendingFailures.splice(0, failures.length);
    this.consecutiveFailures = 0;
    this.vault = vault;
    this.user = user;
    this.touch();
  }

  /** Resets the idle timer; every handled call and user activity in the window does this. */
  touch(): void {
    if (!this.vault) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const minutes =
      readSetting(this.vault.db, 'idleLockMinutes') ?? DEFAULT_SETTINGS.idleLockMinutes;
    this.idleTimer = setTimeout(() => this.lock('idle'), minutes * 60_000);
    this.idleTimer.unref?.();
  }

  /**
   * Work to stop before the vault locks (e.g. running imports); registered by the domains. Returns
   * how to take it off again.
   */
  onBeforeLock(fn: () => void): () => void {
    this.beforeLock.add(fn);
    return () => void this.beforeLock.delete(fn);
  }

  /** Closes the database and drops the key. Audited while the vault is still open. Never throws. */
  lock(reason: LockReason): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const vault = this.vault;
    if (!vault) return;
    for (const fn of this.beforeLock) fn();
    try {
      appendAudit(vault.db, {
        at: this.nowIso(),
        user: this.user?.name ?? 'system',
        action: 'vault.locked',
        subject: `vault:${vault.vaultId}`,
        details: { reason },
      });
    } catch {
      // Locking must always succeed (it may run from a timer); the key is dropped regardless.
      console.error('[naw-desk] the lock event could not be written to the audit log');
    } finally {
      closeVault(vault);
      this.vault = null;
      this.user = null;
      this.files.clear();
      this.onLock?.(reason);
    }
  }
}
