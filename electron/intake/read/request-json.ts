import type { Draft } from '../../../shared/schemas/intake';
import { NewRequestInput } from '../../../shared/schemas/requests';
import { refuse } from './limits';
import { decodeText } from './text';

/**
 * Request JSON read in as it is: validated against NewRequestInput, then passed through as the
 * draft (every value "stated" by the file itself), so a JSON file and a letter land in the same
 * confirm step.
 */
export function readRequestJson(bytes: Uint8Array): Draft {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeText(bytes));
  } catch (e) {
    refuse('invalid_request_json', `The file is not valid JSON (${(e as Error).message}).`, {
      issues: 'json',
    });
  }
  const parsed = NewRequestInput.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    refuse(
      'invalid_request_json',
      `The request JSON does not match docs/REQUEST-JSON.md: ${issues}`,
      { issues },
    );
  }
  const r = parsed.data;
  const {
    items,
    verification: _v,
    documentToken: _t,
    rcAuthorisation: _rc,
    note: _n,
    ...fields
  } = r;
  const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return {
    ...(kept as Omit<Draft, 'items' | 'extraction' | 'warnings'>),
    items: items.map((i) => ({
      kind: i.kind,
      value: i.value,
      ...(i.port !== undefined && /^\d+$/.test(String(i.port)) ? { port: Number(i.port) } : {}),
      moment: i.moment,
      ...(i.timeZone ? { timeZone: i.timeZone } : {}),
    })),
    extraction: {
      document: { kind: 'json', pages: 0, origins: [] },
      fields: Object.fromEntries(Object.keys(kept).map((k) => [k, { reason: 'request_json' }])),
      ignored: [],
    },
    warnings: [],
  };
}
