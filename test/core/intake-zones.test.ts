import { describe, expect, it } from 'vitest';
import { findTables, roleOf, rowCells, splitCells } from '../../electron/intake/rules/tables';
import { documentLines } from '../../electron/intake/text/document';
import { findFolded, fold } from '../../electron/intake/text/normalise';
import { layoutOfText } from '../fixtures/intake/catalogues';

const zonesOf = (text: string) => {
  const l = layoutOfText(text);
  return l.lines.map((line, i) => [line.text, l.zones[i]] as const).filter(([t]) => t.trim());
};

describe('intake: the parts of a letter', () => {
  it('letterhead until the subject or salutation, body, signature after the closing phrase', () => {
    expect(
      zonesOf(
        'Politie Eenheid Utrecht\nTel 030-1234567\n\nBetreft: vordering\n\nGeachte heer,\n\nTekst 06-1.\n\nHoogachtend,\n\nJ. Jansen\nT 06-12345678\n\nBijlage 1: overzicht\n06-41234567\n',
      ),
    ).toEqual([
      ['Politie Eenheid Utrecht', 'letterhead'],
      ['Tel 030-1234567', 'letterhead'],
      ['Betreft: vordering', 'body'],
      ['Geachte heer,', 'body'],
      ['Tekst 06-1.', 'body'],
      ['Hoogachtend,', 'signature'],
      ['J. Jansen', 'signature'],
      ['T 06-12345678', 'signature'],
      ['Bijlage 1: overzicht', 'body'],
      ['06-41234567', 'body'],
    ]);
  });

  it('mail header, quoted replies, contact blocks and page numbers', () => {
    expect(
      zonesOf(
        'From: a@b.example\nSubject: x\n\nContactgegevens:\nTel 06-1\n\nTekst\n> oud 06-2\nPagina 1 van 2\n',
      ),
    ).toEqual([
      ['From: a@b.example', 'mail_header'],
      ['Subject: x', 'mail_header'],
      ['Contactgegevens:', 'contact_block'],
      ['Tel 06-1', 'contact_block'],
      ['Tekst', 'body'],
      ['> oud 06-2', 'quoted'],
      ['Pagina 1 van 2', 'page_header'],
    ]);
  });

  it('lines that repeat at the top or bottom of every page are page headers', () => {
    const page = (n: number) =>
      `Politie Limburg | tel 0900-8844\nTekst ${n}\nregel\nregel\nregel\nregel\nregel`;
    const l = layoutOfText(`${page(1)}\f${page(2)}`);
    expect(l.zones[0]).toBe('page_header');
    expect(l.zones[1]).toBe('body');
  });

  it('numbers lines with exact page offsets', () => {
    const lines = documentLines({
      kind: 'text',
      pages: [{ text: 'ab\r\ncd' }, { text: 'ef', origin: 'x.pdf' }],
    });
    expect(lines.map((l) => [l.page, l.part, l.start, l.end, l.text])).toEqual([
      [1, 0, 0, 2, 'ab'],
      [1, 0, 4, 6, 'cd'],
      [2, 1, 0, 2, 'ef'],
    ]);
  });
});

describe('intake: tables of identifiers', () => {
  it('knows column titles', () => {
    expect(roleOf('IP-adres')).toBe('ip');
    expect(roleOf('Bronpoort')).toBe('port');
    expect(roleOf('Doelpoort')).toBe('other');
    expect(roleOf('Datum/tijd (UTC)')).toBe('datetime');
    expect(roleOf('Telefoonnummer')).toBe('phone');
    expect(roleOf('Tijd')).toBe('time');
  });

  it('splits cells on pipes, tabs or runs of spaces', () => {
    expect(splitCells('| a | b c |').map((c) => c.text)).toEqual(['a', 'b c']);
    expect(splitCells('a\tb').map((c) => c.text)).toEqual(['a', 'b']);
    expect(splitCells('a b   c').map((c) => c.text)).toEqual(['a b', 'c']);
  });

  it('finds the header, its zone and rows, and maps laid-out cells to columns', () => {
    const l = layoutOfText(
      'IP-adres        Poort    Tijdstip (UTC)\n203.0.113.1     4000     01-10-2026 10:00\n\n203.0.113.2              01-10-2026 11:00\nEinde.',
    );
    const [t] = findTables(l.lines);
    expect(t?.columns.map((c) => c.role)).toEqual(['ip', 'port', 'datetime']);
    expect(t?.columns[2]?.zone).toMatchObject({ zone: 'UTC' });
    expect(t?.rows.map((r) => r.text.slice(0, 11))).toEqual(['203.0.113.1', '203.0.113.2']);
    expect(rowCells(t!, t!.rows[1]!).map((c) => c.column.role)).toEqual(['ip', 'datetime']);
  });
});

describe('intake: forgiving comparison', () => {
  it('folds dashes, case and accents, and maps back to the original', () => {
    const f = fold('Politie – Eenheid Noord-Nederland');
    expect(f.text).toBe('politie eenheid noord nederland');
    const [m] = findFolded(
      fold('Aan: POLITIE EENHEID NOORD–NEDERLAND.'),
      'politie eenheid noord nederland',
    );
    expect(m).toEqual({ from: 5, to: 36 });
    expect(findFolded(fold('arrondissementsparket x'), 'parket x')).toEqual([]);
  });
});
