import { describe, expect, it } from 'vitest';
import { registerDesk, requestJson } from '../fixtures/requests/desk';

type Desk = Awaited<ReturnType<typeof registerDesk>>;

const DUTY_DESK = '+31205595000';

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
    const d = await registerDesk();
    await addChannel(d);
    const { registerNo } = await unverified(d);
    const r = await d.must('requests.get', { registerNo });
    expect(r.authority.contacts).toEqual([
      expect.objectContaining({ kind: 'phone', value: DUTY_DESK }),
    ]);
  });

  it('a call-back must name one of those channels, else the request stays unverified', async () => {
    const d = await registerDesk();
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
    const d = await registerDesk();
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
    expect(c.failures.map((f) => f.code)).toEqual(['callback_channel_unknown']);
    expect((await d.call('requests.decide', { registerNo, outcome: 'disclose' })).ok).toBe(false);
  });

  it('logging with a named channel checks it; an older record without one is only warned about', async () => {
    const d = await registerDesk();
    await addChannel(d);
    const bad = await d.call(
      'requests.create',
      requestJson({ verification: callback('+31 20 555 0100') }),
    );
    expect(!bad.ok && bad.key).toBe('verification.channelUnknown');
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ verification: callback(DUTY_DESK) }),
    );
    const named = await d.must('requests.check', { registerNo });
    expect(named.outcome).toBe('proceed');
    expect(named.warnings.map((w) => w.code)).not.toContain('callback_channel_unnamed');
    expect((await d.must('requests.get', { registerNo })).verification?.channel).toBe(DUTY_DESK);

    const legacy = await d.must('requests.create', requestJson());
    const c = await d.must('requests.check', { registerNo: legacy.registerNo });
    expect(c.outcome).toBe('proceed');
    expect(c.warnings.map((w) => w.code)).toContain('callback_channel_unnamed');
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
