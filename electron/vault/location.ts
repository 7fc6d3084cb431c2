import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'NAW Desk';

/**
 * The app's data folder, the same one Electron's app.getPath('userData') gives for productName
 * "NAW Desk", so the CLI and the app find the same vault without flags.
 */
export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** Where the vault lives unless --vault or NAW_DESK_VAULT says otherwise. */
export const defaultVaultDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.NAW_DESK_VAULT ?? join(appDataDir(env), 'vault');
