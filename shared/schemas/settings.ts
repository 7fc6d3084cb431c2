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
    'settings.postcodeFormat',
  ),
  city: line('The city', 100),
  kvk: line('The KvK number', 8).refine((v) => v === '' || /^\d{8}$/.test(v), 'settings.kvkFormat'),
  email: line('The contact e-mail', 200).refine(
    (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    'settings.emailFormat',
  ),
  phone: line('The contact phone', 40).refine(
    (v) => v === '' || /^[+0-9][0-9 ()-]{5,38}$/.test(v),
    'settings.phoneFormat',
  ),
});
export type Organisation = z.infer<typeof Organisation>;

export const MIN_REQUEST_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 30;

export const Settings = z.object({
  language: Language,
  idleLockMinutes: z.number().int().min(1, 'input.minutes.min').max(240, 'input.minutes.max'),
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
    .min(MIN_REQUEST_RETENTION_YEARS, 'input.years.min')
    .max(MAX_RETENTION_YEARS, 'input.years.max'),
  /** Data of former customers is purged this many months after their last assignment ended. */
  retentionCustomerMonths: z.number().int().min(1, 'input.months.min').max(120, 'input.months.max'),
  /** Audit events are kept this many years; never shorter than the requests they describe. */
  retentionAuditYears: z
    .number()
    .int()
    .min(MIN_REQUEST_RETENTION_YEARS, 'input.years.min')
    .max(MAX_RETENTION_YEARS + 10, 'input.years.max'),
  /** Default answer deadlines per urgency (a request may carry its own; see register/deadlines.ts). */
  deadlineDaysNormal: z.number().int().min(1, 'input.days.min').max(60, 'input.days.max'),
  deadlineDaysUrgent: z.number().int().min(1, 'input.days.min').max(30, 'input.days.max'),
  deadlineHoursEmergency: z.number().int().min(1, 'input.hours.min').max(72, 'input.hours.max'),
  /**
   * A current-state snapshot that would close more than this share (%) of what the vault holds as
   * current is refused unless confirmed: a cut-off or half-written export must not empty the desk.
   */
  snapshotMaxClosePercent: z
    .number()
    .int()
    .min(0, 'input.percent.min')
    .max(100, 'input.percent.max'),
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

/** Message keys (shared/messages) of the refinements below. */
export const AUDIT_SHORTER_THAN_REQUESTS = 'settings.auditShorterThanRequests';

export const URGENT_LONGER_THAN_NORMAL = 'settings.urgentLongerThanNormal';

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
