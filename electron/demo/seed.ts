import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { DemoOutput } from '../../shared/schemas/ops';
import type { MessageKey } from '../../shared/messages';
import { failWith, revivedError, wordedError } from '../core/errors';
import { DeskSession, type DemoOptions } from '../core/session';
import { dispatch } from '../api/table';
import { DEMO_KDF_COST, DEMO_ORG, DEMO_PASSPHRASE, DEMO_USERS } from '../vault/demo';
import { vaultCounts } from '../vault/counts';
import { createVault, findUser, vaultExists, vaultFiles } from '../vault/vault';
import { demoCustomers, prng, type DemoNumber } from './data';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The demo accounts as the header, the audit log and the letters name them: Dutch, as the desk
 * is, by the role's Dutch title (the user names stay `demo-officer` and so on).
 */
const DEMO_DISPLAY_NAMES = {
  admin: 'Demo Beheerder',
  officer: 'Demo Behandelaar',
  approver: 'Demo Goedkeurder',
  auditor: 'Demo Auditor',
  importer: 'Demo Importeur',
} as const;

/** `YYYY-MM-DDTHH:mm` in Europe/Amsterdam, the form a request gives its times in. */
const amsterdam = (d: Date): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(d)
    .replace(' ', 'T');

/**
 * Creates a demo vault in the session's (empty) vault folder, clearly marked demo (key file flag,
 * organisation name), with synthetic data put in through the real code: the customer import of
 * the customers domain, and a few years of requests in every state through the register's
 * handlers — each step at its own moment on a demo clock, as the demo users. Ends locked.
 */
export async function createDemoVault(outer: DeskSession, o: DemoOptions): Promise<DemoOutput> {
  if (outer.vault || vaultExists(outer.vaultDir)) {
    failWith('VAULT_EXISTS', 'demo.folderHoldsVault', { dir: outer.vaultDir });
  }
  const realNow = outer.now();
  const passphrase = o.passphrase ?? DEMO_PASSPHRASE;
  const clock = { now: new Date(Date.UTC(realNow.getUTCFullYear() - o.years - 2, 0, 2, 9)) };
  // The demo accounts' passphrase is shown on screen: their slots take the demo's KDF cost.
  const kdfCost = outer.kdfCost ?? DEMO_KDF_COST;
  const s = new DeskSession({
    vaultDir: outer.vaultDir,
    now: () => clock.now,
    kdfCost,
    sleep: async () => {},
  });
  const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const r = await dispatch(s, channel, input);
    // A worded refusal keeps its key (the English says at which step); others name the step.
    if (!r.ok) {
      throw r.key
        ? revivedError({
            ...r,
            message: `demo: ${channel}: ${r.message}`,
            key: r.key as MessageKey,
          })
        : wordedError(r.code, 'demo.stepFailed', { channel, problem: r.message });
    }
    return r.data as OutputOf<C>;
  };
  // The accounts the demo's unlock screen lists; the admin's name may be chosen (CLI demo).
  const users = [{ name: o.adminName, role: 'admin' as const }, ...DEMO_USERS.slice(1)];
  const as = (name: string) => s.signIn(s.vault!, findUser(s.vault!.db, name)!);
  const work = mkdtempSync(join(tmpdir(), 'naw-desk-demo-'));
  try {
    const created = await createVault(s.vaultDir, {
      orgName: DEMO_ORG,
      adminName: o.adminName,
      displayName: DEMO_DISPLAY_NAMES.admin,
      passphrase,
      at: clock.now.toISOString(),
      demo: true,
      kdfCost,
    });
    s.signIn(created.vault, created.user);
    for (const u of users.slice(1)) {
      await call('users.add', {
        name: u.name,
        role: u.role,
        passphrase,
        displayName: DEMO_DISPLAY_NAMES[u.role],
      });
    }
    await call('settings.update', {
      organisation: {
        name: DEMO_ORG,
        address: 'Demostraat 1',
        postcode: '8011 AA',
        city: 'Zwolle',
        kvk: '99999999',
        email: 'compliance@demonet.example',
        phone: '+31 38 000 0000',
      },
    });

    // Customer data through the real import (the customers domain's worker and checks), by the
    // importer: officers do not import.
    as('demo-importer');
    const data = demoCustomers(o.seed, clock.now, realNow);
    clock.now = new Date(realNow.getTime() - 2 * DAY);
    for (const [kind, content] of [
      ['customers', data.customersCsv],
      ['numbers', data.numbersCsv],
      ['ips', data.ipsCsv],
    ] as const) {
      const file = join(work, `demo-${kind}.csv`);
      writeFileSync(file, content, { mode: 0o600 });
      const token = s.files.register(file).token;
      const { jobId } = await call('customers.importStart', { file: token, kind });
      let job = await call('customers.importProgress', { jobId, waitMs: 10_000 });
      while (job.state === 'running') {
        job = await call('customers.importProgress', { jobId, waitMs: 10_000 });
      }
      if (job.state !== 'done' || job.report?.status !== 'committed') {
        failWith('INTERNAL', 'demo.importFailed', {
          kind,
          status: job.report?.status ?? job.state,
          problem: job.error?.message ?? job.report?.rejected[0]?.reason ?? '',
        });
      }
    }

    await demoRequests(call, as, clock, realNow, o, data.numbers);
    clock.now = realNow;
    as(o.adminName);
    const counts = vaultCounts(s.vault!.db);
    const statuses = s
      .vault!.db.prepare('SELECT status, count(*) AS n FROM request GROUP BY status')
      .all() as { status: string; n: number }[];
    for (const st of statuses) counts[`requests.${st.status}`] = st.n;
    return {
      orgName: DEMO_ORG,
      users: users.map((u) => ({ name: u.name, role: u.role })),
      passphrase,
      recoveryKey: created.recoveryKey,
      counts,
    };
  } catch (e) {
    if (s.vault) s.lock('manual');
    // Leave no half demo behind: the folder was empty before.
    for (const f of vaultFiles(s.vaultDir)) rmSync(f, { force: true });
    throw e;
  } finally {
    if (s.vault) s.lock('manual');
    rmSync(work, { recursive: true, force: true });
  }
}

type Call = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;
type Final = 'disclosed' | 'no_data' | 'refused' | 'referred';
type Open = 'received' | 'checked' | 'matched' | 'awaiting_approval';

/**
 * Per year a handful of closed requests (disclosed, no data, refused, referred); in the last
 * weeks some open ones in every state before a decision. Items ask for numbers that really were
 * assigned at the moment asked about (or never were, for "no data").
 */
async function demoRequests(
  call: Call,
  as: (name: string) => void,
  clock: { now: Date },
  now: Date,
  o: DemoOptions,
  numbers: DemoNumber[],
): Promise<void> {
  const rnd = prng(o.seed + 1);
  const authorities = [
    'pol-amsterdam',
    'pol-rotterdam',
    'pol-midden-nederland',
    'pol-oost-nederland',
    'kmar',
    'fiod',
  ];
  const heldAt = (t: Date) =>
    numbers.filter(
      (n) => n.from.getTime() < t.getTime() - DAY && (!n.to || n.to.getTime() > t.getTime() + DAY),
    );
  let caseNo = 1000;

  // Call-backs count only on a channel the provider verified itself and keeps in the catalogue:
  // the demo gives each of its authorities one (fictitious) verified number, and every demo
  // call-back names it, so an officer sees the real flow.
  const demoChannels = new Map<string, string>();
  as(o.adminName);
  clock.now = new Date(now.getTime() - 4 * 365 * DAY);
  const verifiedAt = clock.now.toISOString().slice(0, 10);
  for (const [i, code] of [...authorities, 'om-lp'].entries()) {
    const value = `+3120555${String(100 + i).padStart(4, '0')}`;
    await call('catalogue.addContact', {
      authority: code,
      kind: 'phone',
      value,
      verifiedBy: 'Demo Beheerder',
      verifiedAt,
      verifiedHow: 'Demo: fictief nummer, als geverifieerd via de officiële gids en de centrale.',
      independent: true,
    });
    demoChannels.set(code, value);
  }

  const run = async (received: Date, outcome: Final | Open) => {
    clock.now = received;
    const moment = new Date(received.getTime() - (5 + Math.floor(rnd() * 60)) * DAY);
    const held = heldAt(moment);
    const hit = held[Math.floor(rnd() * held.length)];
    const value = outcome === 'no_data' || !hit ? '+31619999999' : hit.number;
    const refer = outcome === 'referred';
    const refuse = outcome === 'refused';
    const authority = authorities[Math.floor(rnd() * authorities.length)]!;
    const ovj = refer || refuse;
    const code = ovj ? 'om-lp' : authority;
    as('demo-officer');
    const { registerNo } = await call('requests.create', {
      authority: code,
      requester: ovj
        ? { name: 'mr. P. de Officier', function: 'officier_van_justitie' }
        : {
            name: 'J. Demo',
            function: 'opsporingsambtenaar',
            badge: `DM${100 + (caseNo % 900)}`,
            email: 'j.demo@politie.example',
          },
      legalBasis: refer ? 'sv-126n' : refuse ? 'sv-126m' : 'sv-126na-1',
      caseReference: `PL-DEMO-${received.getUTCFullYear()}-${caseNo++}`,
      receivedAt: amsterdam(received),
      channel: rnd() < 0.7 ? 'email' : 'portal',
      urgency: rnd() < 0.1 ? 'urgent' : 'normal',
      categories: refer ? ['naw', 'traffic'] : refuse ? ['content'] : ['naw'],
      verification: {
        method: 'callback',
        channel: demoChannels.get(code)!,
        by: 'demo-officer',
        at: amsterdam(new Date(received.getTime() + HOUR / 4)),
      },
      items: [{ kind: 'phone', value, moment: amsterdam(moment) }],
    });
    const step = (hours: number) => (clock.now = new Date(received.getTime() + hours * HOUR));
    if (outcome === 'received') return;
    step(1);
    await call('requests.check', { registerNo });
    if (outcome === 'checked') return;
    if (refer || refuse) {
      step(3);
      await call('requests.decide', {
        registerNo,
        outcome: refer ? 'referred' : 'refuse',
        reasons: [
          refer
            ? 'Verkeersgegevens: doorverwezen naar de verkeersdesk.'
            : 'Inhoud van communicatie valt niet onder deze desk.',
        ],
      });
      if (refuse) await sendLetter(registerNo, step, 5);
      return;
    }
    step(2);
    await call('requests.match', { registerNo });
    if (outcome === 'matched') return;
    step(4);
    await call('requests.decide', {
      registerNo,
      outcome: outcome === 'no_data' ? 'no_data' : 'disclose',
    });
    if (outcome === 'awaiting_approval') return;
    step(6);
    as('demo-approver');
    const d = await call('requests.get', { registerNo });
    if (d.status === 'awaiting_approval')
      await call('requests.approve', { registerNo, note: 'Grondslag en omvang kloppen.' });
    if ((await call('requests.get', { registerNo })).status !== 'awaiting_approval') {
      await sendLetter(registerNo, step, 8);
    }
  };

  /** The officer issues the letter of a final decision and records it as sent by secure e-mail. */
  const sendLetter = async (registerNo: string, step: (h: number) => void, atHour: number) => {
    as('demo-officer');
    step(atHour);
    await call('letters.issue', { registerNo });
    step(atHour + 1);
    await call('letters.markSent', {
      registerNo,
      method: 'secure_email',
      sentAt: clock.now.toISOString(),
    });
  };

  const firstYear = now.getUTCFullYear() - o.years + 1;
  const finals: Final[] = [
    'disclosed',
    'disclosed',
    'disclosed',
    'no_data',
    'refused',
    'referred',
    'disclosed',
    'no_data',
  ];
  for (let y = firstYear; y <= now.getUTCFullYear(); y++) {
    for (const [k, outcome] of finals.entries()) {
      const received = new Date(
        Date.UTC(
          y,
          k + Math.floor(rnd() * 2),
          3 + Math.floor(rnd() * 20),
          8 + Math.floor(rnd() * 8),
        ),
      );
      if (received.getTime() > now.getTime() - 20 * DAY) continue;
      await run(received, outcome);
    }
  }
  const open: Open[] = ['received', 'checked', 'matched', 'awaiting_approval', 'received'];
  for (const [k, outcome] of open.entries()) {
    await run(new Date(now.getTime() - (k + 1) * 2 * DAY - 3 * HOUR), outcome);
  }
}
