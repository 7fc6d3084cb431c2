import { z } from 'zod';
import { Language } from './common';

export const Settings = z.object({
  language: Language,
  idleLockMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = { language: 'nl', idleLockMinutes: 10 };

export const UpdateSettingsInput = Settings.partial();
