import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DUTY_DESK, registerDesk, requestJson } from '../fixtures/requests/desk';
import { tempDir } from '../support/desk';

type Desk = Awaited<ReturnType<typeof registerDesk>>;

/** A desk whose catalogue holds no channel for Politie Amsterdam yet (addChannel adds one). */
const bareDesk = () => registerDesk(undefined, { dutyDesk: false });

async function addChannel(d: Desk, value = '020 559 5000') {
  await d.as('admin');
  await d.must('catalogue.addContact', {
    authority: 'pol-amsterdam',
    kind: 'phone',
    value,
    verifiedBy: 'admin',
    verifiedAt: '2026-02-01',
    verifiedHow: 'politie.nl contact page, called the switchboard',
    independent: true,
  });
  await d.as('olga');
}

const unverified = (d: Desk) => d.must('requests.create', requestJson({ verification: undefined }));
const callback = (channel?: string) => ({
  method: 'callback' as const,
  by: 'olga',
  at: '2026-03-02T11:00',
  note: 'Duty desk confirmed the request.',
  ...(channel ? { channel } : {}),
});

describe('verification against the catalogue', () => {
  it('officers read the authority’s verified channels on the request', async () => {
    const d = await bareDesk();
    await addChannel(d);
    const { registerNo } = await unverified(d);
    const r = await d.must('requests.get', { registerNo });
    expect(r.authority.contacts).toEqual([
      expect.objectContaining({ kind: 'phone', value: DUTY_DESK }),
    ]);
  });

  it('a call-back must name one of those channels, else the request stays unverified', async () => {
    const d = await bareDesk();
    const { registerNo } = await unverified(d);
    const none = await d.call('requests.verify', { registerNo, verification: callback() });
    expect(!none.ok && [none.code, none.key]).toEqual(['BAD_INPUT', 'verification.noChannels']);

    await addChannel(d);
    const unnamed = await d.call('requests.verify', { registerNo, verification: callback() });
    expect(!unnamed.ok && unnamed.key).toBe('verification.channelRequired');
    const fromRequest = await d.call('requests.verify', {
      registerNo,
      verification: callback('+31 20 555 0100'),
    });
    expect(!fromRequest.ok && fromRequest.key).toBe('verification.channelUnknown');
    const still = await d.must('requests.get', { registerNo });
    expect(still.verified).toBe(false);
    expect((await d.call('requests.match', { registerNo })).ok).toBe(false);

    // The same number in another notation is the catalogue's channel.
    const ok = await d.must('requests.verify', {
      registerNo,
      verification: callback('020-5595000'),
    });
    expect(ok.verified).toBe(true);
    expect(ok.verification).toEqual({
      method: 'callback',
      channel: DUTY_DESK,
      by: 'olga',
      at: '2026-03-02T10:00:00.000Z',
      note: 'Duty desk confirmed the request.',
    });
    expect(ok.check?.outcome).toBe('proceed');
    expect(ok.events.at(-2)).toMatchObject({ kind: 'verified', details: { channel: DUTY_DESK } });
  });

  it('a channel removed from the catalogue no longer verifies: the checks fail, no disclosure', async () => {
    const d = await bareDesk();
    await addChannel(d);
    const { registerNo } = await unverified(d);
    await d.must('requests.verify', { registerNo, verification: callback(DUTY_DESK) });
    await d.as('admin');
    const [contact] = (await d.must('catalogue.view', {})).authorities.find(
      (a) => a.code === 'pol-amsterdam',
    )!.contacts;
    await d.must('catalogue.removeContact', {
      authority: 'pol-amsterdam',
      contactId: contact!.id,
      reason: 'Number taken out of service.',
    });
    await d.as('olga');
    const c = await d.must('requests.check', { registerNo });
    expect(c.outcome).toBe('refuse');
    expect(c.failures.map((f) => [f.code, f.key])).toEqual([
      ['not_verified', 'checks.callback_channel_unknown'],
    ]);
    expect((await d.must('requests.get', { registerNo })).verified).toBe(false);
    expect((await d.call('requests.decide', { registerNo, outcome: 'disclose' })).ok).toBe(false);
  });

  it('logging with a named channel checks it; a call-back naming none is not a verification', async () => {
    const d = await registerDesk();
    const bad = await d.call(
      'requests.create',
      requestJson({ verification: callback('+31 20 555 0100') }),
    );
    expect(!bad.ok && bad.key).toBe('verification.channelUnknown');
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ verification: callback('020 559 5000') }),
    );
    const named = await d.must('requests.get', { registerNo });
    expect(named.check?.outcome).toBe('proceed');
    expect(named.verified).toBe(true);
    expect(named.verification?.channel).toBe(DUTY_DESK);

    // Logged as recorded, but in the state of an unverified request: checks fail, no matching.
    const unnamed = await d.must('requests.create', requestJson({ verification: callback() }));
    const r = await d.must('requests.get', { registerNo: unnamed.registerNo });
    expect(r.verification).toMatchObject({ method: 'callback', channel: null, by: 'olga' });
    expect(r.verified).toBe(false);
    expect(r.check?.outcome).toBe('refuse');
    expect(r.check?.failures.map((f) => [f.code, f.key])).toEqual([
      ['not_verified', 'checks.not_verified_callback_unnamed'],
    ]);
    expect(r.check?.failures[0]!.message).toMatch(/Call back on a catalogue channel/);
    expect((await d.call('requests.match', { registerNo: unnamed.registerNo })).ok).toBe(false);
    const refused = await d.call('requests.decide', {
      registerNo: unnamed.registerNo,
      outcome: 'disclose',
    });
    expect(!refused.ok && [refused.code, refused.key]).toEqual([
      'CONFLICT',
      'register.checksFailed',
    ]);
    expect(
      (await d.must('requests.list', {})).find((x) => x.registerNo === unnamed.registerNo),
    ).toMatchObject({ verified: false });

    // Calling back on the catalogue channel and recording it makes it a verification.
    const v = await d.must('requests.verify', {
      registerNo: unnamed.registerNo,
      verification: callback(DUTY_DESK),
    });
    expect(v.verified).toBe(true);
    expect(v.check?.outcome).toBe('proceed');
  });

  it('a signed document counts only with the document on the request', async () => {
    const d = await registerDesk();
    const signed = {
      method: 'signed_document' as const,
      by: 'olga',
      at: '2026-03-02T11:00',
      note: 'Signed by the officier van justitie.',
    };
    const { registerNo } = await d.must('requests.create', requestJson({ verification: signed }));
    const r = await d.must('requests.get', { registerNo });
    expect(r.document).toBeNull();
    expect(r.verified).toBe(false);
    expect(r.check?.failures.map((f) => [f.code, f.key])).toEqual([
      ['not_verified', 'checks.not_verified_no_document'],
    ]);
    expect((await d.call('requests.decide', { registerNo, outcome: 'disclose' })).ok).toBe(false);
    const without = await d.call('requests.verify', { registerNo, verification: signed });
    expect(!without.ok && [without.code, without.key]).toEqual([
      'BAD_INPUT',
      'verification.documentRequired',
    ]);

    const pdf = join(tempDir(), 'vordering-ondertekend.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await d.must('requests.attachDocument', {
      registerNo,
      token: d.session.files.register(pdf).token,
    });
    const v = await d.must('requests.verify', { registerNo, verification: signed });
    expect(v.verified).toBe(true);
    expect(v.check?.outcome).toBe('proceed');

    // Logged with its document, the signed document is a verification from the start.
    const withDoc = await d.must(
      'requests.create',
      requestJson({ verification: signed, documentToken: d.session.files.register(pdf).token }),
    );
    expect((await d.must('requests.get', { registerNo: withDoc.registerNo })).verified).toBe(true);
  });

  it('the written confirmation of a phone request closes its 3-day deadline on the dashboard', async () => {
    const d = await registerDesk('2026-03-02T10:00:00Z');
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ channel: 'phone', urgency: 'emergency', receivedAt: '2026-03-02T10:30' }),
    );
    const open = (await d.must('requests.dashboard', {})).open.find(
      (o) => o.registerNo === registerNo,
    )!;
    expect(open).toMatchObject({
      writtenConfirmationDue: '2026-03-05T09:30:00.000Z',
      writtenConfirmationState: 'open',
    });
    const future = await d.call('requests.confirmWritten', {
      registerNo,
      receivedAt: '2026-03-04T10:00',
    });
    expect(!future.ok && future.key).toBe('register.receivedInFuture');
    d.clock.now = new Date('2026-03-04T12:00:00Z');
    const r = await d.must('requests.confirmWritten', {
      registerNo,
      receivedAt: '2026-03-04T12:15',
    });
    expect(r.writtenConfirmationReceivedAt).toBe('2026-03-04T11:15:00.000Z');
    expect(r.writtenConfirmationState).toBe('closed');
    expect(r.events.at(-1)).toMatchObject({ kind: 'written_confirmation', user: 'olga' });
  });
});
