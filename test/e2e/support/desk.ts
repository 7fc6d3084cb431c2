import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import { DeskSession } from '../../../electron/core/session';
import { dispatch } from '../../../electron/api/table';
import type { Db } from '../../../electron/core/db';
import { AMSTERDAM_DUTY_DESK } from '../../fixtures/requests/duty-desk';

/** A cheap KDF for the browser journeys (the real cost is covered by the core tests and the bench). */
export const E2E_KDF = { N: 2 ** 12, r: 8, p: 1 };

/** The desk team the journeys sign in as. */
export const TEAM = {
  admin: { passphrase: 'blauwe tram over de brug', displayName: 'Admin', role: 'admin' },
  olga: { passphrase: 'groene fiets in de regen', displayName: 'Olga Smit', role: 'officer' },
  piet: { passphrase: 'rode boot op de gracht', displayName: 'Piet de Wit', role: 'approver' },
  ivo: { passphrase: 'gele trein naar de kust', displayName: 'Ivo Inlezer', role: 'importer' },
} as const;
export type TeamMember = keyof typeof TEAM;
export const PASS = Object.fromEntries(
  Object.entries(TEAM).map(([name, m]) => [name, m.passphrase]),
) as { [K in TeamMember]: string };

export type Must = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** A typed call through the real handler table that fails the test unless it succeeds. */
export const mustOn =
  (session: DeskSession): Must =>
  async (channel, input) => {
    const r = await dispatch(session, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.message}`);
    return r.data as OutputOf<typeof channel>;
  };

/** Creates the vault ("Testnet B.V.", admin) and adds the other team members asked for. */
export async function createTeamVault(
  session: DeskSession,
  members: Exclude<TeamMember, 'admin'>[],
): Promise<void> {
  const must = mustOn(session);
  await must('vault.create', {
    orgName: 'Testnet B.V.',
    adminName: 'admin',
    passphrase: PASS.admin,
  });
  for (const name of members) {
    const m = TEAM[name];
    await must('users.add', {
      name,
      displayName: m.displayName,
      role: m.role,
      passphrase: m.passphrase,
    });
  }
  // The channel call-backs are made on: a call-back only counts on one the catalogue holds.
  await must('catalogue.addContact', AMSTERDAM_DUTY_DESK);
}

/** Politie Amsterdam's duty desk as the admin verified it, the channel journeys call back on. */
export { AMSTERDAM_DUTY_DESK };

/**
 * Kabelnet Zwolle's vault as the Settings journeys find it, made through the real handler table
 * with a session of its own and locked before the harness opens it: admin anna (Anna de Vries),
 * the users given, and a former customer past retention imported by `formerCustomerBy`.
 */
export async function prepareKabelnetVault(
  vaultDir: string,
  { users = [], formerCustomerBy }: { users?: InputOf<'users.add'>[]; formerCustomerBy: string },
): Promise<void> {
  const session = new DeskSession({ vaultDir, kdfCost: E2E_KDF, sleep: async () => {} });
  const must = mustOn(session);
  await must('vault.create', {
    orgName: 'Kabelnet Zwolle B.V.',
    adminName: 'anna',
    displayName: 'Anna de Vries',
    passphrase: PASS.admin,
  });
  for (const user of users) await must('users.add', user);
  seedFormerCustomer(session.vault!.db, formerCustomerBy);
  session.lock('manual');
}

/**
 * A former customer (number held 2019–2023, imported by `user`) whose data is past its retention
 * period, so the purge notices and the purge have something to show.
 */
export function seedFormerCustomer(db: Db, user: string): void {
  const run = db
    .prepare(
      `INSERT INTO import_run (kind, mode, status, file_name, file_sha256, file_bytes, user, started_at)
       VALUES ('customers', 'history', 'committed', 'klanten.csv', ?, 1, ?, 0)`,
    )
    .run('0'.repeat(64), user).lastInsertRowid;
  db.prepare('INSERT INTO customer (customer_id, import_id) VALUES (?, ?)').run('K-1', run);
  db.prepare(
    `INSERT INTO customer_version (customer_id, name, city, valid_from, import_id, source_line)
     VALUES ('K-1', 'Oud-klant Jansen', 'Zwolle', 0, ?, 2)`,
  ).run(run);
  db.prepare(
    `INSERT INTO number_assignment (e164, number_given, customer_id, valid_from, valid_to, import_id, source_line)
     VALUES ('+31612345678', '0612345678', 'K-1', ?, ?, ?, 2)`,
  ).run(Date.parse('2019-01-01T00:00:00Z'), Date.parse('2023-01-01T00:00:00Z'), run);
}
