import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db';
import { epocRequestJson } from '../fixtures/epoc/epoc-request';
import { registerDesk, requestJson } from '../fixtures/requests/desk';

const ms = (iso: string) => Date.parse(iso);

/**
 * Two former customers whose every assignment ended on 1 January 2025: with the default 12
 * months they are due for purge from January 2026. C900 is the one the preservation order asks
 * about; C901 is not asked about and goes at the first purge.
 */
function plantFormerCustomers(db: Db): void {
  const imp = db
    .prepare(
      `INSERT INTO import_run (kind, mode, status, file_name, file_sha256, file_bytes, user, started_at, finished_at)
       VALUES ('customers', 'history', 'committed', 'oud.csv', 'ab12', 10, 'seed', ?, ?)`,
    )
    .run(ms('2024-01-01T00:00:00Z'), ms('2024-01-01T00:00:00Z')).lastInsertRowid;
  for (const [id, name, number] of [
    ['C900', 'Bewaard Klant', '+31611110000'],
    ['C901', 'Verlopen Klant', '+31622220000'],
  ] as const) {
    db.prepare('INSERT INTO customer (customer_id, import_id) VALUES (?, ?)').run(id, imp);
    db.prepare(
      `INSERT INTO customer_version (customer_id, name, street, house_number, postcode, city, valid_from, valid_to, import_id, source_line)
       VALUES (?, ?, 'Oudeweg', '3', '1011 AA', 'Amsterdam', ?, ?, ?, 2)`,
    ).run(id, name, ms('2020-01-01T00:00:00Z'), ms('2025-01-01T00:00:00Z'), imp);
    db.prepare(
      `INSERT INTO number_assignment (e164, number_given, customer_id, service, valid_from, valid_to, import_id, source_line)
       VALUES (?, ?, ?, 'mobile', ?, ?, ?, 2)`,
    ).run(number, number, id, ms('2020-01-01T00:00:00Z'), ms('2025-01-01T00:00:00Z'), imp);
  }
}

const count = (db: Db, table: string, customer: string) =>
  (
    db.prepare(`SELECT count(*) AS n FROM ${table} WHERE customer_id = ?`).get(customer) as {
      n: number;
    }
  ).n;

const audited = (db: Db, action: string) =>
  (
    db
      .prepare('SELECT subject, details FROM audit_event WHERE action = ? ORDER BY seq')
      .all(action) as { subject: string; details: string }[]
  ).map((e) => ({ subject: e.subject, details: JSON.parse(e.details) as Record<string, unknown> }));

/** An EPOC-PR (Annex II) for the subscriber of +31 6 1111 0000 on 1 June 2024. */
const preservationOrder = () =>
  epocRequestJson(
    { kind: 'preservation' },
    { items: [{ kind: 'phone', value: '06-11110000', moment: '2024-06-01T10:00' }] },
  );

async function heldDesk() {
  const d = await registerDesk('2026-09-02T12:00:00Z');
  plantFormerCustomers(d.session.vault!.db);
  // Signing in as someone else opens the vault again: always the connection open now.
  const db = new Proxy({} as Db, {
    get: (_t, k) => {
      const live = d.session.vault!.db as unknown as Record<string | symbol, unknown>;
      const v = live[k];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(live) : v;
    },
  });
  const { registerNo } = await d.must('requests.create', preservationOrder());
  const matched = await d.must('requests.match', { registerNo });
  expect(matched.items[0]!.status).toBe('match');
  return { d, db, registerNo };
}

describe('preservation holds', () => {
  it('an EPOC-PR is matched like a production order and holds exactly the records its match rests on', async () => {
    const { d, db, registerNo } = await heldDesk();
    const r = await d.must('requests.get', { registerNo });
    expect(r.preservation).toBe(true);
    expect(r.epoc?.certificate.kind).toBe('preservation');
    expect(r.status).toBe('matched');
    const evidence = r.matches[0]!.evidence.map((e) => `${e.table}:${e.id}`).sort();
    const held = (
      db
        .prepare('SELECT record_table, record_id FROM preservation_hold_record ORDER BY 1, 2')
        .all() as { record_table: string; record_id: number }[]
    )
      .map((h) => `${h.record_table}:${h.record_id}`)
      .sort();
    expect(held).toEqual(evidence);
    expect(held.some((h) => h.startsWith('number_assignment:'))).toBe(true);
    expect(held.some((h) => h.startsWith('customer_version:'))).toBe(true);
    // 60 days from receipt (2 September 2026, 09:15 Amsterdam = 07:15 UTC).
    expect(r.hold).toMatchObject({
      state: 'active',
      regime: 'epoc',
      until: '2026-11-01T07:15:00.000Z',
      daysLeft: 60,
      canExtend: true,
      held: { numberAssignments: 1, ipAssignments: 0, customerVersions: 1, customers: 1 },
    });
    expect(audited(db, 'hold.placed')).toEqual([
      {
        subject: `request:${registerNo}`,
        details: {
          regime: 'epoc',
          until: '2026-11-01T07:15:00.000Z',
          numberAssignments: 1,
          ipAssignments: 0,
          customerVersions: 1,
        },
      },
    ]);
    // No disclosure: the hold is the answer, and no subscriber data is written in its audit.
    const refused = await d.call('requests.decide', { registerNo, outcome: 'disclose' });
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(JSON.stringify(audited(db, 'hold.placed'))).not.toContain('Bewaard');
  });

  it('a placed hold answers the order: past its 10 days it is not overdue, and disclosing is refused with the reason', async () => {
    const { d, registerNo } = await heldDesk();
    d.clock.now = new Date('2026-10-01T09:00:00Z');
    const [row] = await d.must('requests.list', { search: registerNo });
    expect(row).toMatchObject({ registerNo, status: 'matched', deadlineState: 'closed' });
    const dash = await d.must('requests.dashboard', {});
    expect(dash.overdue).toBe(0);
    expect(dash.open.map((r) => r.registerNo)).toEqual([registerNo]);
    const refused = await d.call('requests.decide', { registerNo, outcome: 'disclose' });
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', key: 'hold.noDisclosure' });
    expect(JSON.stringify(refused)).toContain('production order that follows');
    // A production order past its 10 days is overdue on the same dashboard.
    const { registerNo: production } = await d.must(
      'requests.create',
      epocRequestJson(
        {},
        { items: [{ kind: 'phone', value: '06-11110000', moment: '2024-06-01T10:00' }] },
      ),
    );
    d.clock.now = new Date('2026-10-20T09:00:00Z');
    const later = await d.must('requests.dashboard', {});
    expect(later.open.find((r) => r.registerNo === production)?.deadlineState).toBe('overdue');
    expect(later.overdue).toBe(1);
  });

  it('purge keeps held records while the hold lasts, lists them, and deletes them once it expired', async () => {
    const { d, db, registerNo } = await heldDesk();
    await d.as('admin');
    const preview = await d.must('ops.purgePreview', {});
    const customers = preview.categories.find((c) => c.category === 'formerCustomers')!;
    expect(customers.count).toBe(1);
    expect(preview.held).toEqual([
      {
        registerNo,
        state: 'active',
        until: '2026-11-01T07:15:00.000Z',
        held: { numberAssignments: 1, ipAssignments: 0, customerVersions: 1, customers: 1 },
        customersKept: 1,
      },
    ]);
    const purged = await d.must('ops.purge', { expect: { formerCustomers: 1 } });
    expect(purged.purged.find((p) => p.category === 'formerCustomers')?.count).toBe(1);
    expect(count(db, 'customer_version', 'C901')).toBe(0);
    expect(count(db, 'customer_version', 'C900')).toBe(1);
    expect(count(db, 'number_assignment', 'C900')).toBe(1);
    // Not even by hand while the hold lasts.
    expect(() =>
      db.prepare(`DELETE FROM customer_version WHERE customer_id = 'C900'`).run(),
    ).toThrow(/preservation hold/);

    // The day after its end the hold no longer protects: audited once as expired, then purged.
    d.clock.now = new Date('2026-11-02T08:00:00Z');
    const later = await d.must('ops.purgePreview', {});
    expect(later.held).toEqual([]);
    expect(later.categories.find((c) => c.category === 'formerCustomers')!.count).toBe(1);
    await d.must('ops.purgePreview', {});
    expect(audited(db, 'hold.expired')).toEqual([
      {
        subject: `request:${registerNo}`,
        details: {
          reason: 'expired',
          until: '2026-11-01T07:15:00.000Z',
          endedAt: '2026-11-01T07:15:00.000Z',
        },
      },
    ]);
    await d.must('ops.purge', {});
    expect(count(db, 'customer_version', 'C900')).toBe(0);
    expect(count(db, 'number_assignment', 'C900')).toBe(0);
    await d.as('olga');
    const r = await d.must('requests.get', { registerNo });
    expect(r.hold).toMatchObject({ state: 'expired', endReason: 'expired', daysLeft: null });
  });

  it('extended once by 30 days (Annex VI), audited; a second extension is refused', async () => {
    const { d, db, registerNo } = await heldDesk();
    d.clock.now = new Date('2026-10-25T09:00:00Z');
    const dash = await d.must('requests.dashboard', {});
    expect(dash.holdsExpiring).toEqual([
      { registerNo, until: '2026-11-01T07:15:00.000Z', daysLeft: 7, canExtend: true },
    ]);
    const r = await d.must('requests.extendHold', { registerNo, note: 'Annex VI received' });
    expect(r.hold).toMatchObject({ until: '2026-12-01T07:15:00.000Z', canExtend: false });
    expect(audited(db, 'hold.extended')).toEqual([
      {
        subject: `request:${registerNo}`,
        details: {
          from: '2026-11-01T07:15:00.000Z',
          until: '2026-12-01T07:15:00.000Z',
          days: 30,
          note: 'Annex VI received',
        },
      },
    ]);
    expect((await d.must('requests.dashboard', {})).holdsExpiring).toEqual([]);
    expect(await d.call('requests.extendHold', { registerNo })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    // Past the first end, still held: the purge keeps C900.
    d.clock.now = new Date('2026-11-15T09:00:00Z');
    await d.as('admin');
    await d.must('ops.purge', {});
    expect(count(db, 'customer_version', 'C900')).toBe(1);
    expect(audited(db, 'hold.expired')).toEqual([]);
  });

  it('converted by a production order (Annex V): kept past its date until that request is decided', async () => {
    const { d, db, registerNo } = await heldDesk();
    d.clock.now = new Date('2026-09-21T09:00:00Z');
    const production = await d.must(
      'requests.create',
      epocRequestJson(
        {},
        {
          receivedAt: '2026-09-20T10:00',
          items: [{ kind: 'phone', value: '06-11110000', moment: '2024-06-01T10:00' }],
        },
      ),
    );
    expect(
      await d.call('requests.convertHold', { registerNo, production: registerNo }),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
    const r = await d.must('requests.convertHold', {
      registerNo,
      production: production.registerNo,
    });
    expect(r.hold).toMatchObject({
      state: 'converted',
      productionRegisterNo: production.registerNo,
    });
    expect(audited(db, 'hold.converted')).toEqual([
      {
        subject: `request:${registerNo}`,
        details: { production: production.registerNo, until: '2026-11-01T07:15:00.000Z' },
      },
    ]);
    d.clock.now = new Date('2027-01-10T09:00:00Z');
    await d.as('admin');
    const preview = await d.must('ops.purgePreview', {});
    expect(preview.held).toMatchObject([{ registerNo, state: 'converted', until: null }]);
    await d.must('ops.purge', {});
    expect(count(db, 'customer_version', 'C900')).toBe(1);

    // The production request is answered: the hold ends (produced) and the records may go.
    await d.as('olga');
    await d.must('requests.decide', {
      registerNo: production.registerNo,
      outcome: 'refuse',
      reasons: ['test'],
    });
    await d.as('admin');
    expect((await d.must('ops.purgePreview', {})).held).toEqual([]);
    expect(audited(db, 'hold.expired').map((e) => e.details.reason)).toEqual(['produced']);
    await d.must('ops.purge', {});
    expect(count(db, 'customer_version', 'C900')).toBe(0);
  });

  it('released: audited with the reason, and no longer protects', async () => {
    const { d, db, registerNo } = await heldDesk();
    expect(await d.call('requests.releaseHold', { registerNo, reason: 'x' })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    const r = await d.must('requests.releaseHold', {
      registerNo,
      reason: 'The issuing authority withdrew the order.',
    });
    expect(r.hold).toMatchObject({ state: 'released', endReason: 'released' });
    expect(audited(db, 'hold.released')).toEqual([
      {
        subject: `request:${registerNo}`,
        details: {
          reason: 'The issuing authority withdrew the order.',
          state: 'active',
          until: '2026-11-01T07:15:00.000Z',
        },
      },
    ]);
    expect(await d.call('requests.extendHold', { registerNo })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    await d.as('admin');
    await d.must('ops.purge', {});
    expect(count(db, 'customer_version', 'C900')).toBe(0);
  });

  it('a hold is changed by those who handle requests, not by an admin', async () => {
    const { d, registerNo } = await heldDesk();
    await d.as('admin');
    expect(
      await d.call('requests.releaseHold', { registerNo, reason: 'not mine to do' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('a Dutch order to preserve (Sv 126ni) is handled: held for 90 days, never disclosed', async () => {
    const d = await registerDesk('2026-03-02T12:00:00Z');
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({
        legalBasis: 'sv-126ni',
        requester: { name: 'mr. A. Visser', function: 'officier_van_justitie' },
        categories: ['naw'],
        items: [{ kind: 'phone', value: '06-12345678', moment: '2024-05-01T10:00' }],
      }),
    );
    const checked = await d.must('requests.get', { registerNo });
    expect(checked.check?.outcome).toBe('proceed');
    expect(checked.preservation).toBe(true);
    await d.must('requests.match', { registerNo });
    const r = await d.must('requests.get', { registerNo });
    expect(r.hold).toMatchObject({
      regime: 'sv-126ni',
      state: 'active',
      until: '2026-05-31T08:15:00.000Z',
      extensionDays: 90,
    });
    expect(await d.call('requests.decide', { registerNo, outcome: 'disclose' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });
});
