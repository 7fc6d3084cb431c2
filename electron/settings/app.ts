import { readLogo } from '../ops/logo';
import { clearLogo, setLogo } from './letterhead-logo';
import { currentSettings, updateSettings } from './update';
import type { HandlerMap } from '../core/context';
import type { settingsContract } from '../../shared/contract/settings';

type SettingsChannels = keyof typeof settingsContract;

/** Handlers of the settings domain; the rules are in electron/settings/update.ts. */
export const settingsHandlers: HandlerMap<SettingsChannels> = {
  'settings.get': (_input, ctx) => currentSettings(ctx),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
  'settings.logo': (_input, ctx) => readLogo(ctx.db),
  'settings.setLogo': (input, ctx) => setLogo(ctx, input.token),
  'settings.clearLogo': (_input, ctx) => clearLogo(ctx),
};
