import { useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ROLES, type Role } from '../../../shared/roles';

/**
 * A link into Settings may name the heading to focus once its section shows what it loaded (a
 * shell notice, the sub-navigation). The name travels in the location state, so the section
 * itself focuses its heading when its content is there: no waiting and polling from outside.
 */
interface Arrival {
  focus: string;
  /** For the users section: the role the add-user form offers first (a first-steps link). */
  role?: Role;
}

export const arrivalState = (headingId: string, role?: Role): Arrival =>
  role ? { focus: headingId, role } : { focus: headingId };

/** The role a link into the users section asked the add-user form to offer, if any. */
export function arrivalRole(state: unknown): Role | null {
  const role = (state as Partial<Arrival> | null)?.role;
  return (ROLES as readonly string[]).includes(role as string) ? (role as Role) : null;
}

/** The heading a link into Settings named, if any. */
export function arrivalTarget(state: unknown): string | null {
  const focus = (state as Partial<Arrival> | null)?.focus;
  return typeof focus === 'string' ? focus : null;
}

/**
 * For a section's heading (`ref` it, with `tabIndex={-1}`): when the link named it, focus it as
 * soon as `ready` says the section rendered its loaded content. A layout effect, so the focus is
 * there in the same commit as the content. Once focused, the instruction is dropped from the
 * location, so a reload or a later re-render leaves focus where the user put it.
 */
export function useFocusOnArrival(headingId: string, ready: boolean) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const handled = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!ready || handled.current === location.key) return;
    if (arrivalTarget(location.state) !== headingId) return;
    handled.current = location.key;
    heading.current?.focus();
    void navigate(location.pathname, { replace: true, state: null });
  }, [ready, location, headingId, navigate]);
  return heading;
}
