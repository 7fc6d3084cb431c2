import { useCallback, useState } from 'react';
import { asDeskError, type DeskCallError } from '../api';

/**
 * Runs desk calls for a form or panel: `busy` while one runs (its buttons disable on it), the
 * error of the last run for ErrorAlert, and `done`: what the last successful run returned (a
 * message, a result), cleared when the next one starts. With `quietCancel`, a save or open
 * dialog the user closed (CANCELLED) is no error.
 */
export function useDeskAction<R = string>({ quietCancel = false }: { quietCancel?: boolean } = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskCallError | null>(null);
  const [done, setDone] = useState<R | null>(null);

  /** Clears the error and the result of the last run (before a new attempt). */
  const reset = useCallback(() => {
    setError(null);
    setDone(null);
  }, []);

  /** Runs `work`; true when it finished without error. `always` runs after it either way. */
  const run = useCallback(
    async (work: () => Promise<R | null | void>, always?: () => void): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        setDone((await work()) ?? null);
        return true;
      } catch (e) {
        const err = asDeskError(e);
        if (!(quietCancel && err.code === 'CANCELLED')) setError(err);
        return false;
      } finally {
        always?.();
        setBusy(false);
      }
    },
    [quietCancel],
  );

  return { busy, error, done, run, reset, setDone };
}
