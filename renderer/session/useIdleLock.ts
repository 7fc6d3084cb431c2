import { useEffect, useRef } from 'react';
import { desk } from '../api';

/** At most one `session.activity` call per this many ms while the user is active. */
export const ACTIVITY_PING_MS = 30_000;
const CHECK_EVERY_MS = 5_000;
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'focusin'];

/**
 * Watches keyboard and mouse activity in the window. While active, tells the core at most every
 * 30 s (so its own idle timer does not fire); after `idleLockMinutes` without activity, calls
 * `onIdle` (which locks the vault and shows the unlock screen).
 */
export function useIdleLock(idleLockMinutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });

  useEffect(() => {
    const idleMs = idleLockMinutes * 60_000;
    let lastActivity = Date.now();
    let lastPing = Date.now();
    let fired = false;

    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastPing >= ACTIVITY_PING_MS) {
        lastPing = lastActivity;
        void desk.session.activity({});
      }
    };
    const check = () => {
      if (!fired && Date.now() - lastActivity >= idleMs) {
        fired = true;
        onIdleRef.current();
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(check, Math.min(CHECK_EVERY_MS, idleMs));
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [idleLockMinutes]);
}
