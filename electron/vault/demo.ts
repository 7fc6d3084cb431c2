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
/**
 * The passphrase KDF cost of the accounts the demo seeder creates: 16 MiB instead of the real
 * vault's 128 MiB (N=2^17), about 8 times faster. Their passphrase is printed on the unlock screen
 * and the vault holds synthetic data only, so the full cost would guard nothing while making the
 * first demo take seconds longer. Confined to the seeder; every slot records its own cost, and an
 * account added or a passphrase changed later in the demo vault gets the full cost again.
 */
export const DEMO_KDF_COST = { N: 2 ** 14, r: 8, p: 1 } as const;
export const DEMO_ORG = 'Demonet Telecom B.V. (DEMO)';
