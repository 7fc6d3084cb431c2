import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/desk';
import { pdfPages, squash } from '../fixtures/letters/pdf-text';
import { DUTY_DESK_CLI } from '../fixtures/requests/duty-desk';

/**
 * One request from files written to the public contracts (docs/IMPORT.md: `;` + BOM + CRLF,
 * mixed-case headers, CRM number formats, CGNAT blocks, an IPv6 prefix; docs/REQUEST-JSON.md: the
 * authority and basis by name) to the printed letter, through the CLI only.
 */
const FIX = join(import.meta.dirname, '..', 'fixtures', 'contract');
const PASS = {
  admin: 'admin passphrase 1',
  olga: 'olga passphrase 12',
  piet: 'piet passphrase 12',
  ivo: 'ivo passphrase 123',
};

describe('the contracts, end to end through the CLI', () => {
  it('imports, logs, matches every outcome, decides with four eyes and prints only what was decided', async () => {
    const vault = join(tempDir(), 'v');
    const as = (user: keyof typeof PASS, extra: Record<string, string> = {}) => ({
      NAW_DESK_VAULT: vault,
      NAW_DESK_USER: user,
      NAW_DESK_PASSPHRASE: PASS[user],
      ...extra,
    });
    expect(
      (await cli(['init', '--user', 'admin', '--org', 'Contract B.V.'], as('admin'))).code,
    ).toBe(0);
    for (const [name, role] of [
      ['olga', 'officer'],
      ['piet', 'approver'],
      ['ivo', 'importer'],
    ] as const) {
      const r = await cli(
        ['user', 'add', name, '--role', role],
        as('admin', { NAW_DESK_NEW_PASSPHRASE: PASS[name] }),
      );
      expect(r.code).toBe(0);
    }
    // The channel the request's call-back names, verified by the admin beforehand.
    const channel = await cli(DUTY_DESK_CLI, as('admin'));
    expect(channel.code, channel.stderr).toBe(0);
    for (const kind of ['customers', 'numbers', 'ips']) {
      const r = await cli(['import', kind, join(FIX, `${kind}.csv`), '--json'], as('ivo'));
      expect(r.code, r.stderr).toBe(0);
      expect(r.json()).toMatchObject({ rejected: [], durationMs: expect.any(Number) });
    }
    const status = (await cli(['status', '--json'], as('olga'))).json();
    expect(status).toMatchObject({
      customers: 2,
      customerVersions: 3,
      numberAssignments: 3,
      ipAssignments: 4,
    });

    const created = await cli(['request', 'new', join(FIX, 'request.json'), '--json'], as('olga'));
    expect(created.code, created.stderr).toBe(0);
    const { registerNo } = created.json() as { registerNo: string };
    expect(registerNo).toMatch(/^2026-\d{4}$/);
    expect((await cli(['request', 'check', registerNo], as('olga'))).code).toBe(0);
    const match = await cli(['request', 'match', registerNo, '--json'], as('olga'));
    const items = (
      match.json() as {
        items: {
          index: number;
          status: string;
          subscribers: { customerId: string; street: string | null }[];
        }[];
      }
    ).items;
    expect(items.map((i) => i.status)).toEqual([
      'match', // 06-12345678 in 2022: customer 1001
      'needs_port', // shared CGNAT address without a port
      'match', // same address, port 1500: the 1024-2047 block of 1001
      'match', // inside 2001:db8:abcd::/48
      'invalid_time', // 2026-03-29 02:30 does not exist in Amsterdam
      'ambiguous_time', // 2022-10-30 02:30 occurs twice
    ]);
    // NAW data as it was then (Kerkstraat), not today's (Dorpsweg).
    expect(items[0]!.subscribers).toEqual([
      expect.objectContaining({ customerId: '1001', street: 'Kerkstraat' }),
    ]);

    expect(
      (await cli(['request', 'decide', registerNo, '--disclose', 'name,postcode,city'], as('olga')))
        .code,
    ).toBe(0);
    expect((await cli(['request', 'approve', registerNo], as('olga'))).code).toBe(1); // not an approver
    expect((await cli(['request', 'approve', registerNo], as('piet'))).code).toBe(0);

    const out = join(tempDir(), 'letter.pdf');
    const letter = await cli(['request', 'letter', registerNo, '--out', out], as('olga'));
    expect(letter.code, letter.stderr).toBe(0);
    const text = pdfPages(readFileSync(out)).join('\n');
    expect(text).toContain(registerNo);
    expect(text).toContain('Zoë de Groot');
    expect(text).toContain('1234 AB');
    expect(text).not.toContain('Kerkstraat'); // address not disclosed
    expect(text).not.toContain('Dorpsweg');
    expect(squash(text)).toContain(
      squash('Zonder bronpoort is niet vast te stellen wie het gebruikte.'),
    );
    expect(squash(text)).toContain(
      squash('of het opgegeven tijdstip bestaat niet of komt twee keer voor'),
    );

    // Encrypted at rest: none of the customer or register data is readable in the vault's files.
    for (const f of readdirSync(vault).filter((n) => n !== 'keyslots.json')) {
      const bytes = readFileSync(join(vault, f));
      for (const marker of [
        'Zoë de Groot',
        'Kerkstraat',
        'Bakkerij',
        'PL1300-2026-77',
        'J. Jansen',
        '+31612345678',
      ]) {
        expect(bytes.includes(Buffer.from(marker)), `${marker} in ${f}`).toBe(false);
      }
    }

    const stats = (await cli(['stats', '--year', '2026', '--format', 'json'], as('olga'))).json();
    expect(stats).toMatchObject({ year: 2026, requests: 1, items: 6, subscribersAffected: 2 });
    expect(stats.byIdentifierKind).toEqual({ phone: 3, ipv4: 1, ipv6: 1, ipv4_port: 1 });
  });
});
