/** Roles and what each may do. The handler table checks these in one place. */
export const ROLES = ['officer', 'approver', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  'requests.handle', // log, check, match, decide requests; import customer data
  'requests.approve', // approve another user's disclosure (four eyes)
  'requests.read', // see the register
  'users.manage',
  'settings.manage',
  'audit.read',
  'stats.read',
  'vault.read', // see what the vault holds (counts only)
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  officer: ['requests.handle', 'requests.read', 'stats.read', 'vault.read'],
  approver: ['requests.handle', 'requests.approve', 'requests.read', 'stats.read', 'vault.read'],
  admin: [
    'users.manage',
    'settings.manage',
    'audit.read',
    'stats.read',
    'vault.read',
    'requests.read',
  ],
  auditor: ['audit.read', 'stats.read', 'vault.read'],
};

export const can = (role: Role, capability: Capability): boolean =>
  ROLE_CAPABILITIES[role].includes(capability);
