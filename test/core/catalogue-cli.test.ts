import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/desk';

const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: 'admin passphrase 1' };
const OLGA = { NAW_DESK_USER: 'olga', NAW_DESK_PASSPHRASE: 'olga passphrase 12' };

async function vaultWithOfficer() {
  const vault = join(tempDir(), 'v');
  const init = await cli(
    ['init', '--vault', vault, '--org', 'Testnet B.V.', '--user', 'admin'],
    ADMIN,
  );
  expect(init.code).toBe(0);
  const add = await cli(['user', 'add', 'olga', '--role', 'officer', '--vault', vault], {
    ...ADMIN,
    NAW_DESK_NEW_PASSPHRASE: OLGA.NAW_DESK_PASSPHRASE,
  });
  expect(add.code).toBe(0);
  return vault;
}

describe('CLI: the catalogue can be set up by a script', () => {
  it('adds an authority, a verified channel and a legal basis, changes and lists them', async () => {
    const vault = await vaultWithOfficer();
    const v = ['--vault', vault];
    const added = await cli(
      [
        'catalogue',
        'authority',
        'add',
        'kmar-schiphol',
        '--name',
        'Koninklijke Marechaussee – District Schiphol',
        '--kind',
        'kmar',
        ...v,
        '--json',
      ],
      ADMIN,
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.json()).toMatchObject({ code: 'kmar-schiphol', kind: 'kmar', active: true });

    // A channel needs the admin's word that it was verified independently.
    const channel = [
      'catalogue',
      'channel',
      'add',
      'kmar-schiphol',
      '--kind',
      'phone',
      '--value',
      '088 - 662 33 00',
      '--verified-by',
      'Anna de Vries',
      '--verified-at',
      '2026-11-30',
      '--how',
      'kmar.nl/contact, switchboard called back',
      ...v,
    ];
    const unconfirmed = await cli(channel, ADMIN);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toMatch(/independent/i);
    const withChannel = await cli([...channel, '--independent', '--json'], ADMIN);
    expect(withChannel.code).toBe(0);
    const contacts = withChannel.json().contacts as { id: string; value: string }[];
    // Stored in international notation, so a call-back in any notation finds it.
    expect(contacts.map((c) => c.value)).toEqual(['+31886623300']);

    const basis = await cli(
      [
        'catalogue',
        'basis',
        'add',
        'test-126na-2',
        '--article',
        'art. 126na lid 2 Sv',
        '--short-name',
        'Test basis',
        '--issuers',
        'opsporingsambtenaar,officier_van_justitie',
        '--categories',
        'name,address',
        '--action',
        'HANDLE',
        '--version-date',
        '2026-01-01',
        ...v,
        '--json',
      ],
      ADMIN,
    );
    expect(basis.stderr).toBe('');
    expect(basis.json()).toMatchObject({
      code: 'test-126na-2',
      issuers: ['opsporingsambtenaar', 'officier_van_justitie'],
      categories: ['name', 'address'],
      action: 'HANDLE',
    });
    const off = await cli(
      ['catalogue', 'basis', 'update', 'test-126na-2', '--active', 'false', ...v, '--json'],
      ADMIN,
    );
    expect(off.json()).toMatchObject({
      code: 'test-126na-2',
      active: false,
      article: 'art. 126na lid 2 Sv',
    });

    const listed = await cli(['catalogue', 'list', ...v, '--json'], ADMIN);
    const view = listed.json() as {
      authorities: { code: string; contacts: { value: string }[] }[];
      legalBases: { code: string; active: boolean }[];
    };
    expect(view.authorities.find((a) => a.code === 'kmar-schiphol')?.contacts).toHaveLength(1);
    expect(view.legalBases.find((b) => b.code === 'test-126na-2')?.active).toBe(false);

    const removed = await cli(
      [
        'catalogue',
        'channel',
        'remove',
        'kmar-schiphol',
        contacts[0]!.id,
        '--reason',
        'number changed',
        ...v,
        '--json',
      ],
      ADMIN,
    );
    expect(removed.json().contacts).toEqual([]);
    const text = await cli(['catalogue', 'list', ...v], ADMIN);
    expect(text.stdout).toMatch(
      /^kmar-schiphol +Koninklijke Marechaussee – District Schiphol +kmar +yes +-$/m,
    );
  });

  it('refuses an officer editing, and bad values with the reason', async () => {
    const vault = await vaultWithOfficer();
    const v = ['--vault', vault];
    // Officers read the catalogue (for call-backs), and edit nothing.
    const read = await cli(['catalogue', 'list', ...v, '--json'], OLGA);
    expect(read.code).toBe(0);
    expect((read.json() as { authorities: unknown[] }).authorities.length).toBeGreaterThan(0);
    const officer = await cli(
      ['catalogue', 'authority', 'add', 'x-pol', '--name', 'X', '--kind', 'police', ...v],
      OLGA,
    );
    expect(officer.code).toBe(1);
    expect(officer.stderr).not.toBe('');
    const badKind = await cli(
      ['catalogue', 'authority', 'add', 'x-pol', '--name', 'X', '--kind', 'sheriff', ...v],
      ADMIN,
    );
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toMatch(/kind/i);
    const badFlag = await cli(
      ['catalogue', 'authority', 'update', 'x-pol', '--active', 'maybe', ...v],
      ADMIN,
    );
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--active is true or false.');
    const missing = await cli(
      ['catalogue', 'authority', 'add', 'x-pol', '--kind', 'police', ...v],
      ADMIN,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('needs --name');
  });
});
