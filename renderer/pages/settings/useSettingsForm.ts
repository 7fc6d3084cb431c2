import { useState } from 'react';
import type { InputOf } from '../../../shared/contract';
import type { Settings } from '../../../shared/schemas/settings';
import { desk, unwrap } from '../../api';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useDeskData } from '../../hooks/useDeskData';

/**
 * A Settings form over the desk's settings: loads them into an editable copy (`toValues`), saves
 * a change with settings.update and shows what the core stored. `saved` says the last save
 * succeeded; `stored` are the settings as the core has them; `loaded` that the first answer (the
 * settings or the error) is there.
 */
export function useSettingsForm<V>(toValues: (s: Settings) => V) {
  const [values, setValues] = useState<V | null>(null);
  const [stored, setStored] = useState<Settings | null>(null);
  const show = (s: Settings) => {
    setStored(s);
    setValues(toValues(s));
  };
  const initial = useDeskData(async () => show(unwrap(await desk.settings.get({}))), []);
  const action = useDeskAction<true>();

  /** Saves `change`; `after` runs once the core stored it (e.g. refresh the session). */
  const save = (change: InputOf<'settings.update'>, after?: () => unknown) =>
    action.run(async () => {
      show(unwrap(await desk.settings.update(change)));
      await after?.();
      return true;
    });

  return {
    values,
    setValues,
    stored,
    busy: action.busy,
    error: action.error ?? initial.error,
    loaded: stored !== null || initial.error !== null,
    saved: action.done === true,
    reset: action.reset,
    save,
  };
}
