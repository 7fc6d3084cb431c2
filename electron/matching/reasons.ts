import { coreText, type MessageKey, type MessageParams } from '../../shared/messages';

/** Why a match came out as it did: a message key and its parameters, with its English text. */
export interface Reasoned {
  /** English, for the CLI and reports. */
  reason: string;
  reasonKey: MessageKey;
  reasonParams: MessageParams;
}

/**
 * A reason by key (`matching.<…>` in shared/messages); the request page and the letter word it in
 * their own language. `english` keeps a text the core was given (a problem the identifier or
 * moment parser worded) where the key's English would say it differently.
 */
export const reasoned = (key: MessageKey, params: MessageParams, english?: string): Reasoned => ({
  reason: english ?? coreText('en', key, params),
  reasonKey: key,
  reasonParams: params,
});

/** The key with its `…Port` variant when a source port was given (the port is its own parameter). */
export const withPort = (key: string, port: number | null): MessageKey =>
  `${key}${port === null ? '' : 'Port'}` as MessageKey;

/** An address with its source port as written in reasons: `192.0.2.7:40001`, `[2001:db8::1]:443`. */
export const addressWithPort = (canonical: string, port: number | null): string =>
  port === null
    ? canonical
    : canonical.includes(':')
      ? `[${canonical}]:${port}`
      : `${canonical}:${port}`;
