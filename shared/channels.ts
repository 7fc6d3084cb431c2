/**
 * Every channel of the API, as `domain.method`. Names only (no zod), so the sandboxed preload can
 * import this list cheaply. `contract.ts` gives each channel its schemas and access rule.
 */
export const CHANNELS = [
  'vault.state',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.restoreAccess',
  'vault.summary',
  'session.activity',
  'users.list',
  'users.add',
  'users.changeOwnPassphrase',
  'audit.list',
  'audit.verify',
  'audit.head',
  'settings.get',
  'settings.update',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
