import { useEffect, useState } from 'react';
import type { HistoryStart } from '../../../../shared/schemas/customers';
import { desk } from '../../../api';

/** Asked again after this long: an import may have added older history meanwhile. */
const FRESH_MS = 60_000;
let asked: { at: number; answer: Promise<HistoryStart | undefined> } | null = null;

function historyStart(): Promise<HistoryStart | undefined> {
  if (!asked || Date.now() - asked.at > FRESH_MS) {
    asked = {
      at: Date.now(),
      // Not known (an older core, a failed call): the check is skipped, never guessed.
      answer: desk.customers
        .historyStart({})
        .then((r) => (r.ok ? r.data : undefined))
        .catch(() => undefined),
    };
  }
  return asked.answer;
}

/**
 * Where the vault's number and IP assignment history begins, for the live check "before any data
 * the desk holds". One question shared by every identifier row; undefined until answered.
 */
export function useHistoryStart(): HistoryStart | undefined {
  const [start, setStart] = useState<HistoryStart | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void historyStart().then((s) => live && setStart(s));
    return () => {
      live = false;
    };
  }, []);
  return start;
}

/** Tests: forget the answer so the next hook asks again. */
export const forgetHistoryStart = (): void => {
  asked = null;
};
