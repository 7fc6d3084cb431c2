import { describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { ADMIN_PASS, createdDesk } from '../support/desk';

type D = Awaited<ReturnType<typeof createdDesk>>;

const PHONE = {
  authority: 'pol-lo',
  kind: 'phone' as const,
  value: '088 - 662 33 00',
  verifiedBy: 'Anna de Vries',
  verifiedAt: '2026-02-20',
  verifiedHow: 'politie.nl contact page, called the switchboard and was put through',
  independent: true as const,
};

const passOf = (name: string) => `${name} passphrase for the catalogue`;

/** A vault with one user per role next to the admin, and a verified channel for pol-lo. */
async function teamDesk() {
  const d = await createdDesk();
  for (const role of ['officer', 'approver', 'auditor', 'importer'] as const)
    await d.must('users.add', { name: role, role, passphrase: passOf(role) });
  await d.must('catalogue.addContact', PHONE);
  return d;
}

async function signInAs(d: D, name: Role) {
  await d.must('vault.lock', {});
  await d.must('vault.unlock', {
    userName: name,
    passphrase: name === 'admin' ? ADMIN_PASS : passOf(name),
  });
}

const count = (d: D, action: string) =>
  (
    d.session
      .vault!.db.prepare('SELECT count(*) AS n FROM audit_event WHERE action = ?')
      .get(action) as { n: number }
  ).n;

/** Every channel that changes the catalogue, with an input the schema accepts. */
const EDITS: { channel: Channel; input: Record<string, unknown> }[] = [
  {
    channel: 'catalogue.addAuthority',
    input: { code: 'pol-x', name: 'Politie X', kind: 'police' },
  },
  { channel: 'catalogue.updateAuthority', input: { code: 'pol-lo', name: 'Politie LO' } },
  { channel: 'catalogue.removeAuthority', input: { code: 'pol-lo' } },
  { channel: 'catalogue.addContact', input: { ...PHONE, value: '088 662 33 01' } },
  {
    channel: 'catalogue.removeContact',
    input: { authority: 'pol-lo', contactId: 'x', reason: 'number changed' },
  },
  {
    channel: 'catalogue.addLegalBasis',
    input: {
      code: 'sv-x',
      article: 'Sv X',
      shortName: 'X',
      issuers: ['opsporingsambtenaar'],
      categories: ['name'],
      action: 'HANDLE',
      versionDate: '2026-01-01',
    },
  },
  { channel: 'catalogue.updateLegalBasis', input: { code: 'sv-126na-1', note: 'changed' } },
  { channel: 'catalogue.removeLegalBasis', input: { code: 'sv-126na-1' } },
];

describe('reading the catalogue: officers and approvers read it whole, only admins edit it', () => {
  it('an officer and an approver read every authority with who verified each channel, how and when', async () => {
    const d = await teamDesk();
    const asAdmin = await d.must('catalogue.view', {});
    for (const role of ['officer', 'approver'] as const) {
      await signInAs(d, role);
      const view = await d.must('catalogue.view', {});
      expect(view).toEqual(asAdmin);
      const lo = view.authorities.find((a) => a.code === 'pol-lo')!;
      expect(lo.contacts).toEqual([
        expect.objectContaining({
          kind: 'phone',
          value: '+31886623300',
          verifiedBy: 'Anna de Vries',
          verifiedAt: '2026-02-20',
          verifiedHow: PHONE.verifiedHow,
        }),
      ]);
      expect(view.legalBases.some((b) => b.code === 'sv-126na-1')).toBe(true);
    }
  });

  it('refuses every edit to an officer and an approver, audited as denied, and the catalogue stays as it was', async () => {
    const d = await teamDesk();
    const before = await d.must('catalogue.view', {});
    for (const role of ['officer', 'approver'] as const) {
      await signInAs(d, role);
      const denied = count(d, 'access.denied');
      for (const { channel, input } of EDITS) {
        const r = await d.call(channel, input as never);
        expect(r.ok ? 'ok' : r.code, `${role} ${channel}`).toBe('FORBIDDEN');
      }
      expect(count(d, 'access.denied')).toBe(denied + EDITS.length);
    }
    await signInAs(d, 'admin');
    expect(await d.must('catalogue.view', {})).toEqual(before);
  });

  it('roles that handle no requests (auditor, importer) do not get the catalogue view', async () => {
    const d = await teamDesk();
    for (const role of ['auditor', 'importer'] as const) {
      await signInAs(d, role);
      const r = await d.call('catalogue.view', {});
      expect(r.ok ? 'ok' : r.code, role).toBe('FORBIDDEN');
    }
  });

  it('reading writes no audit event (no subscriber data in it); an admin edit is audited as before', async () => {
    const d = await teamDesk();
    await signInAs(d, 'officer');
    const total = () =>
      (d.session.vault!.db.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number })
        .n;
    const atStart = total();
    await d.must('catalogue.view', {});
    await d.must('catalogue.view', {});
    expect(total()).toBe(atStart);
    await signInAs(d, 'admin');
    const changes = count(d, 'catalogue.authority.changed');
    await d.must('catalogue.updateAuthority', { code: 'pol-lo', note: 'Meldkamer' });
    expect(count(d, 'catalogue.authority.changed')).toBe(changes + 1);
  });
});
