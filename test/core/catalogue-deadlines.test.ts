import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { DEFAULT_DEADLINE_HOURS } from '../../electron/register/deadlines';
import { registerDesk, requestJson } from '../fixtures/requests/desk';

const received = '2026-03-02T09:15'; // 08:15Z (CET)
const hoursAfterReceipt = (deadline: string) =>
  (Date.parse(deadline) - Date.parse('2026-03-02T08:15:00Z')) / 3_600_000;

describe('desk rules: default answer deadlines in Settings', () => {
  it('defaults: 10 days normal, 3 days urgent, 8 hours emergency', async () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      deadlineDaysNormal: 10,
      deadlineDaysUrgent: 3,
      deadlineHoursEmergency: 8,
    });
    expect(DEFAULT_DEADLINE_HOURS).toEqual({ normal: 240, urgent: 72, emergency: 8 });
    const d = await registerDesk();
    const hours = [];
    for (const urgency of ['normal', 'urgent', 'emergency'] as const) {
      const { registerNo } = await d.must(
        'requests.create',
        requestJson({ urgency, receivedAt: received }),
      );
      hours.push(hoursAfterReceipt((await d.must('requests.get', { registerNo })).deadline));
    }
    expect(hours).toEqual([240, 72, 8]);
  });

  it('an admin changes them (audited before/after); new requests follow, a given deadline wins', async () => {
    const d = await registerDesk();
    await d.as('admin');
    const s = await d.must('settings.update', {
      deadlineDaysNormal: 5,
      deadlineDaysUrgent: 2,
      deadlineHoursEmergency: 4,
    });
    expect(s).toMatchObject({
      deadlineDaysNormal: 5,
      deadlineDaysUrgent: 2,
      deadlineHoursEmergency: 4,
    });
    const { events } = await d.must('audit.list', { action: 'settings.changed', limit: 10 });
    expect(events[0]!.details).toEqual({
      before: { deadlineDaysNormal: 10, deadlineDaysUrgent: 3, deadlineHoursEmergency: 8 },
      after: { deadlineDaysNormal: 5, deadlineDaysUrgent: 2, deadlineHoursEmergency: 4 },
    });

    await d.as('olga');
    const hours = [];
    for (const urgency of ['normal', 'urgent', 'emergency'] as const) {
      const { registerNo } = await d.must(
        'requests.create',
        requestJson({ urgency, receivedAt: received }),
      );
      hours.push(hoursAfterReceipt((await d.must('requests.get', { registerNo })).deadline));
    }
    expect(hours).toEqual([120, 48, 4]);
    const own = await d.must(
      'requests.create',
      requestJson({ receivedAt: received, deadline: '2026-03-20T17:00' }),
    );
    expect((await d.must('requests.get', own)).deadline).toBe('2026-03-20T16:00:00.000Z');
  });

  it('refuses values out of bounds and an urgent deadline longer than the normal one', async () => {
    const d = await registerDesk();
    await d.as('admin');
    for (const bad of [
      { deadlineDaysNormal: 0 },
      { deadlineDaysNormal: 61 },
      { deadlineDaysUrgent: 2.5 },
      { deadlineHoursEmergency: 73 },
      { deadlineDaysNormal: 3, deadlineDaysUrgent: 4 },
    ]) {
      const r = await d.call('settings.update', bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.code).toBe('BAD_INPUT');
    }
    expect(await d.must('settings.get', {})).toMatchObject({
      deadlineDaysNormal: 10,
      deadlineDaysUrgent: 3,
      deadlineHoursEmergency: 8,
    });
    // Officers cannot change the desk rules.
    await d.as('olga');
    const r = await d.call('settings.update', { deadlineDaysNormal: 20 });
    expect(!r.ok && r.code).toBe('FORBIDDEN');
  });
});
