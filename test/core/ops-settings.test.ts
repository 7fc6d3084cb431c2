import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, LOGO_MAX_BYTES } from '../../shared/schemas/settings';
import { ADMIN_PASS, createdDesk, tempDir } from '../support/desk';

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND with CRCs). */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const file = (name: string, content: string | Buffer): string => {
  const p = join(tempDir(), name);
  writeFileSync(p, content);
  return p;
};

describe('settings (admin)', () => {
  it('has the documented defaults; the organisation name comes from the vault', async () => {
    const d = await createdDesk();
    const s = await d.must('settings.get', {});
    expect(s).toEqual({
      ...DEFAULT_SETTINGS,
      organisation: { ...DEFAULT_SETTINGS.organisation, name: 'Testnet B.V.' },
    });
    expect(s).toMatchObject({
      fourEyes: true,
      suppressionThreshold: 5,
      retentionRequestYears: 7,
      retentionCustomerMonths: 12,
      idleLockMinutes: 10,
    });
    expect(s.retentionAuditYears).toBeGreaterThanOrEqual(s.retentionRequestYears);
  });

  it('updates organisation, four-eyes, threshold and retention; audits before/after; flags four-eyes off', async () => {
    const d = await createdDesk();
    const s = await d.must('settings.update', {
      organisation: {
        name: 'Kabelnet Zwolle B.V.',
        address: 'Stationsweg 1',
        postcode: '8011 CZ',
        city: 'Zwolle',
        kvk: '12345678',
        email: 'compliance@kabelnet.example',
        phone: '+31 38 123 4567',
      },
      fourEyes: false,
      suppressionThreshold: 3,
      retentionRequestYears: 8,
      retentionAuditYears: 10,
      retentionCustomerMonths: 6,
    });
    expect(s).toMatchObject({ fourEyes: false, suppressionThreshold: 3, retentionAuditYears: 10 });
    const ev = (await d.must('audit.list', { action: 'settings.changed' })).events[0]!;
    expect(ev.details).toMatchObject({
      fourEyesOff: true,
      before: { fourEyes: true, suppressionThreshold: 5, retentionRequestYears: 7 },
      after: { fourEyes: false, suppressionThreshold: 3, retentionRequestYears: 8 },
    });
    // Partial organisation update keeps the other fields; the unlock screen shows the new name.
    const s2 = await d.must('settings.update', { organisation: { city: 'Deventer' } });
    expect(s2.organisation).toMatchObject({
      name: 'Kabelnet Zwolle B.V.',
      city: 'Deventer',
      kvk: '12345678',
    });
    // The key file, readable before unlock, names no organisation; the open vault shows the new one.
    const slots = readFileSync(join(d.vaultDir, 'keyslots.json'), 'utf8');
    expect(slots).not.toContain('Kabelnet');
    expect(JSON.parse(slots)).not.toHaveProperty('orgName');
    await d.must('vault.lock', {});
    expect((await d.must('vault.state', {})).orgName).toBeNull();
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect((await d.must('vault.state', {})).orgName).toBe('Kabelnet Zwolle B.V.');
    // No change, no event.
    const before = (await d.must('audit.head', {})).seq;
    await d.must('settings.update', { suppressionThreshold: 3 });
    const after = await d.must('audit.list', { action: 'settings.changed' });
    expect(after.events[0]!.seq).toBeLessThan(before);
  });

  it('refuses out-of-range values with messages a person can act on', async () => {
    const d = await createdDesk();
    const cases: [object, RegExp][] = [
      [{ retentionRequestYears: 10, retentionAuditYears: 5 }, /audit log at least as long/],
      [{ retentionAuditYears: 3 }, /audit log at least as long/], // 3 < default request years 7
      [{ suppressionThreshold: 0 }, /at least 1/],
      [{ retentionRequestYears: 0 }, /at least 1 year/],
      [{ retentionCustomerMonths: 500 }, /at most 120 months/],
      [{ idleLockMinutes: 0 }, /at least 1 minute/],
      [{ organisation: { kvk: '1234' } }, /exactly 8 digits/],
      [{ organisation: { email: 'nope' } }, /name@example\.nl/],
      [{ organisation: { name: '' } }, /needs a name/],
    ];
    for (const [input, message] of cases) {
      const r = await d.call('settings.update', input as never);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      expect(r.ok ? '' : `${r.code} ${r.message}`, JSON.stringify(input)).toMatch(message);
    }
    expect(await d.must('settings.get', {})).toMatchObject({
      retentionRequestYears: 7,
      suppressionThreshold: 5,
    });
  });

  it('an officer may read settings but not change them', async () => {
    const d = await createdDesk();
    await d.must('users.add', { name: 'olga', role: 'officer', passphrase: 'olga passphrase 1' });
    await d.must('vault.unlock', { userName: 'olga', passphrase: 'olga passphrase 1' });
    expect((await d.must('settings.get', {})).fourEyes).toBe(true);
    const r = await d.call('settings.update', { fourEyes: false });
    expect(r.ok || r.code).toBe('FORBIDDEN');
  });
});

describe('letterhead logo', () => {
  it('stores a PNG picked by token in the vault, audits it, and clears it', async () => {
    const d = await createdDesk();
    const png = tinyPng();
    const picked = d.session.files.register(file('logo.png', png));
    const logo = await d.must('settings.setLogo', { token: picked.token });
    expect(logo).toMatchObject({ mime: 'image/png', size: png.length, name: 'logo.png' });
    expect(Buffer.from(logo.base64, 'base64').equals(png)).toBe(true);
    expect(await d.must('settings.logo', {})).toEqual(logo);
    const ev = (await d.must('audit.list', { subject: 'settings:logo' })).events[0]!;
    expect(ev.details).toEqual({
      before: null,
      after: { mime: 'image/png', size: png.length, sha256: logo.sha256 },
    });
    await d.must('settings.clearLogo', {});
    expect(await d.must('settings.logo', {})).toBeNull();
  });

  it('accepts a plain SVG; refuses scripts, handlers, external links, other types and big files', async () => {
    const d = await createdDesk();
    const set = (name: string, content: string | Buffer) =>
      d.call('settings.setLogo', { token: d.session.files.register(file(name, content)).token });
    const ok = await set(
      'logo.svg',
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#036"/></svg>',
    );
    expect(ok.ok && ok.data.mime).toBe('image/svg+xml');
    const refused: [string, string | Buffer, RegExp][] = [
      ['s.svg', '<svg><script>alert(1)</script></svg>', /scripts/],
      ['s.svg', '<svg onload="alert(1)"></svg>', /event handlers/],
      ['s.svg', '<svg><image href="http://evil.example/x.png"/></svg>', /links to other files/],
      ['s.svg', '<svg><foreignObject/></svg>', /scripts/],
      ['x.gif', Buffer.from('GIF89a....'), /not a PNG or SVG/],
      ['empty.png', Buffer.alloc(0), /empty/],
      ['big.png', Buffer.concat([tinyPng(), Buffer.alloc(LOGO_MAX_BYTES)]), /smaller image/],
    ];
    for (const [name, content, message] of refused) {
      const r = await set(name, content);
      expect(r.ok ? 'accepted' : r.message, name).toMatch(message);
    }
    expect((await d.must('settings.logo', {}))?.mime).toBe('image/svg+xml');
    const stale = await d.call('settings.setLogo', { token: 'f'.repeat(32) });
    expect(stale.ok || stale.code).toBe('NOT_FOUND');
  });
});
