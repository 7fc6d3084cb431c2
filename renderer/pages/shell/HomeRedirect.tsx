import { Navigate } from 'react-router';
import { useSession } from '../../session/SessionProvider';
import { navFor } from './nav';

/** The start page: the first section this role may open. */
export function HomeRedirect() {
  const role = useSession().state?.user?.role;
  const first = role ? navFor(role)[0] : undefined;
  return <Navigate to={first?.path ?? '/settings'} replace />;
}
