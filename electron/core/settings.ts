import { DEFAULT_SETTINGS, type Settings } from '../../shared/schemas/settings';
import type { Db } from './db';

/** Settings live in the vault as JSON values under their key. */
export function readSetting<K extends keyof Settings>(db: Db, key: K): Settings[K] | undefined {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Settings[K]) : undefined;
}

export function readSettings(db: Db): Settings {
  const out = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    const v = readSetting(db, key as keyof Settings);
    if (v !== undefined) out[key] = v;
  }
  return out as Settings;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

/**
 * The organisation name to print (letters, the transparency report): the Organisation setting's
 * name, else `fallback`. A damaged setting falls back too: a name never stops a document.
 */
export function organisationName(db: Db, fallback: string): string {
  let name: unknown;
  try {
    name = readSetting(db, 'organisation')?.name;
  } catch {
    name = undefined;
  }
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : fallback;
}

/** The name the vault was created with, as written into it then (the key slots carry it too). */
export function createdOrgName(db: Db): string | undefined {
  const row = db.prepare(`SELECT value FROM setting WHERE key = 'orgName'`).get() as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string) : undefined;
}
