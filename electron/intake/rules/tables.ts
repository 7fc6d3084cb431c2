import { isBlank, type Line } from '../text/document';
import { zoneAt, type StatedZone } from './time-zones';

/**
 * Tables of identifiers: a header row naming the columns (IP-adres, Bronpoort, Datum/tijd (UTC),
 * Telefoonnummer …) and the rows under it, with cells split by `|`, tabs or runs of spaces (the
 * layout a PDF's text keeps). A zone in a column header applies to every cell of the column.
 */
export type ColumnRole = 'phone' | 'ip' | 'port' | 'datetime' | 'date' | 'time' | 'other';

export interface Cell {
  from: number;
  to: number;
  text: string;
}

export interface TableColumn extends Cell {
  role: ColumnRole;
  zone?: StatedZone;
}

export interface Table {
  header: Line;
  columns: TableColumn[];
  rows: Line[];
}

const COLUMN_TITLES: [ColumnRole, RegExp][] = [
  ['other', /doel|destination|\bdst\b|e-?mail|naam|name/i],
  ['port', /bron-?poort|source[\s-]?port|src[\s-]?port|^\s*poort(?:nummer)?\b|^\s*port\b/i],
  [
    'datetime',
    /datum\s*[/&-]?\s*(?:en\s+)?tijd|date\s*[/&-]?\s*(?:and\s+)?time|tijdstip|timestamp|tijdstempel|moment|datetime/i,
  ],
  ['date', /^\s*(?:datum|date|dag|day)\b/i],
  ['time', /^\s*(?:tijd|time|uur|hour)\b/i],
  ['ip', /\bip\b|ip-?adres|ip[\s-]?address|ipv[46]|bron-?ip|source[\s-]?ip|src[\s-]?ip/i],
  ['phone', /telefoon|nummer|number|msisdn|phone|mobiel|mobile|\bgsm\b/i],
];

export function roleOf(title: string): ColumnRole {
  for (const [role, re] of COLUMN_TITLES) if (re.test(title)) return role;
  return 'other';
}

/** Cells of a line: split on `|`, tabs, or two or more spaces; trimmed, with offsets. */
export function splitCells(text: string): Cell[] {
  const sep = text.includes('|') ? /\s*\|\s*/g : text.includes('\t') ? /\s*\t\s*/g : /\s{2,}/g;
  const cells: Cell[] = [];
  let at = 0;
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) cells.push({ from: from + lead, to: from + lead + t.length, text: t });
  };
  sep.lastIndex = 0;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    push(at, m.index);
    at = m.index + m[0].length;
  }
  push(at, text.length);
  return cells;
}

const isRule = (t: string) => /^[\s|+:=-]+$/.test(t) && /-{3,}|={3,}/.test(t);

function columnZone(title: string): StatedZone | undefined {
  const inParens = /\(([^)]+)\)/.exec(title);
  const z = zoneAt(inParens ? `(${inParens[1]})` : '');
  if (z) return z.zone;
  const word = /\b(utc|gmt|cet|cest)\b/i.exec(title);
  return word ? zoneAt(word[1]!)?.zone : undefined;
}

export function findTables(lines: Line[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = splitCells(lines[i]!.text);
    if (cells.length < 2) continue;
    const columns: TableColumn[] = cells.map((c) => {
      const col: TableColumn = { ...c, role: roleOf(c.text) };
      const zone = columnZone(c.text);
      if (zone) col.zone = zone;
      return col;
    });
    const roles = new Set(columns.map((c) => c.role));
    const hasId = roles.has('ip') || roles.has('phone');
    // A header names columns; its cells hold no digits beyond a version like IPv4.
    if (!hasId || roles.size < 2 || cells.some((c) => /\d{3,}|\d[.:]\d/.test(c.text))) continue;
    const rows: Line[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (isRule(l.text)) continue;
      if (isBlank(l)) {
        if (rows.length === 0) continue;
        const next = lines[j + 1];
        if (next && !isBlank(next) && splitCells(next.text).length >= 2 && /\d/.test(next.text))
          continue;
        break;
      }
      if (splitCells(l.text).length < 2 || !/\d/.test(l.text)) break;
      rows.push(l);
    }
    if (rows.length) {
      tables.push({ header: lines[i]!, columns, rows });
      i = j - 1;
    }
  }
  return tables;
}

/** The cells of a row, each with the column it falls under. */
export function rowCells(table: Table, row: Line): { column: TableColumn; cell: Cell }[] {
  const cells = splitCells(row.text);
  if (cells.length === table.columns.length) {
    return cells.map((cell, k) => ({ column: table.columns[k]!, cell }));
  }
  // Columns of laid-out text: each cell goes under the header cell nearest to its start.
  return cells.map((cell) => {
    let best = table.columns[0]!;
    for (const c of table.columns)
      if (Math.abs(c.from - cell.from) < Math.abs(best.from - cell.from)) best = c;
    return { column: best, cell };
  });
}
