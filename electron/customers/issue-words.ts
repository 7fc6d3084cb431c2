import { importIssueKey } from '../../shared/import-issue';
import { coreText } from '../../shared/messages';
import type { ImportIssue, IssueCode } from '../../shared/schemas/customers';

export type IssueParams = Record<string, string | number>;

/** A finding by code and parameters (worded in the reader's language), with its English reason. */
export interface WordedIssue {
  code: IssueCode;
  params: IssueParams;
  reason: string;
}

/**
 * Words an import finding: the window and the CLI word `code` with `params` in their language
 * (shared/messages `importIssue.…`); `reason` keeps the English text for the JSON report and logs.
 */
export function worded(code: IssueCode, params: IssueParams = {}): WordedIssue {
  return { code, params, reason: coreText('en', importIssueKey(code, params), params) };
}

export const issueAt = (
  line: number,
  column: string,
  code: IssueCode,
  params?: IssueParams,
): ImportIssue => ({ line, column, ...worded(code, params) });

/** A field rule's refusal (fields.ts), worded. */
export const refused = (code: IssueCode, params?: IssueParams) =>
  ({ ok: false, ...worded(code, params) }) as const;
