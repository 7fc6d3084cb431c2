import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Capability } from '../../shared/roles';
import type { VaultState } from '../../shared/schemas/vault';
import { asDeskError, desk, onSessionLost, unwrap, type DeskCallError } from '../api';
import { storedLanguage } from '../i18n';

export interface SessionValue {
  /** Null until the first answer of vault.state. */
  state: VaultState | null;
  /** Set when even vault.state failed (no transport, damaged key file …). */
  loadError: DeskCallError | null;
  /** Why the last session ended, if the app (not the user) ended it. */
  lockReason: 'idle' | 'lost' | null;
  refresh(): Promise<VaultState | null>;
  /** Locks the vault (drops the key in the core) and returns to the unlock screen. */
  lock(reason?: 'manual' | 'idle'): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<VaultState | null>(null);
  const [loadError, setLoadError] = useState<DeskCallError | null>(null);
  const [lockReason, setLockReason] = useState<SessionValue['lockReason']>(null);
  const { i18n } = useTranslation();

  const refresh = useCallback(async () => {
    try {
      const next = unwrap(await desk.vault.state({}));
      // The desk's default language applies until this workstation picks one itself.
      if (!storedLanguage() && next.language !== i18n.language) {
        void i18n.changeLanguage(next.language);
      }
      setState(next);
      setLoadError(null);
      if (next.unlocked) setLockReason(null);
      return next;
    } catch (e) {
      setLoadError(asDeskError(e));
      return null;
    }
  }, [i18n]);

  const lock = useCallback(
    async (reason: 'manual' | 'idle' = 'manual') => {
      await desk.vault.lock({ reason });
      setLockReason(reason === 'idle' ? 'idle' : null);
      await refresh();
    },
    [refresh],
  );

  useEffect(() => {
    void refresh();
    return onSessionLost(() => {
      setLockReason('lost');
      void refresh();
    });
  }, [refresh]);

  const value = useMemo(
    () => ({ state, loadError, lockReason, refresh, lock }),
    [state, loadError, lockReason, refresh, lock],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/**
 * What the signed-in user may do, by capability (never by role name): the same rule the handler
 * table applies. False for everything while nobody is signed in.
 */
export function useCan(): (capability: Capability) => boolean {
  const role = useSession().state?.user?.role;
  return (capability) => role !== undefined && can(role, capability);
}
