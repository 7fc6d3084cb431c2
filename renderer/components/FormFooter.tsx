import type { ReactNode } from 'react';
import type { ErrorCode } from '../../shared/result';
import type { DeskCallError } from '../api';
import { ErrorAlert, StatusMessage } from './ErrorAlert';

/**
 * The end of a form: the failed call, the announced success message (when the form has one) and
 * the submit button, disabled while the call runs; `children` are further buttons beside it.
 */
export function FormFooter({
  error,
  showReason,
  status,
  busy,
  submit,
  children,
}: {
  error: DeskCallError | null;
  showReason?: readonly ErrorCode[] | 'always';
  /** Omitted: the form has no success message (it moves on instead). */
  status?: ReactNode;
  busy: boolean;
  submit: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <ErrorAlert error={error} showReason={showReason} />
      {status !== undefined && <StatusMessage>{status}</StatusMessage>}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {submit}
        </button>
        {children}
      </div>
    </>
  );
}
