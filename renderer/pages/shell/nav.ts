import type { Capability, Role } from '../../../shared/roles';
import { can } from '../../../shared/roles';

export interface NavEntry {
  path: string;
  /** Key in the `common` namespace (`nav.<key>`). */
  key: 'requests' | 'customers' | 'stats' | 'audit' | 'settings';
  /** Capability needed to see it; `session` = every signed-in user. */
  needs: Capability | 'session';
}

export const NAV: readonly NavEntry[] = [
  { path: '/requests', key: 'requests', needs: 'requests.read' },
  { path: '/customers', key: 'customers', needs: 'requests.handle' },
  { path: '/stats', key: 'stats', needs: 'stats.read' },
  { path: '/audit', key: 'audit', needs: 'audit.read' },
  { path: '/settings', key: 'settings', needs: 'session' },
];

export const allowed = (role: Role, needs: NavEntry['needs']): boolean =>
  needs === 'session' || can(role, needs);

export const navFor = (role: Role): NavEntry[] => NAV.filter((e) => allowed(role, e.needs));
