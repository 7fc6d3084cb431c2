/**
 * Who signs in to the demo vault. The demo holds synthetic data only, so its passphrase is fixed
 * and shown on the unlock screen.
 */
export const DEMO_ADMIN = 'demo-admin';
/** The demo's accounts, one per role, all with the demo passphrase: the admin cannot log requests. */
export const DEMO_USERS = [
  { name: DEMO_ADMIN, role: 'admin' },
  { name: 'demo-officer', role: 'officer' },
  { name: 'demo-approver', role: 'approver' },
  { name: 'demo-auditor', role: 'auditor' },
  { name: 'demo-importer', role: 'importer' },
] as const;
export const DEMO_PASSPHRASE = 'demo wachtwoordzin 2026';
export const DEMO_ORG = 'Demonet Telecom B.V. (DEMO)';
