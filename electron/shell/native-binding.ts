import { join } from 'node:path';

/**
 * Where `npm start` (scripts/native-electron.mjs) puts better-sqlite3-multiple-ciphers built for
 * Electron's ABI, so the Node-ABI build in node_modules that `npm test` uses stays untouched.
 * Keep in step with `nativeCacheDir` in scripts/native-electron.mjs (a test checks they agree).
 */
export const electronNativeBindingPath = (appRoot: string, electronVersion: string): string =>
  join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');

export const NATIVE_BINDING_ENV = 'NAW_DESK_NATIVE_BINDING';

export interface NativeBindingChoice {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  appRoot: string;
  electronVersion: string;
  exists: (path: string) => boolean;
}

/**
 * The native module main.ts hands to the vault. A packaged app uses the module electron-builder
 * rebuilt for Electron (default resolution) and NEVER an environment variable, which would let
 * anyone with access to the environment load native code into the app. A development run uses
 * NAW_DESK_NATIVE_BINDING (set by scripts/start.mjs) or the .native/ cache.
 */
export function chooseNativeBinding(c: NativeBindingChoice): string | undefined {
  if (c.isPackaged) return undefined;
  const fromEnv = c.env[NATIVE_BINDING_ENV];
  if (fromEnv && c.exists(fromEnv)) return fromEnv;
  const cached = electronNativeBindingPath(c.appRoot, c.electronVersion);
  return c.exists(cached) ? cached : undefined;
}
