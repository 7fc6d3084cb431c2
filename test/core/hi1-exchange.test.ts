import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { orderOf, readHi1Message } from '../../electron/hi1/message';
import { registerDesk, requestJson } from '../fixtures/requests/desk';
import { tempDir } from '../support/desk';

const FIX = fileURLToPath(new URL('../fixtures/hi1/', import.meta.url));
const START = '2026-09-02T12:00:00Z';
const codes = (list: { code: string }[]) => list.map((f) => f.code);

type Desk = Awaited<ReturnType<typeof registerDesk>>;
const importFile = (d: Desk, name: string) =>
  d.call('hi1.import', { file: d.session.files.register(join(FIX, name)).token });

async function linkAs(d: Desk, country: string, uid: string, authority: string) {
  await d.as('admin');
  await d.must('hi1.linkSender', { countryCode: country, uniqueIdentifier: uid, authority });
  await d.as('olga');
}

describe('HI-1: an order in, the answer out', () => {
  it('an EPOC over HI-1: imported, matched, decided, approved, exported; the export reads back', async () => {
    const d = await registerDesk(START);
    await linkAs(d, 'de', 'STA-KOELN', 'eu-issuing');
    const r = await importFile(d, 'order-epoc.xml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const imported = r.data;
    expect(imported.senderLinked).toBe(true);
    expect(imported.tasks).toEqual([
      {
        objectId: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
        ldid: 'DE-STA-KOELN-LD-0001',
        type: 'SubscriberData',
        items: [1],
      },
      {
        objectId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        ldid: 'DE-STA-KOELN-LD-0002',
        type: 'UserIdentifyingData',
        items: [2],
      },
    ]);
    const { registerNo } = imported;
    const req = await d.must('requests.get', { registerNo });
    expect(req.channel).toBe('epoc');
    expect(req.caseReference).toBe('121 Js 345/26');
    expect(req.receivedAt).toBe('2026-09-02T07:15:00.000Z');
    expect(req.epoc?.certificate.issuingState).toBe('DE');
    expect(req.epoc?.certificate.issuingAuthority).toEqual({
      name: 'Staatsanwaltschaft Köln',
      function: 'prosecutor',
      fileReference: '121 Js 345/26',
    });
    expect(req.epoc?.certificate.categories).toEqual([
      'subscriber_identity',
      'subscriber_service',
      'identification',
    ]);
    expect(req.items.map((i) => [i.kind, i.normalised, i.port, i.utc])).toEqual([
      ['phone', '+31612345678', null, '2024-05-01T08:00:00.000Z'],
      ['ip', '203.0.113.5', 1500, '2025-06-01T12:00:00.000Z'],
    ]);
    expect(req.document?.mime).toBe('application/xml');
    expect(req.document?.sha256).toBe(
      (await import('node:crypto'))
        .createHash('sha256')
        .update(readFileSync(join(FIX, 'order-epoc.xml')))
        .digest('hex'),
    );
    expect(req.check?.outcome).toBe('proceed');

    // Not decided yet: nothing to export.
    const early = await d.call('hi1.export', { registerNo, target: 'inline' });
    expect(!early.ok && early.key).toBe('hi1.notDecided');

    const m = await d.must('requests.match', { registerNo });
    expect(m.items.map((i) => i.status)).toEqual(['match', 'match']);
    await d.must('requests.decide', { registerNo, outcome: 'disclose' });
    const pending = await d.call('hi1.export', { registerNo, target: 'inline' });
    expect(!pending.ok && pending.key).toBe('hi1.notApproved');
    await d.as('piet');
    await d.must('requests.approve', { registerNo, approve: true });
    await d.as('olga');

    const out = join(tempDir(), 'answer.xml');
    const ex = await d.must('hi1.export', { registerNo, target: { path: out } });
    expect(ex.saved).toBe(true);
    expect(ex.xml).toBeNull();
    expect(ex.tasks.map((t) => [t.ldid, t.status])).toEqual([
      ['DE-STA-KOELN-LD-0001', 'Disclosed'],
      ['DE-STA-KOELN-LD-0002', 'Disclosed'],
    ]);
    const bytes = readFileSync(out);
    const xml = bytes.toString('utf8');
    expect(xml).not.toMatch(/<!DOCTYPE/);
    // ETSI element order in a DeliveryObject.
    const order = [
      '<ObjectIdentifier>',
      '<AssociatedObjects>',
      '<delivery:Reference>',
      '<delivery:DeliveryID>',
      '<delivery:SequenceNumber>',
      '<delivery:LastSequence>',
      '<delivery:Manifest>',
      '<delivery:Delivery>',
    ].map((tag) => xml.indexOf(tag));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    // Round trip: the export is an HI1Message the desk's own reader parses.
    const back = readHi1Message(bytes);
    expect(back.header.sender).toEqual({
      countryCode: 'NL',
      uniqueIdentifier: 'VOORBEELD-TELECOM',
    });
    expect(back.header.receiver).toEqual({ countryCode: 'DE', uniqueIdentifier: 'STA-KOELN' });
    const deliveries = back.actions.flatMap((a) => ('delivery' in a ? [a.delivery] : []));
    const updates = back.actions.flatMap((a) => ('taskStatus' in a ? [a.taskStatus] : []));
    expect(updates).toEqual([
      {
        objectId: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
        ldid: 'DE-STA-KOELN-LD-0001',
        status: 'Disclosed',
      },
      {
        objectId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        ldid: 'DE-STA-KOELN-LD-0002',
        status: 'Disclosed',
      },
    ]);
    expect(deliveries.map((x) => [x.ldid, x.associated, x.lastSequence, x.contentType])).toEqual([
      ['DE-STA-KOELN-LD-0001', ['9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f'], true, 'application/json'],
      ['DE-STA-KOELN-LD-0002', ['1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'], true, 'application/json'],
    ]);
    const payload = JSON.parse(deliveries[0]!.data!.toString('utf8'));
    expect(payload.format).toBe('naw-desk/hi1-delivery/1');
    expect(payload.items[0].outcome).toBe('disclosed');
    expect(payload.items[0].subscribers[0].name).toBeTruthy();
    expect(deliveries[0]!.checksum).toBe(
      (await import('node:crypto')).createHash('sha256').update(deliveries[0]!.data!).digest('hex'),
    );
    // The export is not an order: importing it is refused, by key.
    expect(() => orderOf(back)).toThrow(/not an order/);

    const timeline = (await d.must('requests.get', { registerNo })).events.map((e) => e.kind);
    expect(timeline.at(-1)).toBe('hi1_exported');
    // An existing file is never overwritten; the export is audited.
    const twice = await d.call('hi1.export', { registerNo, target: { path: out } });
    expect(!twice.ok && twice.key).toBe('files.exists');
    const audit = await d.as('admin').then(() => d.must('audit.list', { action: 'hi1.exported' }));
    expect(JSON.stringify(audit)).toContain(registerNo);
  });

  it("the tasks' Deadlines: the earliest one holds when it comes before the statutory 10 days", async () => {
    /** order-epoc.xml with these deadlines in its first task, as a file of its own. */
    const withDeadlines = (name: string, ...at: string[]) => {
      const list = at
        .map(
          (dt, i) => `<task:LDDeadline><task:DateTime>${dt}</task:DateTime><task:NatureOfDeadline>
            <common:Owner>ETSI</common:Owner><common:Name>NatureOfDeadline</common:Name>
            <common:Value>${i === 0 ? 'DisclosureDeadline' : 'Other'}</common:Value>
          </task:NatureOfDeadline></task:LDDeadline>`,
        )
        .join('');
      const xml = readFileSync(join(FIX, 'order-epoc.xml'), 'utf8')
        .replace(/4b1e0a52-9f7c-4c1d-8e2a-3d5f6a7b8c90/g, `4b1e0a52-9f7c-4c1d-8e2a-3d5f6a7b${name}`)
        .replace(
          '</task:RequestDetails>',
          `</task:RequestDetails><task:Deadlines>${list}</task:Deadlines>`,
        );
      const path = join(tempDir(), `${name}.xml`);
      writeFileSync(path, xml);
      return path;
    };
    const d = await registerDesk(START);
    await linkAs(d, 'de', 'STA-KOELN', 'eu-issuing');
    const early = await d.must('hi1.import', {
      file: d.session.files.register(
        withDeadlines('aaaa', '2026-09-10T12:00:00+02:00', '2026-09-04T10:00:00Z'),
      ).token,
    });
    const a = await d.must('requests.get', { registerNo: early.registerNo });
    expect(a.deadline).toBe('2026-09-04T10:00:00.000Z');
    expect(a.note).toContain('deadline 2026-09-04T10:00:00Z (Other)');
    // Later than 10 days after receipt (2 September 07:15): the regulation's deadline holds.
    const late = await d.must('hi1.import', {
      file: d.session.files.register(withDeadlines('bbbb', '2026-10-30T00:00:00Z')).token,
    });
    const b = await d.must('requests.get', { registerNo: late.registerNo });
    expect(b.deadline).toBe('2026-09-12T07:15:00.000Z');
  });

  it('the same order twice is refused, naming the request it became', async () => {
    const d = await registerDesk(START);
    const first = await importFile(d, 'order-epoc.xml');
    expect(first.ok).toBe(true);
    const again = await importFile(d, 'order-epoc.xml');
    expect(!again.ok && again.key).toBe('hi1.alreadyImported');
  });

  it('an unknown sender: logged, but blocked until an admin links it', async () => {
    const d = await registerDesk(START);
    const r = await importFile(d, 'order-epoc.xml');
    if (!r.ok) throw new Error(r.message);
    expect(r.data.senderLinked).toBe(false);
    const { registerNo } = r.data;
    let req = await d.must('requests.get', { registerNo });
    expect(req.check?.outcome).toBe('refuse');
    expect(req.check!.failures.find((f) => f.code === 'hi1_sender_unknown')?.params).toEqual({
      country: 'DE',
      identifier: 'STA-KOELN',
    });
    expect((await d.call('requests.match', { registerNo })).ok).toBe(false);
    expect(await d.must('hi1.status', { registerNo })).toEqual({
      hi1: true,
      sender: { countryCode: 'DE', uniqueIdentifier: 'STA-KOELN' },
      senderLinked: false,
      tasks: [
        { ldid: 'DE-STA-KOELN-LD-0001', type: 'SubscriberData' },
        { ldid: 'DE-STA-KOELN-LD-0002', type: 'UserIdentifyingData' },
      ],
    });

    // An officer may not link; an admin may, and the failure clears at once.
    const officer = await d.call('hi1.linkSender', {
      countryCode: 'DE',
      uniqueIdentifier: 'STA-KOELN',
      authority: 'eu-issuing',
    });
    expect(!officer.ok && officer.code).toBe('FORBIDDEN');
    await linkAs(d, 'DE', 'STA-KOELN', 'eu-issuing');
    req = await d.must('requests.get', { registerNo });
    expect(codes(req.check!.failures)).not.toContain('hi1_sender_unknown');
    expect(req.check?.outcome).toBe('proceed');
    expect((await d.must('requests.match', { registerNo })).items[0]!.status).toBe('match');
    expect((await d.must('hi1.status', { registerNo })).senderLinked).toBe(true);
    const other = await d.must('requests.create', requestJson({ receivedAt: '2026-09-02T09:15' }));
    expect((await d.must('hi1.status', { registerNo: other.registerNo })).hi1).toBe(false);
    expect(
      (await d.must('hi1.senders', {})).map((s) => [
        s.countryCode,
        s.uniqueIdentifier,
        s.authorityCode,
      ]),
    ).toEqual([['DE', 'STA-KOELN', 'eu-issuing']]);
  });

  it('a TrafficData task is logged and referred, never matched; the answer rejects the tasks', async () => {
    const d = await registerDesk(START);
    await linkAs(d, 'DE', 'STA-KOELN', 'eu-issuing');
    const r = await importFile(d, 'order-epoc-traffic.xml');
    if (!r.ok) throw new Error(r.message);
    const { registerNo } = r.data;
    expect(r.data.tasks.map((t) => t.type)).toEqual(['SubscriberData', 'TrafficData']);
    const req = await d.must('requests.get', { registerNo });
    expect(req.check?.outcome).toBe('refer');
    expect(codes(req.check!.failures)).toContain('epoc_traffic_referred');
    expect((await d.call('requests.match', { registerNo })).ok).toBe(false);
    const db = d.session.vault!.db;
    expect(db.prepare('SELECT count(*) AS n FROM match_result').get()).toEqual({ n: 0 });
    await d.must('requests.decide', { registerNo, outcome: 'referred', reasons: ['traffic data'] });
    const ex = await d.must('hi1.export', { registerNo, target: 'inline' });
    expect(ex.tasks.map((t) => t.status)).toEqual(['Rejected', 'Rejected']);
    const back = readHi1Message(Buffer.from(ex.xml!, 'utf8'));
    expect(back.actions.filter((a) => a.verb === 'DELIVER')).toEqual([]);
  });

  it('a period (StartTime/EndTime) across a reassignment: each holder, and the answer', async () => {
    const d = await registerDesk('2026-03-02T12:00:00Z');
    await linkAs(d, 'NL', 'POL-AMSTERDAM-LI', 'pol-amsterdam');
    const r = await importFile(d, 'order-period-national.xml');
    if (!r.ok) throw new Error(r.message);
    const { registerNo } = r.data;
    const req = await d.must('requests.get', { registerNo });
    expect(req.channel).toBe('portal');
    expect(req.legalBasis.code).toBe('sv-126na-1');
    expect(req.authority.code).toBe('pol-amsterdam');
    expect(req.items[0]!.utc).toBe('2025-01-31T23:00:00.000Z');
    expect(req.items[0]!.period?.toUtc).toBe('2025-04-30T22:00:00.000Z');
    expect(req.check?.outcome).toBe('proceed');
    const m = await d.must('requests.match', { registerNo });
    const holders = m.items[0]!.subscribers.map((s) => [s.customerId, s.interval]);
    expect(holders.map((h) => h[0])).toEqual(['C001', 'C002']);
    await d.must('requests.decide', { registerNo, outcome: 'disclose' });
    await d.as('piet');
    await d.must('requests.approve', { registerNo, approve: true });
    await d.as('olga');
    const ex = await d.must('hi1.export', { registerNo, target: 'inline' });
    const back = readHi1Message(Buffer.from(ex.xml!, 'utf8'));
    const delivery = back.actions.flatMap((a) => ('delivery' in a ? [a.delivery] : []))[0]!;
    const payload = JSON.parse(delivery.data!.toString('utf8'));
    expect(payload.items[0].period).toEqual({
      from: '2025-01-31T23:00:00.000Z',
      to: '2025-04-30T22:00:00.000Z',
    });
    expect(payload.items[0].subscribers.map((s: { interval: unknown }) => s.interval)).toEqual(
      holders.map((h) => h[1]),
    );
  });

  it('no data: the task is DisclosureNotAvailable and its delivery says DataExistence false', async () => {
    const d = await registerDesk(START);
    await linkAs(d, 'DE', 'STA-KOELN', 'eu-issuing');
    const r = await importFile(d, 'order-epoc-nodata.xml');
    if (!r.ok) throw new Error(r.message);
    const { registerNo } = r.data;
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', { registerNo, outcome: 'no_data' });
    const ex = await d.must('hi1.export', { registerNo, target: 'inline' });
    expect(ex.tasks.map((t) => t.status)).toEqual([
      'DisclosureNotAvailable',
      'DisclosureNotAvailable',
    ]);
    const back = readHi1Message(Buffer.from(ex.xml!, 'utf8'));
    const deliveries = back.actions.flatMap((a) => ('delivery' in a ? [a.delivery] : []));
    expect(deliveries.map((x) => [x.dataExistence, x.data])).toEqual([
      [false, null],
      [false, null],
    ]);
  });

  it('the wizard: an HI-1 order read into a draft and logged keeps its identifiers while its items are unchanged', async () => {
    const d = await registerDesk(START);
    await linkAs(d, 'DE', 'STA-KOELN', 'eu-issuing');
    const token = () => d.session.files.register(join(FIX, 'order-epoc.xml')).token;
    const draft = await d.must('intake.extract', { file: token() });
    expect(draft.extraction.document.kind).toBe('hi1');
    const confirmed = {
      ...draft,
      authority: 'eu-issuing',
      verification: { method: 'known_portal' as const, by: 'olga', at: '2026-09-02T09:30' },
    } as InputOf<'requests.create'>;
    // Changed by the officer: logged as any request, not answerable over HI-1.
    const changed = await d.must('requests.create', {
      ...confirmed,
      items: [confirmed.items[0]!],
      documentToken: token(),
    });
    const refused = await d.call('hi1.export', {
      registerNo: changed.registerNo,
      target: 'inline',
    });
    expect(!refused.ok && refused.key).toBe('hi1.notHi1Request');
    // As the message gives them: the identifiers are kept, and the answer goes back over HI-1.
    const { registerNo } = await d.must('requests.create', {
      ...confirmed,
      documentToken: token(),
    });
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', { registerNo, outcome: 'refuse', reasons: ['test'] });
    const ex = await d.must('hi1.export', { registerNo, target: 'inline' });
    expect(ex.tasks.map((t) => [t.ldid, t.status])).toEqual([
      ['DE-STA-KOELN-LD-0001', 'Rejected'],
      ['DE-STA-KOELN-LD-0002', 'Rejected'],
    ]);
  });
});
