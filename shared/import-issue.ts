import { IDENTIFIER_PROBLEMS } from './identifiers';
import type { ImportKind } from './schemas/customers';

/**
 * The message key (shared/messages `importIssue.…`) of an import finding's code: codes that name
 * the kind of thing (a customer, a number, an address block) carry `kind` in their parameters and
 * have one text per kind, so that Dutch can give each its own article and word.
 */
export function importIssueKey(code: string, params: Record<string, string | number> = {}): string {
  if ((IDENTIFIER_PROBLEMS as readonly string[]).includes(code)) return `identifier.${code}`;
  const kind = params.kind as ImportKind | undefined;
  return kind === undefined ? `importIssue.${code}` : `importIssue.${code}.${kind}`;
}
