/** One namespace per domain; each has `locales/{nl,en}/<namespace>.json`. */
export const NAMESPACES = [
  'common',
  'vault',
  'users',
  'audit',
  'settings',
  'errors',
  'customers',
  'requests',
  'intake',
  'letters',
  'stats',
  'ops',
  'catalogue',
  'firstSteps',
  'epoc',
  'holds',
  'core', // the core's worded messages, from shared/messages
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const LANGUAGES = ['nl', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = 'nl';
