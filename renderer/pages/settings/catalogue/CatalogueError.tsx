import type { DeskCallError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** ErrorAlert plus the core's reason for conflicts (name taken, still in use, duplicate channel). */
export function CatalogueError({ error }: { error: DeskCallError | null }) {
  return (
    <ErrorAlert error={error}>
      {error && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') && (
        <p className="alert__detail">{error.message}</p>
      )}
    </ErrorAlert>
  );
}
