import type { ImportIssue, ImportKind } from '../../shared/schemas/customers';
import type { ImportRun, ImportTally } from './import-state';

const THINGS: Record<ImportKind, string> = {
  customers: 'customers',
  numbers: 'numbers',
  ips: 'address blocks',
};

const fmt = (n: number) => n.toLocaleString('en');

/**
 * The guard against a cut-off export: a current-state snapshot closes whatever it does not list,
 * so a header-only or half-written file would end every assignment the desk holds, and later
 * matches would answer no_match. Such a snapshot — no row at all, or closing more than
 * `maxClosePercent` of the rows current at its moment — is refused as a whole unless the import
 * was told it is intended. Runs after the closing (inside the transaction, so the counts are
 * exact) and before anything is committed. The message gives counts only.
 */
export function guardMassClose(run: ImportRun, tally: ImportTally): void {
  if (tally.mode !== 'snapshot' || tally.fatal || tally.current === null) return;
  const current = tally.current;
  const closing = tally.counts.closed;
  const empty = tally.rows === 0;
  if (!empty && closing * 100 <= run.maxClosePercent * current) return;
  tally.massClose = { current, closing, maxPercent: run.maxClosePercent };
  if (run.allowMassClose) return;
  tally.refuse([refusal(run.kind, empty, current, closing, run.maxClosePercent)]);
}

function refusal(
  kind: ImportKind,
  empty: boolean,
  current: number,
  closing: number,
  maxPercent: number,
): ImportIssue {
  const things = THINGS[kind];
  const confirm =
    'If that is right, import it again confirming the mass close (--allow-mass-close).';
  if (empty) {
    return {
      line: 0,
      column: '',
      code: 'empty_snapshot',
      params: { current, closing },
      reason: `This snapshot lists no rows, so it would close ${fmt(closing)} of the ${fmt(current)} ${things} the vault holds as current: a cut-off or half-written export looks like this. ${confirm}`,
    };
  }
  const share = Math.round((closing * 1000) / current) / 10;
  return {
    line: 0,
    column: '',
    code: 'mass_close',
    params: { current, closing, maxPercent },
    reason: `This snapshot would close ${fmt(closing)} of the ${fmt(current)} ${things} the vault holds as current (${share}%), more than the ${maxPercent}% one snapshot may close (setting snapshotMaxClosePercent). Is the export cut off? ${confirm}`,
  };
}
