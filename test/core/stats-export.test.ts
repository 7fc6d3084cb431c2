import { describe, expect, it } from 'vitest';
import { computeYearStats, type RequestFact } from '../../electron/stats/compute';
import { csvCell, toCsv } from '../../shared/csv';
import { statRows, statsFile } from '../../electron/stats/export';
import { publishedStats, suppressCount } from '../../electron/stats/suppress';

describe('CSV cells', () => {
  it('neutralises a cell that a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+31 20 555')).toBe("'+31 20 555");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe(`'\t=1`);
    // The = after the carriage return starts a row where a line break ends one: neutralised too.
    expect(csvCell('\r=1')).toBe(`"'\r'=1"`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
  it('leaves ordinary values alone and quotes what needs quoting', () => {
    expect(csvCell('Sv 126na lid 1')).toBe('Sv 126na lid 1');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(18.4)).toBe('18.4');
    expect(csvCell('< 5')).toBe('< 5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n');
  });
});

describe('suppression', () => {
  it('shows 1 … threshold-1 as "< threshold", keeps 0 and larger counts', () => {
    expect([0, 1, 4, 5, 6].map((n) => suppressCount(n, 5))).toEqual([0, '< 5', '< 5', 5, 6]);
    expect([0, 1, 2].map((n) => suppressCount(n, 1))).toEqual([0, 1, 2]);
    expect(suppressCount(2, 3)).toBe('< 3');
  });

  const facts: RequestFact[] = Array.from({ length: 6 }, (_, i) => ({
    receivedAt: `2026-0${(i % 3) + 1}-10T10:00:00Z`,
    decidedAt: `2026-0${(i % 3) + 1}-10T13:00:00Z`,
    sentAt: null,
    outcome: i === 0 ? 'refused' : 'disclosed',
    legalBasis: i < 5 ? 'sv-126na-1' : '=cmd',
    authority: 'pol-amsterdam',
    items: ['phone'],
    urgency: 'normal',
    deadline: `2026-0${(i % 3) + 1}-20T10:00:00Z`,
    refusalReasons: i === 0 ? ['not_verified'] : [],
    verificationFailed: i === 0,
    disclosedCustomers: i === 0 ? [] : [`C${i}`],
  }));
  const stats = computeYearStats(facts, 2026, {
    now: new Date('2026-06-01T00:00:00Z'),
    labels: { legalBasis: { 'sv-126na-1': 'Sv 126na lid 1', '=cmd': '-evil' }, authority: {} },
  });

  it('applies to every count of the published figures, never to years, hours or labels', () => {
    const p = publishedStats(stats, 5);
    expect(p.year).toBe(2026);
    expect(p.requests).toBe(6);
    expect(p.byOutcome).toEqual({
      disclosed: 5,
      partly_disclosed: 0,
      no_data: 0,
      refused: '< 5',
      referred: 0,
      open: 0,
    });
    expect(p.byMonth).toEqual(['< 5', '< 5', '< 5', 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(p.handlingHours).toEqual({ median: 3, p90: 3, count: 6 });
    expect(p.failedVerification).toBe('< 5');
    expect(p.refusalsByReason).toEqual({ not_verified: '< 5' });
    expect(p.lastFiveYears.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(p.lastFiveYears[4]!.subscribersAffected).toBe(5);
    expect(p.soFar.until).toBe(stats.soFar.until);
    expect(p.labels).toEqual(stats.labels);
    // The exact figures are untouched.
    expect(stats.byOutcome.refused).toBe(1);
  });

  it('every number in the published figures is a count ≥ threshold, 0, or not a count', () => {
    const p = publishedStats(stats, 5) as unknown;
    const bad: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'number') {
        const ok =
          v === 0 ||
          v >= 5 ||
          /(^|\.)(year|median|p90)$/.test(path) ||
          /lastFiveYears\.\d+\.year$/.test(path);
        if (!ok) bad.push(`${path}=${v}`);
      } else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    };
    walk(p, '');
    expect(bad).toEqual([]);
  });

  it('files: CSV rows for every figure, with formula labels neutralised', () => {
    const rows = statRows(stats);
    expect(rows).toContainEqual(['byLegalBasis.=cmd', '-evil', 1]);
    expect(rows).toContainEqual(['lastFiveYears.2026.byOutcome.disclosed', '', 5]);
    expect(rows.some((r) => String(r[0]).startsWith('labels'))).toBe(false);
    const csv = statsFile(stats, 'csv', { published: true, threshold: 5 });
    expect(csv).toMatchObject({ fileName: 'naw-desk-statistics-2026.csv', mime: 'text/csv' });
    const lines = csv.content.split('\r\n');
    expect(lines).toContain("byLegalBasis.=cmd,'-evil,< 5");
    expect(lines).toContain('published,,yes');
    expect(lines).toContain('suppressionThreshold,,5');
    for (const line of lines) expect(line).not.toMatch(/(^|,)"?[=+\-@]/);

    const json = statsFile(stats, 'json', { published: false, threshold: 5 });
    expect(json.fileName).toBe('naw-desk-statistics-2026-internal.json');
    expect(JSON.parse(json.content)).toMatchObject({
      requests: 6,
      byOutcome: { refused: 1 },
      published: false,
      suppressionThreshold: null,
    });
  });
});
