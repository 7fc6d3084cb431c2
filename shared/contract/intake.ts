import { Ack, Empty } from '../schemas/common';
import { Draft, ExtractInput } from '../schemas/intake';
import { spec } from './spec';

/**
 * Intake: a request document (a picked file's token, or pasted text) read in as a draft request
 * for the officer to confirm. Reading stores nothing; logging the confirmed draft is
 * `requests.create`. Needs `requests.handle`, as logging does.
 */
export const intakeContract = {
  'intake.extract': spec(ExtractInput, Draft, 'requests.handle'),
  /** Starts the session's reading worker now (the wizard opened), so the first document need not wait for it. */
  'intake.warm': spec(Empty, Ack, 'requests.handle'),
};
