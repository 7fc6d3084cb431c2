import { z } from 'zod';
import { Language } from './common';

const line = (label: string, max: number) =>
  z.string().trim().max(max, `${label} can be at most ${max} characters.`);

/** Organisation and letterhead: what the disclosure letters and reports print at the top. */
export const Organisation = z.object({
  name: line('The organisation name', 200),
  address: line('The address', 200),
  postcode: line('The postcode', 20).refine(
    (v) => v === '' || /^[0-9A-Za-z][0-9A-Za-z -]{1,18}$/.test(v),
    'Give the postcode as letters and digits, e.g. 1234 AB.',
  ),
  city: line('The city', 100),
  kvk: line('The KvK number', 8).refine(
    (v) => v === '' || /^\d{8}$/.test(v),
    'A KvK number has exactly 8 digits.',
  ),
  email: line('The contact e-mail', 200).refine(
    (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    'Give the contact e-mail as name@example.nl.',
  ),
  phone: line('The contact phone', 40).refine(
    (v) => v === '' || /^[+0-9][0-9 ()-]{5,38}$/.test(v),
    'Give the contact phone in digits, e.g. +31 20 123 4567.',
  ),
});
export type Organisation = z.infer<typeof Organisation>;

export const MIN_REQUEST_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 30;

export const Settings = z.object({
  language: Language,
  idleLockMinutes: z
    .number()
    .int()
    .min(1, 'The idle lock needs at least 1 minute.')
    .max(240, 'The idle lock can be at most 240 minutes (4 hours).'),
  organisation: Organisation,
  /** A disclosure needs a second person's approval. Off only for a one-person desk; loudly shown. */
  fourEyes: z.boolean(),
  /** Statistics cells below this count are shown as "< n" in published figures. */
  suppressionThreshold: z
    .number()
    .int()
    .min(1, 'The suppression threshold is at least 1 (1 = show every count).')
    .max(100, 'The suppression threshold can be at most 100.'),
  /** Requests and their letters are purged this many years after they were closed. */
  retentionRequestYears: z
    .number()
    .int()
    .min(MIN_REQUEST_RETENTION_YEARS, 'Keep requests at least 1 year after closing.')
    .max(MAX_RETENTION_YEARS, `Keep requests at most ${MAX_RETENTION_YEARS} years.`),
  /** Data of former customers is purged this many months after their last assignment ended. */
  retentionCustomerMonths: z
    .number()
    .int()
    .min(1, 'Keep former customers at least 1 month.')
    .max(120, 'Keep former customers at most 120 months (10 years).'),
  /** Audit events are kept this many years; never shorter than the requests they describe. */
  retentionAuditYears: z
    .number()
    .int()
    .min(MIN_REQUEST_RETENTION_YEARS, 'Keep the audit log at least 1 year.')
    .max(MAX_RETENTION_YEARS + 10, `Keep the audit log at most ${MAX_RETENTION_YEARS + 10} years.`),
  /** Default answer deadlines per urgency (a request may carry its own; see register/deadlines.ts). */
  deadlineDaysNormal: z
    .number()
    .int()
    .min(1, 'A normal request needs at least 1 day.')
    .max(60, 'The deadline for a normal request can be at most 60 days.'),
  deadlineDaysUrgent: z
    .number()
    .int()
    .min(1, 'An urgent request needs at least 1 day.')
    .max(30, 'The deadline for an urgent request can be at most 30 days.'),
  deadlineHoursEmergency: z
    .number()
    .int()
    .min(1, 'An emergency needs at least 1 hour.')
    .max(72, 'The deadline for an emergency can be at most 72 hours.'),
  /**
   * A current-state snapshot that would close more than this share (%) of what the vault holds as
   * current is refused unless confirmed: a cut-off or half-written export must not empty the desk.
   */
  snapshotMaxClosePercent: z
    .number()
    .int()
    .min(0, 'The share a snapshot may close is at least 0%.')
    .max(100, 'The share a snapshot may close is at most 100%.'),
});
export type Settings = z.infer<typeof Settings>;

export const EMPTY_ORGANISATION: Organisation = {
  name: '',
  address: '',
  postcode: '',
  city: '',
  kvk: '',
  email: '',
  phone: '',
};

export const DEFAULT_SETTINGS: Settings = {
  language: 'nl',
  idleLockMinutes: 10,
  organisation: EMPTY_ORGANISATION,
  fourEyes: true,
  suppressionThreshold: 5,
  retentionRequestYears: 7,
  retentionCustomerMonths: 12,
  retentionAuditYears: 7,
  deadlineDaysNormal: 10,
  deadlineDaysUrgent: 3,
  deadlineHoursEmergency: 8,
  snapshotMaxClosePercent: 5,
};

export const AUDIT_SHORTER_THAN_REQUESTS =
  'Keep the audit log at least as long as the requests it describes (audit years ≥ request years).';

export const URGENT_LONGER_THAN_NORMAL =
  'An urgent request cannot have a longer deadline than a normal one (urgent days ≤ normal days).';

/** A partial update; the handler checks the combined result (e.g. audit ≥ request retention). */
export const UpdateSettingsInput = Settings.partial()
  .extend({ organisation: Organisation.partial().optional() })
  .refine(
    (s) =>
      s.retentionAuditYears === undefined ||
      s.retentionRequestYears === undefined ||
      s.retentionAuditYears >= s.retentionRequestYears,
    { message: AUDIT_SHORTER_THAN_REQUESTS, path: ['retentionAuditYears'] },
  )
  .refine(
    (s) =>
      s.deadlineDaysUrgent === undefined ||
      s.deadlineDaysNormal === undefined ||
      s.deadlineDaysUrgent <= s.deadlineDaysNormal,
    { message: URGENT_LONGER_THAN_NORMAL, path: ['deadlineDaysUrgent'] },
  );
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsInput>;

/** The letterhead logo as stored in the vault (PNG or SVG, at most LOGO_MAX_BYTES). */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LogoInfo = z.object({
  mime: z.enum(['image/png', 'image/svg+xml']),
  size: z.number().int(),
  sha256: z.string(),
  name: z.string(),
});
export type LogoInfo = z.infer<typeof LogoInfo>;
export const Logo = LogoInfo.extend({ base64: z.string() });
export type Logo = z.infer<typeof Logo>;
export const SetLogoInput = z.object({ token: z.string().min(1).max(64) });
