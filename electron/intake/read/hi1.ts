import type { Draft } from '../../../shared/schemas/intake';
import { orderOf, readHi1Message } from '../../hi1/message';
import { isEpocLegalType, requestFromOrder } from '../../hi1/to-request';

/**
 * An ETSI TS 103 120 (HI-1) order read in as a draft, like request JSON: the same mapping as
 * `naw-desk hi1 import` (electron/hi1/to-request.ts), with the same refusals of hostile XML before
 * parsing. Intake holds no vault, so the authority (which sender is which authority is the vault's
 * link) is left for the officer, and so is the verification; the legal type is offered as written.
 */
export function readHi1Draft(bytes: Uint8Array): Draft {
  const order = orderOf(readHi1Message(bytes));
  const { input } = requestFromOrder(order, {
    authority: null,
    basisCode: order.authorisation.legalType ?? '',
    epoc: isEpocLegalType(order.authorisation.legalType),
    nowIso: new Date().toISOString(),
    userName: '',
  });
  const { authority: _a, verification: _v, note: _n, items, epoc: full, ...rest } = input;
  // The draft's epoc block states only what there is (no nulls, no flag the certificate lacks).
  const epoc = full
    ? Object.fromEntries(
        Object.entries(full).filter(([k, v]) => v !== null && k !== 'enforcingStateNotified'),
      )
    : undefined;
  const fields = { ...rest, ...(epoc ? { epoc } : {}) };
  const kept = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''),
  );
  return {
    ...(kept as Omit<Draft, 'items' | 'extraction' | 'warnings'>),
    items: items.map((i) => ({
      kind: i.kind,
      value: i.value,
      ...(i.port !== undefined && /^\d+$/.test(String(i.port)) ? { port: Number(i.port) } : {}),
      ...(i.moment ? { moment: i.moment } : {}),
      ...(i.period ? { period: i.period } : {}),
      ...(i.timeZone ? { timeZone: i.timeZone } : {}),
    })),
    extraction: {
      document: { kind: 'hi1', pages: 0, origins: [] },
      fields: Object.fromEntries(Object.keys(kept).map((k) => [k, { reason: 'hi1_message' }])),
      ignored: [],
    },
    warnings: [],
  };
}
