import type { Channel } from '../../shared/contract';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { appendAudit, type AuditEntry } from '../audit/log';
import type { OpenVault, VaultUser } from '../vault/vault';
import { wordedError } from './errors';
import type { DeskSession } from './session';

/** What every handler gets: the session, the clock, the open vault and the signed-in user. */
export class DeskContext {
  constructor(readonly session: DeskSession) {}

  now(): Date {
    return this.session.now();
  }
  nowIso(): string {
    return this.session.nowIso();
  }

  get vault(): OpenVault {
    const v = this.session.vault;
    if (!v) {
      throw this.session.exists
        ? wordedError('LOCKED', 'vault.locked')
        : wordedError('NO_VAULT', 'vault.none');
    }
    return v;
  }

  get db() {
    return this.vault.db;
  }

  get user(): VaultUser {
    const u = this.session.user;
    if (!u) throw wordedError('NOT_SIGNED_IN', 'vault.signInFirst');
    return u;
  }

  /** Appends an audit event as the signed-in user (or `system`). */
  audit(action: string, subject: string, details?: AuditEntry['details']): void {
    appendAudit(this.db, {
      at: this.nowIso(),
      user: this.session.user?.name ?? 'system',
      action,
      subject,
      ...(details ? { details } : {}),
    });
  }
}

export type Handler<C extends Channel> = (
  input: ParsedInputOf<C>,
  ctx: DeskContext,
) => OutputOf<C> | Promise<OutputOf<C>>;

/** A domain's slice of the handler table. */
export type HandlerMap<C extends Channel> = { [K in C]: Handler<K> };
