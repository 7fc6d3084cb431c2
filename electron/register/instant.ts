import { resolveMoment } from '../../shared/moment';
import { wordedError } from '../core/errors';

/**
 * A date-time the desk is told (when a request arrived, was verified, its letter was sent): ISO
 * with offset, or local time in Europe/Amsterdam. A local time the clocks skipped or passed twice
 * is refused with what to write instead.
 */
export function instantOf(field: string, text: string): string {
  const r = resolveMoment(text, 'Europe/Amsterdam');
  if (r.status === 'ok') return r.utc;
  if (r.status === 'ambiguous_time') {
    throw wordedError('BAD_INPUT', 'register.momentTwice', {
      field,
      text,
      example: `${text}${r.candidates[0]!.offset}`,
    });
  }
  throw wordedError('BAD_INPUT', 'input.invalid', { field, problem: r.reason });
}
