import type { z } from 'zod';
import { coreText, type MessageKey, type MessageParams } from '../../shared/messages';
import { errWorded, type Err } from '../../shared/result';

const isKey = (message: string) => coreText('en', message) !== message;

/** A schema issue as a worded message: which field, and what is wrong with it. */
function wordIssue(issue: z.core.$ZodIssue): { key: MessageKey; params: MessageParams } {
  const field = issue.path.length ? issue.path.join('.') : '-';
  const limit = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));
  // A limit may name its own key (with a unit: "at least 1 year"); it gets the limit as parameter.
  if ((issue.code === 'too_big' || issue.code === 'too_small') && isKey(issue.message)) {
    return {
      key: issue.message as MessageKey,
      params:
        issue.code === 'too_big'
          ? { field, maximum: limit(issue.maximum) }
          : { field, minimum: limit(issue.minimum) },
    };
  }
  switch (issue.code) {
    case 'too_big':
      return {
        key:
          issue.origin === 'string'
            ? 'input.tooLong'
            : issue.origin === 'array' || issue.origin === 'set'
              ? 'input.tooMany'
              : 'input.tooBig',
        params: { field, maximum: limit(issue.maximum) },
      };
    case 'too_small':
      return {
        key:
          issue.origin === 'string'
            ? 'input.tooShort'
            : issue.origin === 'array' || issue.origin === 'set'
              ? 'input.tooFew'
              : 'input.tooSmall',
        params: { field, minimum: limit(issue.minimum) },
      };
    case 'invalid_type':
      return {
        key: issue.input === undefined ? 'input.missing' : 'input.wrongType',
        params: { field },
      };
    case 'invalid_format':
      return { key: 'input.badFormat', params: { field } };
    case 'invalid_value':
      return { key: 'input.notAllowed', params: { field } };
    default:
      // A schema's own refinement may name a message key; otherwise it is worded generally.
      return isKey(issue.message)
        ? { key: issue.message as MessageKey, params: { field } }
        : { key: 'input.wrongType', params: { field } };
  }
}

/**
 * BAD_INPUT for a failed parse: the first issue worded by key (so the UI can say it in Dutch),
 * all of them (up to five) in English in `message` for the CLI.
 */
export function badInput(e: z.ZodError): Err {
  const worded = e.issues.slice(0, 5).map(wordIssue);
  const first = worded[0] ?? { key: 'input.wrongType' as MessageKey, params: { field: '-' } };
  return errWorded(
    'BAD_INPUT',
    worded.map((w) => coreText('en', w.key, w.params)).join('; '),
    first.key,
    first.params,
    { issues: worded },
  );
}
