import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../shared/csv';
import { createdDesk } from '../support/desk';
import { appendAudit } from '../../electron/audit/log';

const FORMULA = /^[=+\-@\t\r]/;

/**
 * The pieces a spreadsheet may cut a CSV line into: at `,` honouring quotes (RFC 4180, how we
 * write it), and at `;` as Excel in a Dutch locale does — for which our quotes mean nothing,
 * except a quote right at the start of a piece, which it strips. Line breaks end a row there too.
 */
function pieces(csv: string): string[] {
  const out: string[] = [];
  for (const row of csv.split(/\r\n|\r|\n/)) {
    for (const p of row.split(';')) out.push(p.replace(/^"+/, ''));
    out.push(...rfcCells(row));
  }
  return out;
}

function rfcCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

describe('CSV that no spreadsheet runs as a formula, whichever separator it splits on', () => {
  const nasty = [
    'Zwolle;=HYPERLINK("http://evil.example","x")',
    'a;+1',
    'a;-1',
    'a;@SUM(A1)',
    'a;\t=1',
    'a;"=1+1"',
    'a,=1+1',
    'a, b;"";=2',
    'regel een\n=1+1',
    'regel een\r\n-2',
    '=1;=2,=3',
  ];

  it('neutralises every piece that would start a formula', () => {
    const csv = toCsv([['id', 'text'], ...nasty.map((t, i) => [i, t])]);
    for (const p of pieces(csv)) expect(p, JSON.stringify(p)).not.toMatch(FORMULA);
    expect(csvCell('Zwolle;=HYPERLINK("x")')).toBe(`"Zwolle;'=HYPERLINK(""x"")"`);
    expect(csvCell('a;"=1+1"')).toBe(`"a;'""=1+1"""`);
    expect(csvCell('a,=1')).toBe(`"a,'=1"`);
    expect(csvCell('x\n=1')).toBe(`"x\n'=1"`);
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell('Sv 126na lid 1; Sv 126nc')).toBe('Sv 126na lid 1; Sv 126nc');
    expect(csvCell('a; b, c')).toBe('"a; b, c"');
    expect(csvCell('2026-0001')).toBe('2026-0001');
    expect(csvCell('x-y;z')).toBe('x-y;z');
  });

  it('the audit export: subjects and details with ; and , fragments are neutralised too', async () => {
    const d = await createdDesk();
    appendAudit(d.session.vault!.db, {
      at: '2026-01-02T03:04:05.000Z',
      user: 'admin',
      action: 'test.formula',
      subject: 'note;=cmd|"/c calc"!A1',
      details: { list: [-1, -2], text: 'x;@SUM(A1)' },
    });
    const r = await d.must('audit.export', { format: 'csv', target: 'inline' });
    for (const p of pieces(r.content!)) expect(p, JSON.stringify(p)).not.toMatch(FORMULA);
    expect(r.content).toContain(`"note;'=cmd|""/c calc""!A1"`);
  });
});
