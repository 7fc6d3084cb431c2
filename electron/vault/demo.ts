/**
 * Who signs in to the demo vault. The demo holds synthetic data only, so its passphrase is fixed
 * and shown on the unlock screen.
 */
export const DEMO_ADMIN = 'demo-admin';
export const DEMO_PASSPHRASE = 'demo wachtwoordzin 2026';
export const DEMO_ORG = 'Demonet Telecom B.V. (DEMO)';
