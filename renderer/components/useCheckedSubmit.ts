import { useRef, useState } from 'react';
import { asDeskError, type DeskCallError } from '../api';
import { focusFirstInvalid, hasProblems, type Problems } from './validation';

/**
 * The submit flow the forms share: show the field problems and focus the first one, or call the
 * core once (busy meanwhile) and show its error in the UI language.
 */
export function useCheckedSubmit<K extends string>() {
  const form = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<Problems<K>>({});
  const [error, setError] = useState<DeskCallError | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs `action` when `found` has no problems. True when it ran without error. */
  async function submit(
    found: Problems<K>,
    action: () => Promise<void>,
    always?: () => void,
  ): Promise<boolean> {
    setProblems(found);
    setError(null);
    if (hasProblems(found)) {
      focusFirstInvalid(form.current);
      return false;
    }
    setBusy(true);
    try {
      await action();
      return true;
    } catch (e) {
      setError(asDeskError(e));
      return false;
    } finally {
      always?.();
      setBusy(false);
    }
  }

  return { form, problems, error, busy, submit };
}
