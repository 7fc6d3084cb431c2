/** Roles and what each may do. The handler table checks these in one place. */
export const ROLES = ['officer', 'approver', 'admin', 'auditor', 'importer'] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  'requests.handle', // log, check, match, decide requests
  'requests.approve', // approve another user's disclosure (four eyes)
  'requests.read', // see the register
  'customers.import', // import customer data (CSV): the person or job that holds the CRM export
  'users.manage',
  'settings.manage',
  'audit.read',
  'stats.read',
  'vault.read', // see what the vault holds (counts only)
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * Importing is kept apart from handling requests: an import's counts and refusals answer questions
 * about the data held (is this number still this customer's?), so only the importer — who already
 * holds the CRM export — runs them, and the importer sees no request and no subscriber data.
 */
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
  importer: ['customers.import', 'vault.read'],
};

export const can = (role: Role, capability: Capability): boolean =>
  ROLE_CAPABILITIES[role].includes(capability);
