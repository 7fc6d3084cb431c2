import { useCallback, useEffect, useState } from 'react';
import { asDeskError, type DeskCallError } from '../../api';

/** Loads data with a desk call; `reload` runs it again. */
export function useDeskData<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<DeskCallError | null>(null);
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    try {
      setData(await run());
      setError(null);
    } catch (e) {
      setError(asDeskError(e));
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, setData };
}
