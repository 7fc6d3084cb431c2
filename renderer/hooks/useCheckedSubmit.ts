import { useRef, useState } from 'react';
import { focusFirstInvalid, hasProblems, type Problems } from '../components/validation';
import { useDeskAction } from './useDeskAction';

/**
 * The submit flow the forms share: show the field problems and focus the first one, or call the
 * core once (busy meanwhile) and show its error in the UI language. `done` is what the call
 * returned (e.g. the name of the user just added), cleared on the next submit.
 */
export function useCheckedSubmit<K extends string, R = true>() {
  const form = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<Problems<K>>({});
  const action = useDeskAction<R>();

  /** Shows `found` at the fields and focuses the first invalid one; true when there are none. */
  function check(found: Problems<K>): boolean {
    setProblems(found);
    if (!hasProblems(found)) return true;
    focusFirstInvalid(form.current);
    return false;
  }

  /** Runs `work` when `found` has no problems. True when it ran without error. */
  async function submit(
    found: Problems<K>,
    work: () => Promise<R | null | void>,
    always?: () => void,
  ): Promise<boolean> {
    action.reset();
    if (!check(found)) return false;
    return action.run(work, always);
  }

  return { ...action, form, problems, check, submit };
}
