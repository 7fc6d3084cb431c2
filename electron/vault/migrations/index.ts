import { failWith } from '../../core/errors';
import type { Db } from '../../core/db';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-customers';
import { migration0003 } from './0003-register';
import { migration0004 } from './0004-disclosure';
import { migration0005 } from './0005-catalogue-edit';
import { migration0006 } from './0006-importer-role';
import { migration0007 } from './0007-item-periods';
import { migration0008 } from './0008-epoc';
import { migration0009 } from './0009-preservation';
import { migration0010 } from './0010-hi1';
import { migration0011 } from './0011-annex3';
import { migration0012 } from './0012-line-digest';
import { migration0013 } from './0013-current-copy';
import { migration0014 } from './0014-port-span';
import type { Migration } from './types';

/** Every migration, in order. Add one file per change; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
];
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

export const schemaVersion = (db: Db): number =>
  db.pragma('user_version', { simple: true }) as number;

/** Brings the database up to SCHEMA_VERSION, each migration in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    failWith('VAULT_TOO_NEW', 'vault.tooNew', { current, latest });
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
