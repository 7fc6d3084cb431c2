import type { ImportIssue, ImportKind, ImportMode } from '../../shared/schemas/customers';

/** The columns of each kind of file (docs/IMPORT.md). `history`: required in history files. */
export const COLUMNS = {
  customers: {
    required: ['customer_id', 'name'],
    optional: [
      'street',
      'house_number',
      'house_number_addition',
      'postcode',
      'city',
      'country',
      'email',
      'customer_type',
      'kvk_number',
    ],
  },
  numbers: { required: ['number', 'customer_id'], optional: ['service'] },
  ips: { required: ['prefix', 'customer_id'], optional: ['port_from', 'port_to'] },
} as const satisfies Record<
  ImportKind,
  { required: readonly string[]; optional: readonly string[] }
>;

export const VALIDITY = ['valid_from', 'valid_to'] as const;

/** `Customer ID`, ` customer-id ` and `CUSTOMER_ID` all name customer_id. */
export const normaliseColumnName = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export interface HeaderMap {
  kind: ImportKind;
  mode: ImportMode;
  /** Number of header fields. */
  width: number;
  /** Column name → index in the record. */
  index: Record<string, number>;
  recognised: string[];
  unknown: string[];
  missing: string[];
  /** Problems that stop the import (missing or duplicate columns). */
  fatal: ImportIssue[];
  /** Remarks (unknown columns are ignored). */
  warnings: ImportIssue[];
}

/** Unknown columns named one by one in the report; the rest are counted in one more note. */
const MAX_UNKNOWN_NOTES = 20;
const clipName = (s: string) => (s.length > 64 ? `${s.slice(0, 61)}…` : s);

export function mapHeader(fields: string[], kind: ImportKind): HeaderMap {
  const spec = COLUMNS[kind];
  const known = new Set<string>([...spec.required, ...spec.optional, ...VALIDITY]);
  const index: Record<string, number> = {};
  const recognised: string[] = [];
  const unknown: string[] = [];
  const fatal: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  fields.forEach((raw, i) => {
    const name = normaliseColumnName(raw);
    if (!name) return;
    if (!known.has(name)) {
      const shown = clipName(raw.trim());
      unknown.push(shown);
      if (unknown.length <= MAX_UNKNOWN_NOTES) {
        warnings.push({ line: 1, column: shown, reason: `unknown column "${shown}" was ignored` });
      }
      return;
    }
    if (index[name] !== undefined) {
      fatal.push({ line: 1, column: name, reason: `the column "${name}" appears twice` });
      return;
    }
    index[name] = i;
    recognised.push(name);
  });
  if (unknown.length > MAX_UNKNOWN_NOTES) {
    warnings.push({
      line: 1,
      column: '',
      reason: `${(unknown.length - MAX_UNKNOWN_NOTES).toLocaleString('en')} more unknown columns were ignored`,
    });
  }
  const mode: ImportMode =
    index.valid_from !== undefined || index.valid_to !== undefined ? 'history' : 'snapshot';
  const missing: string[] = spec.required.filter((c) => index[c] === undefined);
  if (mode === 'history' && index.valid_from === undefined) missing.push('valid_from');
  for (const c of missing) {
    fatal.push({
      line: 1,
      column: c,
      reason:
        c === 'valid_from'
          ? 'the file has valid_to but no valid_from column; a history file needs both (or neither, for a current-state snapshot)'
          : `the required column "${c}" is missing (is this a ${kind} file?)`,
    });
  }
  return { kind, mode, width: fields.length, index, recognised, unknown, missing, fatal, warnings };
}

/** The kind whose required columns a header has, or null. */
export function guessKind(fields: string[]): ImportKind | null {
  const names = new Set(fields.map(normaliseColumnName));
  if (names.has('prefix')) return 'ips';
  if (names.has('number')) return 'numbers';
  if (names.has('name') || names.has('postcode')) return 'customers';
  return null;
}
