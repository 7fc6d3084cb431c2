import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { createdDesk } from '../support/desk';
import { importFixtures } from '../fixtures/requests/seed';
import { AMSTERDAM_DUTY_DESK, requestJson } from '../fixtures/requests/desk';

const OLGA = { NAW_DESK_USER: 'olga', NAW_DESK_PASSPHRASE: 'officer passphrase 1' };

describe('CLI: request amend', () => {
  it('corrects an item and a field with a reason; the item is matched again', async () => {
    const d = await createdDesk();
    await d.must('users.add', {
      name: 'olga',
      role: 'officer',
      passphrase: OLGA.NAW_DESK_PASSPHRASE,
    });
    await importFixtures(d.session.vault!.db);
    await d.must('catalogue.addContact', AMSTERDAM_DUTY_DESK);
    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: 'olga', passphrase: OLGA.NAW_DESK_PASSPHRASE });
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({
        receivedAt: '2026-03-02T09:15+01:00',
        items: [{ kind: 'ip', value: '203.0.113.5', moment: '2025-06-01T14:00' }],
      }),
    );
    await d.must('requests.match', { registerNo });
    await d.must('vault.lock', {});
    const v = ['--vault', d.vaultDir];

    const noReason = await cli(
      ['request', 'amend', registerNo, '--item', '1', '--port', '1500', ...v],
      OLGA,
    );
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/--reason/);

    const r = await cli(
      [
        'request',
        'amend',
        registerNo,
        '--item',
        '1',
        '--port',
        '1500',
        '--case-reference',
        'PL1300-2026012346',
        '--reason',
        'Confirmed by the requester by e-mail',
        ...v,
        '--json',
      ],
      OLGA,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      registerNo,
      status: 'matched',
      amendments: [
        { field: 'caseReference', value: 'PL1300-2026012346', by: 'olga' },
        { field: 'items.1.port', value: '1500', by: 'olga' },
      ],
    });
    const shown = await cli(['request', 'show', registerNo, ...v, '--json'], OLGA);
    const detail = shown.json();
    expect(detail.caseReference).toBe('PL1300-2026012346');
    expect(detail.matches[0].status).toBe('match');

    const bad = await cli(
      ['request', 'amend', registerNo, '--item', '1', '--reason', 'no field', ...v],
      OLGA,
    );
    expect(bad.code).toBe(2);
    const unknown = await cli(
      [
        'request',
        'amend',
        registerNo,
        '--item',
        '7',
        '--value',
        '1.2.3.4',
        '--reason',
        'typo',
        ...v,
      ],
      OLGA,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no identifier 7/);
  });
});
