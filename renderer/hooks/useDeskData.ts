import { useCallback, useEffect, useRef, useState } from 'react';
import { asDeskError, type DeskCallError } from '../api';

/**
 * Data from the desk for a page or panel: loaded on mount and whenever `deps` change, `loading`
 * meanwhile, the error in the UI language; `reload` asks again. An answer that comes after a newer
 * question was asked (a quick change of filter or year, or the page closed) is dropped, so older
 * data never replaces newer.
 */
export function useDeskData<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<DeskCallError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const run = useCallback(load, deps); // the caller names what `load` depends on
  const reload = useCallback(async () => {
    const asked = ++latest.current;
    setLoading(true);
    try {
      const next = await run();
      if (asked !== latest.current) return;
      setData(next);
      setError(null);
    } catch (e) {
      if (asked === latest.current) setError(asDeskError(e));
    } finally {
      if (asked === latest.current) setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
    return () => {
      latest.current++;
    };
  }, [reload]);
  return { data, error, loading, reload, setData };
}
