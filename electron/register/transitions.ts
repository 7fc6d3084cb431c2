import type { DecisionOutcome, RequestStatus } from '../../shared/schemas/terms';

/** The steps that move a request through the register (amending it moves nothing). */
export const REQUEST_ACTIONS = [
  'check',
  'match',
  'disclose',
  'no_data',
  'refuse',
  'refer',
  'approve',
  'reject',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * Status × step → status: received → checked → matched → awaiting_approval → disclosed, or
 * no_data, refused or referred. A step a status does not list is impossible from it. Checking
 * and matching again keep the status; a received request is checked before it is matched or
 * decided (a decision without checks does not exist). The decided statuses list no step: a
 * decided request only grows by amendments.
 */
export const TRANSITIONS: {
  readonly [S in RequestStatus]: Readonly<Partial<Record<RequestAction, RequestStatus>>>;
} = {
  received: { check: 'checked' },
  checked: { check: 'checked', match: 'matched', refuse: 'refused', refer: 'referred' },
  matched: {
    check: 'matched',
    match: 'matched',
    disclose: 'awaiting_approval',
    no_data: 'no_data',
    refuse: 'refused',
    refer: 'referred',
  },
  awaiting_approval: { approve: 'disclosed', reject: 'matched' },
  disclosed: {},
  no_data: {},
  refused: {},
  referred: {},
};

/** Where the step leads from `from`; null when the table does not allow it. */
export const nextStatus = (from: RequestStatus, action: RequestAction): RequestStatus | null =>
  TRANSITIONS[from][action] ?? null;

/** The step a decision with this outcome takes. */
export const DECISION_STEP: Readonly<Record<DecisionOutcome, RequestAction>> = {
  disclose: 'disclose',
  no_data: 'no_data',
  refuse: 'refuse',
  referred: 'refer',
};
