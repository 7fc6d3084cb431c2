import { describe, expect, it } from 'vitest';
import { FINAL_STATUSES, REQUEST_STATUSES, type RequestStatus } from '../../shared/schemas/terms';
import {
  REQUEST_ACTIONS,
  TRANSITIONS,
  nextStatus,
  type RequestAction,
} from '../../electron/register/transitions';
import { registerDesk, requestJson } from '../fixtures/requests/desk';

/** Every allowed transition, written out: the table must say exactly this. */
const ALLOWED: [RequestStatus, RequestAction, RequestStatus][] = [
  ['received', 'check', 'checked'],
  ['checked', 'check', 'checked'],
  ['checked', 'match', 'matched'],
  ['checked', 'refuse', 'refused'],
  ['checked', 'refer', 'referred'],
  ['matched', 'check', 'matched'],
  ['matched', 'match', 'matched'],
  ['matched', 'disclose', 'awaiting_approval'],
  ['matched', 'no_data', 'no_data'],
  ['matched', 'refuse', 'refused'],
  ['matched', 'refer', 'referred'],
  ['awaiting_approval', 'approve', 'disclosed'],
  ['awaiting_approval', 'reject', 'matched'],
];

type Desk = Awaited<ReturnType<typeof registerDesk>>;

/** A new request brought to `status` through the handler table. */
async function requestIn(d: Desk, status: RequestStatus, noMatch = false): Promise<string> {
  const { registerNo } = await d.must(
    'requests.create',
    requestJson(
      noMatch
        ? { items: [{ kind: 'phone', value: '06-99999999', moment: '2024-05-01T10:00' }] }
        : {},
    ),
  );
  if (status === 'received') return registerNo;
  await d.must('requests.check', { registerNo });
  if (status === 'checked') return registerNo;
  await d.must('requests.match', { registerNo });
  if (status === 'matched') return registerNo;
  await d.must('requests.decide', { registerNo, outcome: 'disclose' });
  return registerNo;
}

/** Takes the step through the handler table and returns the request's status after it. */
async function take(d: Desk, registerNo: string, action: RequestAction): Promise<RequestStatus> {
  switch (action) {
    case 'check':
      await d.must('requests.check', { registerNo });
      break;
    case 'match':
      await d.must('requests.match', { registerNo });
      break;
    case 'disclose':
    case 'no_data':
      await d.must('requests.decide', { registerNo, outcome: action });
      break;
    case 'refuse':
      await d.must('requests.decide', {
        registerNo,
        outcome: 'refuse',
        reasons: ['Out of scope.'],
      });
      break;
    case 'refer':
      await d.must('requests.decide', { registerNo, outcome: 'referred' });
      break;
    case 'approve':
    case 'reject':
      await d.as('anna');
      await d.must('requests.approve', { registerNo, approve: action === 'approve' });
      await d.as('olga');
      break;
  }
  return (await d.must('requests.get', { registerNo })).status;
}

describe('the request transition table', () => {
  it('allows exactly the listed transitions; decided statuses lead nowhere', () => {
    const table = REQUEST_STATUSES.flatMap((from) =>
      REQUEST_ACTIONS.flatMap((action) => {
        const to = nextStatus(from, action);
        return to ? [[from, action, to]] : [];
      }),
    );
    expect(table).toEqual(ALLOWED);
    for (const s of FINAL_STATUSES) expect(TRANSITIONS[s]).toEqual({});
    const open = REQUEST_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));
    for (const s of open) expect(Object.keys(TRANSITIONS[s]).length).toBeGreaterThan(0);
  });

  it('every allowed transition happens through the handler table', async () => {
    const d = await registerDesk();
    for (const [from, action, to] of ALLOWED) {
      if (from === 'received') {
        // Logging takes this step itself: the checks run in the same transaction.
        const created = await d.must('requests.create', requestJson());
        expect(created.status, `${from} --${action}-->`).toBe(to);
        const events = (
          await d.must('requests.get', { registerNo: created.registerNo })
        ).events.map((e) => e.kind);
        expect(events).toEqual(['logged', 'checked']);
        continue;
      }
      const registerNo = await requestIn(d, from, action === 'no_data');
      expect((await d.must('requests.get', { registerNo })).status).toBe(from);
      expect(await take(d, registerNo, action), `${from} --${action}-->`).toBe(to);
    }
  });

  it('refuses a transition the table does not allow, and the status stays', async () => {
    const d = await registerDesk();
    const registerNo = await requestIn(d, 'matched');
    await d.as('anna');
    for (const approve of [true, false]) {
      const r = await d.call('requests.approve', { registerNo, approve });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('CONFLICT');
        expect(r.message).toMatch(/no disclosure awaiting approval \(matched\)/);
      }
    }
    await d.as('olga');
    const checked = await requestIn(d, 'checked');
    const noData = await d.call('requests.decide', { registerNo: checked, outcome: 'no_data' });
    expect(noData.ok).toBe(false);
    if (!noData.ok) {
      expect(noData.code).toBe('CONFLICT');
      expect(noData.message).toMatch(/Match request .* before deciding no_data/);
    }
    expect((await d.must('requests.get', { registerNo })).status).toBe('matched');
    expect((await d.must('requests.get', { registerNo: checked })).status).toBe('checked');
  });
});
