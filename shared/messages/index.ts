import en from './en.json';
import nl from './nl.json';

/**
 * The core's own words. The core never hands a person a bare English sentence: it fails or
 * explains with a key and parameters (`failWith('CONFLICT', 'register.notApproved', { no })`);
 * the renderer words the key in the UI language from these files (i18n namespace `core`), and the
 * CLI and logs use the English text. Dutch and English must hold the same keys and parameters
 * (checked by a test).
 */
export const CORE_MESSAGES = { nl, en } as const;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key the core may use, e.g. `input.tooLong`; typed from the English file. */
export type MessageKey = Leaves<typeof en>;
export type MessageParams = Record<string, string | number>;

/** A message to be worded by whoever shows it. */
export interface Worded {
  key: MessageKey;
  params?: MessageParams;
}

const lookup = (tree: unknown, key: string): string | undefined => {
  let node = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
};

/** The text of `key` in `lang`, with `{{name}}` filled from `params` (the key itself when unknown). */
export function coreText(
  lang: keyof typeof CORE_MESSAGES,
  key: string,
  params: MessageParams = {},
): string {
  const template = lookup(CORE_MESSAGES[lang], key) ?? lookup(CORE_MESSAGES.en, key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{{${name}}}`,
  );
}
