import type { DeskCallError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * ErrorAlert plus the core's reason for refusals whose generic text would not say enough (last
 * admin, own account, data changed since the preview …).
 */
export function OpsError({ error }: { error: DeskCallError | null }) {
  return (
    <ErrorAlert error={error}>
      {error && error.code === 'CONFLICT' && <p className="alert__detail">{error.message}</p>}
    </ErrorAlert>
  );
}
