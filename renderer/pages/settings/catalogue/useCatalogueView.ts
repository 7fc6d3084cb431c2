import { useCallback, useEffect, useState } from 'react';
import type { CatalogueView } from '../../../../shared/schemas/catalogue';
import { asDeskError, desk, unwrap, type DeskCallError } from '../../../api';

/** The whole catalogue as admins see it (active or not, with request counts), and a reload. */
export function useCatalogueView() {
  const [view, setView] = useState<CatalogueView | null>(null);
  const [error, setError] = useState<DeskCallError | null>(null);
  const reload = useCallback(async () => {
    try {
      setView(unwrap(await desk.catalogue.view({})));
      setError(null);
    } catch (e) {
      setError(asDeskError(e));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { view, error, reload };
}

/** Runs a desk call for a form: busy flag, error and a success message. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskCallError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<string | null>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await work());
      return true;
    } catch (e) {
      setError(asDeskError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, done, run, setDone };
}
