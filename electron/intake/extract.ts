import { readFileSync, statSync } from 'node:fs';
import type { Draft, ExtractInput } from '../../shared/schemas/intake';
import { listAuthorities, listLegalBases } from '../catalogue/catalogue';
import type { DeskContext } from '../core/context';
import { readSetting } from '../core/settings';
import type { IntakeCatalogues } from './extract-draft';
import { LIMITS, refuse } from './read/limits';
import { sessionReader } from './session-reader';

/** The vault's catalogue (active rows) and the provider's own contact details. */
export function intakeCatalogues(ctx: DeskContext): IntakeCatalogues {
  const org = readSetting(ctx.db, 'organisation');
  const own: NonNullable<IntakeCatalogues['own']> = {};
  if (org?.phone) own.phone = org.phone;
  if (org?.email) own.email = org.email;
  return { authorities: listAuthorities(ctx.db), legalBases: listLegalBases(ctx.db), own };
}

/**
 * Reads a picked file (by token) or pasted text into a draft, off the main thread (the session's
 * warm reader). Nothing is
 * stored: the officer confirms the draft, and `requests.create` logs it.
 */
export async function extractRequest(ctx: DeskContext, input: ExtractInput): Promise<Draft> {
  const catalogues = intakeCatalogues(ctx);
  const reader = sessionReader(ctx.session);
  if ('text' in input) return reader.extract({ text: input.text }, catalogues);
  const file = ctx.session.files.resolve(input.file);
  // Size first: a huge file is never read into memory.
  if (statSync(file.path).size > LIMITS.fileBytes) {
    refuse('too_large', `${file.name} is larger than 25 MB.`, { maxBytes: LIMITS.fileBytes });
  }
  return reader.extract({ bytes: readFileSync(file.path), name: file.name }, catalogues);
}
