import type { Migration } from './types';

/**
 * Editable catalogues (Settings): authorities and legal bases get an `active` flag. A row that a
 * request refers to is never deleted (the foreign keys of migration 0003 refuse it), only
 * deactivated: it stays readable for the old requests but cannot be chosen for a new one.
 * Contact channels stay in authority.contacts (JSON); entries made before this version get the
 * fields the verified-channel record now carries (id, who verified it and how, who added it).
 */
export const migration0005: Migration = {
  version: 5,
  name: 'editable catalogues: active flags, verified contact records',
  up(db) {
    db.exec(`
      ALTER TABLE authority ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1));
      ALTER TABLE legal_basis ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1));
    `);
    const rows = db
      .prepare(`SELECT code, contacts FROM authority WHERE contacts <> '[]'`)
      .all() as {
      code: string;
      contacts: string;
    }[];
    const update = db.prepare('UPDATE authority SET contacts = ? WHERE code = ?');
    for (const r of rows) {
      const list = JSON.parse(r.contacts) as Record<string, unknown>[];
      const upgraded = list.map((c, i) => ({
        id: `c${i + 1}`,
        verifiedBy: '',
        verifiedHow: '',
        addedBy: '',
        addedAt: '',
        verifiedAt: null,
        note: '',
        ...c,
      }));
      update.run(JSON.stringify(upgraded), r.code);
    }
  },
};
