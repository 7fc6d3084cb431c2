import { CORE_MESSAGES } from '../../shared/messages';
import type { Namespace, UiLanguage } from './namespaces';
import nlAudit from './locales/nl/audit.json';
import nlCatalogue from './locales/nl/catalogue.json';
import nlCommon from './locales/nl/common.json';
import nlCustomers from './locales/nl/customers.json';
import nlEpoc from './locales/nl/epoc.json';
import nlErrors from './locales/nl/errors.json';
import nlFirstSteps from './locales/nl/firstSteps.json';
import nlHolds from './locales/nl/holds.json';
import nlIntake from './locales/nl/intake.json';
import nlLetters from './locales/nl/letters.json';
import nlOps from './locales/nl/ops.json';
import nlRequests from './locales/nl/requests.json';
import nlSettings from './locales/nl/settings.json';
import nlStats from './locales/nl/stats.json';
import nlUsers from './locales/nl/users.json';
import nlVault from './locales/nl/vault.json';
import enAudit from './locales/en/audit.json';
import enCatalogue from './locales/en/catalogue.json';
import enCommon from './locales/en/common.json';
import enCustomers from './locales/en/customers.json';
import enEpoc from './locales/en/epoc.json';
import enErrors from './locales/en/errors.json';
import enFirstSteps from './locales/en/firstSteps.json';
import enHolds from './locales/en/holds.json';
import enIntake from './locales/en/intake.json';
import enLetters from './locales/en/letters.json';
import enOps from './locales/en/ops.json';
import enRequests from './locales/en/requests.json';
import enSettings from './locales/en/settings.json';
import enStats from './locales/en/stats.json';
import enUsers from './locales/en/users.json';
import enVault from './locales/en/vault.json';

/** Dutch is the source language; its shape types every `t()` key (see i18next.d.ts). */
export const nl = {
  common: nlCommon,
  vault: nlVault,
  users: nlUsers,
  audit: nlAudit,
  settings: nlSettings,
  errors: nlErrors,
  customers: nlCustomers,
  requests: nlRequests,
  intake: nlIntake,
  letters: nlLetters,
  stats: nlStats,
  ops: nlOps,
  catalogue: nlCatalogue,
  firstSteps: nlFirstSteps,
  epoc: nlEpoc,
  holds: nlHolds,
  core: CORE_MESSAGES.nl,
} satisfies Record<Namespace, object>;

export const en = {
  common: enCommon,
  vault: enVault,
  users: enUsers,
  audit: enAudit,
  settings: enSettings,
  errors: enErrors,
  customers: enCustomers,
  requests: enRequests,
  intake: enIntake,
  letters: enLetters,
  stats: enStats,
  ops: enOps,
  catalogue: enCatalogue,
  firstSteps: enFirstSteps,
  epoc: enEpoc,
  holds: enHolds,
  core: CORE_MESSAGES.en,
} satisfies Record<Namespace, object>;

export const RESOURCES: Record<UiLanguage, Record<Namespace, object>> = { nl, en };
