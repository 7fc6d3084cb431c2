import { join } from 'node:path';

/**
 * Where `npm start` (scripts/native-electron.mjs) puts better-sqlite3-multiple-ciphers built for
 * Electron's ABI, so the Node-ABI build in node_modules that `npm test` uses stays untouched.
 * Keep in step with `nativeCacheDir` in scripts/native-cache.cjs (a test checks they agree).
 */
export const electronNativeBindingPath = (appRoot: string, electronVersion: string): string =>
  join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');

/**
 * Where the package holds the same build, below the resources folder: beside the archive, because
 * a native module cannot be loaded from inside it. Keep in step with PACKED_NATIVE in
 * scripts/pack-native.cjs (a test checks they agree).
 */
export const PACKED_NATIVE_BINDING = ['app.asar.unpacked', 'native', 'better_sqlite3.node'] as const;
export const packedNativeBindingPath = (resourcesPath: string): string =>
  join(resourcesPath, ...PACKED_NATIVE_BINDING);

export const NATIVE_BINDING_ENV = 'NAW_DESK_NATIVE_BINDING';

export interface NativeBindingChoice {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  appRoot: string;
  /** process.resourcesPath: the folder holding app.asar. */
  resourcesPath: string;
  electronVersion: string;
  exists: (path: string) => boolean;
}

/**
 * The native module main.ts hands to the vault, and through it to the import worker. A packaged
 * app uses the file it ships beside its archive, by absolute path (so no lookup through the
 * archive, which worker threads do not reliably get), and NEVER an environment variable, which
 * would let anyone with access to the environment load native code into the app. A development
 * run uses NAW_DESK_NATIVE_BINDING (set by scripts/start.mjs) or the .native/ cache.
 */
export function chooseNativeBinding(c: NativeBindingChoice): string | undefined {
  if (c.isPackaged) {
    const packed = packedNativeBindingPath(c.resourcesPath);
    return c.exists(packed) ? packed : undefined;
  }
  const fromEnv = c.env[NATIVE_BINDING_ENV];
  if (fromEnv && c.exists(fromEnv)) return fromEnv;
  const cached = electronNativeBindingPath(c.appRoot, c.electronVersion);
  return c.exists(cached) ? cached : undefined;
}
