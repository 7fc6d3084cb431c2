import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/desk';
import { emlOf, pdfOf } from '../fixtures/intake/make';
import { tinyPng } from '../fixtures/letters/pdf-text';

const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: 'admin passphrase 1' };
const OLGA = { NAW_DESK_USER: 'olga', NAW_DESK_PASSPHRASE: 'olga passphrase 12' };

async function vault(): Promise<string> {
  const v = join(tempDir(), 'v');
  expect(
    (await cli(['init', '--vault', v, '--user', 'admin', '--org', 'Testnet B.V.'], ADMIN)).code,
  ).toBe(0);
  const r = await cli(['user', 'add', 'olga', '--role', 'officer', '--vault', v], {
    ...ADMIN,
    NAW_DESK_NEW_PASSPHRASE: OLGA.NAW_DESK_PASSPHRASE,
  });
  expect(r.code).toBe(0);
  return v;
}

const LETTER = [
  'Politie Eenheid Den Haag',
  'Postbus 264, 2501 CG Den Haag',
  'Telefoon 0900-8844',
  '',
  'Ons kenmerk: PL1500-2026004411',
  'Betreft: vordering gebruikersgegevens',
  '',
  'Geachte heer/mevrouw,',
  '',
  'Op grond van artikel 126na, eerste lid, van het Wetboek van Strafvordering vorder ik de',
  'gebruikersgegevens van de gebruiker van het IP-adres 203.0.113.77 met bronpoort 61012 op',
  '1 maart 2026 om 21:07 uur, en van het nummer 06-41234567 op 1 maart 2026 om 20:15 uur.',
  '',
  'Hoogachtend,',
  '',
  'Inspecteur M. Bakker',
  'Personeelsnummer: DH4471',
  'Tel. 070 - 424 12 34',
].join('\n');

async function mailFile(dir: string): Promise<string> {
  const path = join(dir, 'vordering.eml');
  writeFileSync(
    path,
    emlOf({
      from: 'M. Bakker <m.bakker@politie.example>',
      to: 'vorderingen@testnet.example',
      date: 'Mon, 02 Mar 2026 09:15:00 +0100',
      subject: 'Vordering gebruikersgegevens PL1500-2026004411',
      body: 'Geachte heer/mevrouw,\n\nIn de bijlage treft u een vordering aan.\n\nMet vriendelijke groet,\nM. Bakker\n',
      attachments: [
        { name: 'vordering.pdf', mime: 'application/pdf', bytes: await pdfOf([LETTER]) },
      ],
    }),
  );
  return path;
}

describe('CLI: request extract', () => {
  it('prints a draft that request new accepts unchanged', async () => {
    const v = await vault();
    const dir = tempDir();
    const eml = await mailFile(dir);
    const r = await cli(['request', 'extract', eml, '--vault', v, '--json'], OLGA);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const draft = r.json();
    expect(draft).toMatchObject({
      authority: 'pol-den-haag',
      requester: {
        name: 'M. Bakker',
        function: 'opsporingsambtenaar',
        badge: 'DH4471',
        email: 'm.bakker@politie.example',
        phone: '070 - 424 12 34',
      },
      legalBasis: 'sv-126na-1',
      caseReference: 'PL1500-2026004411',
      receivedAt: '2026-03-02T09:15:00+01:00',
      channel: 'email',
      categories: ['name', 'address', 'postcode', 'city', 'number', 'service_type'],
      items: [
        {
          kind: 'ip',
          value: '203.0.113.77',
          port: 61012,
          moment: '2026-03-01T21:07',
          timeZone: 'Europe/Amsterdam',
        },
        {
          kind: 'phone',
          value: '+31641234567',
          moment: '2026-03-01T20:15',
          timeZone: 'Europe/Amsterdam',
        },
      ],
    });
    expect(draft.extraction.fields['items.0.value']).toMatchObject({
      page: 2,
      text: '203.0.113.77',
    });
    expect(draft.extraction.document.origins).toEqual(['body', 'vordering.pdf']);

    const file = join(dir, 'draft.json');
    writeFileSync(file, r.stdout);
    const created = await cli(['request', 'new', file, '--vault', v, '--json'], OLGA);
    expect(created.stderr).toBe('');
    expect(created.json()).toEqual({ registerNo: '2026-0001' });
    const shown = await cli(['request', 'show', '2026-0001', '--vault', v, '--json'], OLGA);
    const detail = shown.json();
    expect(detail).toMatchObject({
      authorityCode: 'pol-den-haag',
      legalBasisCode: 'sv-126na-1',
      channel: 'email',
    });
    expect(
      detail.items.map((i: { value: string; port: number | null; utc: string }) => [
        i.value,
        i.port,
        i.utc,
      ]),
    ).toEqual([
      ['203.0.113.77', 61012, '2026-03-01T20:07:00.000Z'],
      ['+31641234567', null, '2026-03-01T19:15:00.000Z'],
    ]);
  });

  it('prints the draft for a person, with sources and warnings', async () => {
    const v = await vault();
    const path = join(tempDir(), 'plak.txt');
    writeFileSync(path, 'Het nummer 06-41234567 op 25 oktober 2026 om 02:30 uur.');
    const r = await cli(['request', 'extract', path, '--vault', v], OLGA);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '1. phone +31641234567 at 2026-10-25T02:30 Europe/Amsterdam  (body: p1 "06-41234567")',
    );
    expect(r.stdout).toContain(
      'ambiguous_time item=1 moment=2026-10-25T02:30 zone=Europe/Amsterdam',
    );
    expect(r.stdout).toContain('missing_field field=authority');
  });

  it('refuses what it cannot read, and a role that may not log requests', async () => {
    const v = await vault();
    const png = join(tempDir(), 'scan.png');
    writeFileSync(png, tinyPng());
    const r = await cli(['request', 'extract', png, '--vault', v], OLGA);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/scan\.png is an image .* \[BAD_INPUT\]/);
    const missing = await cli(
      ['request', 'extract', join(tempDir(), 'nope.eml'), '--vault', v],
      OLGA,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
    const admin = await cli(['request', 'extract', png, '--vault', v], ADMIN);
    expect(admin.stderr).toContain('[FORBIDDEN]');
  });
});
