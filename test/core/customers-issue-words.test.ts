import { describe, expect, it } from 'vitest';
import { worded } from '../../electron/customers/issue-words';
import { importIssueKey } from '../../shared/import-issue';
import { coreText } from '../../shared/messages';
import { ISSUE_CODES, IMPORT_KINDS } from '../../shared/schemas/customers';

/** The codes the window words with this page's own texts (customers.json), not the core's. */
const PAGE_CODES = new Set([
  'empty_snapshot',
  'mass_close',
  'as_of_future',
  'snapshot_older',
  'overlaps_held',
  'header_too_long',
  'line_too_long',
]);
const KIND_CODES = new Set([
  'own_overlap',
  'own_other_holder',
  'snapshot_twice',
  'snapshot_overlap',
  'changed_at_moment',
  'left_open_at_moment',
]);

describe('import findings worded by code', () => {
  it('has a Dutch and an English text for every row code (per kind where it names one)', () => {
    for (const code of ISSUE_CODES.filter((c) => !PAGE_CODES.has(c))) {
      const kinds = KIND_CODES.has(code) ? IMPORT_KINDS : [undefined];
      for (const kind of kinds) {
        const params: Record<string, string> = kind ? { kind } : {};
        const key = importIssueKey(code, params);
        const nl = coreText('nl', key, params);
        const en = coreText('en', key, params);
        expect(nl, key).not.toBe(key);
        expect(en, key).not.toBe(key);
        expect(nl, key).not.toBe(en);
      }
    }
  });

  it('keeps the English reason and gives the window what it needs to word it', () => {
    expect(worded('not_a_postcode', { value: '12345' })).toEqual({
      code: 'not_a_postcode',
      params: { value: '12345' },
      reason:
        '"12345" is not a Dutch postcode (four digits, not starting with 0, and two letters: 1234 AB)',
    });
    expect(coreText('nl', importIssueKey('snapshot_twice', { kind: 'numbers' }))).toBe(
      'Dit nummer staat meer dan eens in deze momentopname',
    );
    expect(worded('left_open_at_moment', { kind: 'ips' }).reason).toMatch(/^an address block that/);
  });
});
