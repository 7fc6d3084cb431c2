import { describe, expect, it } from 'vitest';
import { renderLetter } from '../../electron/letters/render';
import { pageToSvg } from '../../electron/letters/svg';
import { DIACRITIC_NAMES, LONG_STREET, handModel } from '../fixtures/letters/models';
import { pdfPages, squash, tinyPng } from '../fixtures/letters/pdf-text';

describe('letter PDF (pdfkit, plain Node)', () => {
  it('disclosure: register number and page X of Y on every page, names with diacritics, the disclosed items', async () => {
    const r = await renderLetter(handModel('disclosure'));
    expect(r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPages(r.pdf);
    expect(pages.length).toBe(r.pageCount);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p).toContain('2026-0042');
      expect(p).toContain(`Pagina ${i + 1} van ${pages.length}`);
      expect(p).toContain(`gebeurtenis nr. 137, hash`);
    });
    const all = pages.join('\n');
    for (const name of DIACRITIC_NAMES.slice(0, 3)) expect(all).toContain(name);
    for (const v of ['Ëikenlaan 3', 'Rue de Façade 9', 'Łódź', 'Ölst', '2001:db8:1:2::/64'])
      expect(all).toContain(v);
    expect(squash(all)).toContain(squash('ab'.repeat(32)));
    expect(all).toContain('Verstrekking gebruikersgegevens');
    expect(all).toContain('PL0900-2026012345');
    expect(all).toContain('Sv 126na lid 1');
    expect(squash(all)).toContain(
      squash('27 februari 2026, 21:40:00 (Europe/Amsterdam, UTC+01:00)'),
    );
    expect(squash(all)).toContain(squash('artikel 13.5 Telecommunicatiewet'));
    expect(all).toContain('Anouk Jansen');
    expect(all).toContain('Bram Øster');
    expect(all).toContain('Geen gegevens');
    // A 300-character street wraps inside its cell and comes out whole.
    expect(LONG_STREET.length).toBeGreaterThanOrEqual(300);
    expect(squash(all)).toContain(squash(`${LONG_STREET} 1`));
  });

  it('prints only the fields in the model: a field left out (withheld) has no label and no value', async () => {
    const m = handModel('disclosure');
    for (const item of m.items)
      item.subscribers = item.subscribers.map(({ name, number }) => ({
        ...(name ? { name } : {}),
        ...(number ? { number } : {}),
      }));
    const all = pdfPages((await renderLetter(m)).pdf).join('\n');
    expect(all).toContain(DIACRITIC_NAMES[0]);
    expect(all).not.toContain('Ëikenlaan');
    expect(all).not.toContain('Woonplaats');
    expect(all).not.toContain('Postcode ');
  });

  it('is deterministic: the same model gives the same bytes; another issue time does not', async () => {
    const a = await renderLetter(handModel('no_data'));
    const b = await renderLetter(handModel('no_data'));
    expect(b.sha256).toBe(a.sha256);
    expect(b.pdf.equals(a.pdf)).toBe(true);
    const c = await renderLetter(
      handModel('no_data', 'nl', { issuedAt: '2026-03-04T10:31:00.000Z' }),
    );
    expect(c.sha256).not.toBe(a.sha256);
  });

  it('no data and refusal letters, Dutch and English', async () => {
    const noData = pdfPages((await renderLetter(handModel('no_data'))).pdf).join('\n');
    expect(noData).toContain('Geen gebruikersgegevens aanwezig');
    expect(noData).not.toContain('Gegevens verstrekt');
    const refusal = pdfPages((await renderLetter(handModel('refusal'))).pdf).join('\n');
    expect(refusal).toContain('Weigering vordering gebruikersgegevens');
    expect(refusal).toContain('valt buiten de grondslag Sv 126na lid 1');
    expect(refusal).toContain('niet door een bevoegde functionaris');
    const en = pdfPages((await renderLetter(handModel('refusal', 'en'))).pdf);
    expect(en.join('\n')).toContain('Refusal of a request for subscriber data');
    expect(en[0]).toContain(`Page 1 of ${en.length}`);
    expect(en.join('\n')).toContain('4 March 2026');
  });

  it('treats every value as text: markup and formulas print as written, nothing active in the PDF', async () => {
    const hostile = ['<script>alert(1)</script>', '=HYPERLINK("http://evil.example","klik")'];
    const m = handModel('disclosure', 'nl', {
      registerNo: '2026-0099',
      recipient: { authorityName: '<b>FIOD</b>', officialName: '=1+1', officialFunction: null },
    });
    m.items[0]!.subscribers = [
      { name: hostile[0]!, address: hostile[1]!, city: 'Den\u0000Haag\u0007Centrum' },
    ];
    const r = await renderLetter(m);
    const all = pdfPages(r.pdf).join('\n');
    expect(all).toContain(hostile[0]);
    expect(squash(all)).toContain(squash(hostile[1]!));
    expect(all).toContain('<b>FIOD</b>');
    expect(all).toContain('Den Haag Centrum');
    const raw = r.pdf.toString('latin1');
    for (const active of ['/JavaScript', '/JS ', '/OpenAction', '/URI', '/Launch'])
      expect(raw).not.toContain(active);
    const svg = r.pages.map(pageToSvg).join('');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('letterhead with a PNG or a simple SVG logo; an unreadable logo falls back to the name', async () => {
    const base = handModel('no_data');
    const png = await renderLetter({
      ...base,
      letterhead: { ...base.letterhead, logo: { mime: 'image/png', bytes: tinyPng() } },
    });
    expect(png.pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(png.pages[0]!.ops.some((o) => o.t === 'image' && o.mime === 'image/png')).toBe(true);
    const svgLogo = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><rect x="0" y="0" width="40" height="40" fill="#1a4"/><path d="M50 0L100 40H50Z" style="fill:#333"/><script>x()</script></svg>',
    );
    const svg = await renderLetter({
      ...base,
      letterhead: { ...base.letterhead, logo: { mime: 'image/svg+xml', bytes: svgLogo } },
    });
    expect(svg.pages[0]!.ops.some((o) => o.t === 'image' && o.mime === 'image/svg+xml')).toBe(true);
    expect(svg.sha256).not.toBe((await renderLetter(base)).sha256);
    const broken = await renderLetter({
      ...base,
      letterhead: {
        ...base.letterhead,
        logo: { mime: 'image/png', bytes: Buffer.from('not a png') },
      },
    });
    expect(pdfPages(broken.pdf)[0]).toContain('Testnet B.V.');
    expect(broken.pages[0]!.ops.some((o) => o.t === 'image')).toBe(false);
  });

  it('page images: one SVG per PDF page, same text', async () => {
    const r = await renderLetter(handModel('disclosure', 'en'));
    const svgs = r.pages.map(pageToSvg);
    expect(svgs.length).toBe(r.pageCount);
    expect(svgs[0]).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="595.28" height="841.89"/,
    );
    expect(svgs.join('')).toContain('Zoë Brontë-Çelik');
    expect(svgs[1]).toContain(`Page 2 of ${r.pageCount}`);
  });

  it('prints the organisation name once in the letterhead when there are no contact details', async () => {
    const count = (text: string) => text.split('Uniek Net B.V.').length - 1;
    const firstPage = async (letterhead: Record<string, unknown>) => {
      const m = handModel('no_data');
      const r = await renderLetter({ ...m, letterhead: { ...m.letterhead, ...letterhead } });
      return pdfPages(r.pdf)[0]!;
    };
    const bare = await firstPage({
      orgName: 'Uniek Net B.V.',
      address: null,
      postcode: null,
      city: null,
      kvk: null,
      email: null,
      phone: null,
    });
    const full = await firstPage({ orgName: 'Uniek Net B.V.' });
    // With contact details the name also heads the block on the right; without, it is not repeated.
    expect(count(full) - count(bare)).toBe(1);
  });

  it('keeps every item heading on the page of its table, whatever the number of items', async () => {
    const base = handModel('disclosure');
    const [phone, ip] = base.items;
    for (const count of [5]) {
      const items = Array.from({ length: count }, (_, i) => ({
        ...(i % 2 === 0 ? phone! : ip!),
        index: i + 1,
      }));
      const pages = pdfPages((await renderLetter({ ...base, items })).pdf);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        const lines = page.split('\n');
        const headings = lines
          .map((l, at) => ({ at, heading: /^\s*\d+\. (Telefoonnummer|IP-adres) /.test(l) }))
          .filter((l) => l.heading);
        // After each heading, on the same page: its outcome line and its table's header row.
        for (const { at } of headings) {
          const rest = lines.slice(at + 1).join('\n');
          expect(rest).toContain('Gegevens verstrekt:');
          expect(rest).toMatch(/Gegeven\s+Waarde/);
        }
      }
    }
  }, 300_000);

  it('labels the identifier row by its kind and words the service type in the letter language', async () => {
    const base = handModel('disclosure');
    const items = base.items.map((item) =>
      item.kind === 'ip'
        ? {
            ...item,
            subscribers: item.subscribers.map((s) => ({ ...s, service_type: 'mobile / internet' })),
          }
        : item,
    );
    const nl = pdfPages((await renderLetter({ ...base, items })).pdf).join('\n');
    expect(nl).toMatch(/IP-adres\s+2001:db8:1:2::\/64/);
    expect(nl).toMatch(/Telefoonnummer\s+\+31612345678/);
    expect(nl).not.toMatch(/Nummer\s+2001:db8/);
    expect(nl).toContain('mobiele telefonie, internettoegang');
    expect(nl).not.toContain('mobile / internet');
    const en = pdfPages((await renderLetter({ ...base, items, language: 'en' })).pdf).join('\n');
    expect(en).toMatch(/IP address\s+2001:db8:1:2::\/64/);
    expect(en).toContain('mobile telephony, internet access');
  }, 120_000);

  it('words the audit footer without nested parentheses', async () => {
    for (const language of ['nl', 'en'] as const) {
      const pages = pdfPages((await renderLetter(handModel('disclosure', language))).pdf);
      for (const page of pages) {
        const line = page.split('\n').find((l) => /hash/.test(l) && /(Auditlog|Audit log)/.test(l));
        expect(line).toBeDefined();
        let depth = 0;
        let deepest = 0;
        for (const ch of line!) {
          if (ch === '(') deepest = Math.max(deepest, ++depth);
          if (ch === ')') depth--;
        }
        expect(deepest).toBeLessThanOrEqual(1);
      }
    }
  }, 120_000);
});
