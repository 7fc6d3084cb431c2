import type { Capability, Role } from '../../../shared/roles';
import { can } from '../../../shared/roles';

export interface NavEntry {
  path: string;
  /** Key in the `common` namespace (`nav.<key>`). */
  key: 'requests' | 'customers' | 'stats' | 'audit' | 'settings';
  /** Capability (or any of several) needed to see it; `session` = every signed-in user. */
  needs: Capability | readonly Capability[] | 'session';
}

/** Who opens the Customers page. */
export const CUSTOMERS_PAGE: readonly Capability[] = ['customers.import', 'requests.handle'];

export const NAV: readonly NavEntry[] = [
  { path: '/requests', key: 'requests', needs: 'requests.read' },
  // Importers import; officers and approvers see what the vault holds (counts only).
  { path: '/customers', key: 'customers', needs: CUSTOMERS_PAGE },
  { path: '/stats', key: 'stats', needs: 'stats.read' },
  { path: '/audit', key: 'audit', needs: 'audit.read' },
  { path: '/settings', key: 'settings', needs: 'session' },
];

export const allowed = (role: Role, needs: NavEntry['needs']): boolean =>
  needs === 'session' || (typeof needs === 'string' ? [needs] : needs).some((c) => can(role, c));

export const navFor = (role: Role): NavEntry[] => NAV.filter((e) => allowed(role, e.needs));
