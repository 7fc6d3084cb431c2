import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'naw-desk.firstSteps.hidden.';

/**
 * The storage key for one user of one vault: a hash of the organisation, user id and user name,
 * so this workstation's storage names neither who works at the desk nor for whom (the key file
 * names nobody either).
 */
async function storageKey(orgName: string, userId: number, userName: string): Promise<string> {
  const text = `naw-desk first steps\n${orgName}\n${userId}\n${userName}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return PREFIX + hex.slice(0, 32);
}

function readHidden(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

/**
 * Whether this user hid the first steps on this workstation, and `hide` to do so. `null` while
 * the key is being worked out, so the guide does not flash up and vanish.
 */
export function useFirstStepsHidden(
  orgName: string,
  userId: number,
  userName: string,
): { hidden: boolean | null; hide: () => void } {
  const [key, setKey] = useState<string | null>(null);
  const [hidden, setHidden] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void storageKey(orgName, userId, userName).then((k) => {
      if (!live) return;
      setKey(k);
      setHidden(readHidden(k));
    });
    return () => {
      live = false;
    };
  }, [orgName, userId, userName]);
  const hide = useCallback(() => {
    setHidden(true);
    if (!key) return;
    try {
      window.localStorage.setItem(key, '1');
    } catch {
      // Storage may be unavailable: hidden for this session only.
    }
  }, [key]);
  return { hidden, hide };
}
