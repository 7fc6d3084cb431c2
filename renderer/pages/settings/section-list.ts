import type { NavEntry } from '../shell/nav';
import { arrivalState } from './arrival';
import type { Role } from '../../../shared/roles';

/**
 * The sections of Settings, in the order of the sub-navigation, grouped as a compliance desk
 * thinks of them. Each is its own route `/settings/<key>`; `heading` is the id of its first h2,
 * focused when a link arrives there. `needs` hides a section from roles that cannot use it (the
 * core checks every call again).
 */
export const SETTINGS_SECTIONS = [
  { key: 'users', group: 'organisation', needs: 'users.manage', heading: 'users-heading' },
  { key: 'organisation', group: 'organisation', needs: 'settings.manage', heading: 'org-heading' },
  { key: 'general', group: 'rules', needs: 'settings.manage', heading: 'general-heading' },
  {
    key: 'deadlines',
    group: 'rules',
    needs: 'settings.manage',
    heading: 'deadline-rules-heading',
  },
  { key: 'policy', group: 'rules', needs: 'settings.manage', heading: 'policy-heading' },
  // Those who handle or read requests read the catalogue (call-back channels); admins edit it.
  {
    key: 'authorities',
    group: 'catalogue',
    needs: 'requests.read',
    heading: 'authorities-heading',
  },
  { key: 'legal-bases', group: 'catalogue', needs: 'requests.read', heading: 'bases-heading' },
  { key: 'retention', group: 'data', needs: 'settings.manage', heading: 'purge-heading' },
  { key: 'backup', group: 'data', needs: 'settings.manage', heading: 'backup-heading' },
  { key: 'passphrase', group: 'account', needs: 'session', heading: 'own-pass-heading' },
] as const satisfies readonly {
  key: string;
  group: string;
  needs: NavEntry['needs'];
  heading: string;
}[];

export type SettingsSectionKey = (typeof SETTINGS_SECTIONS)[number]['key'];
export type SettingsGroup = (typeof SETTINGS_SECTIONS)[number]['group'];

export const settingsPath = (key: SettingsSectionKey): string => `/settings/${key}`;

/**
 * A link to a section that focuses its heading once the section has loaded; into the users
 * section it may name the role the add-user form offers first.
 */
export function sectionLink(key: SettingsSectionKey, role?: Role) {
  const section = SETTINGS_SECTIONS.find((s) => s.key === key)!;
  return { to: settingsPath(key), state: arrivalState(section.heading, role) };
}
