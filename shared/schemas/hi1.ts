import { z } from 'zod';
import { FileTarget } from './files';
import { RegisterNo } from './requests';
import { RequestStatus } from './terms';

/**
 * The ETSI TS 103 120 (HI-1) exchange: an order read in from an HI1Message, the answer written as
 * one, and the HI-1 senders an admin has linked to catalogue authorities (docs/HI1.md).
 */

/** An HI-1 endpoint as a message names it: a country code and a unique identifier. */
export const Hi1SenderKey = z.object({
  countryCode: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine((s) => /^[A-Z]{2}$/.test(s), { message: 'hi1.senderFormat' }),
  uniqueIdentifier: z.string().trim().min(1).max(200),
});
export type Hi1SenderKey = z.infer<typeof Hi1SenderKey>;

export const Hi1LinkInput = Hi1SenderKey.extend({
  /** Catalogue code (or exact name) of the authority this sender is. */
  authority: z.string().trim().min(1).max(200),
});

export const Hi1Sender = z.object({
  countryCode: z.string(),
  uniqueIdentifier: z.string(),
  authorityCode: z.string(),
  authorityName: z.string(),
  linkedBy: z.string(),
  linkedAt: z.string(),
});
export type Hi1Sender = z.infer<typeof Hi1Sender>;

/** The order file, picked or uploaded in this session (its token). */
export const Hi1ImportInput = z.object({ file: z.string().min(1).max(64) });

export const Hi1Imported = z.object({
  registerNo: z.string(),
  status: RequestStatus,
  sender: z.object({ countryCode: z.string(), uniqueIdentifier: z.string() }),
  /** The sender is linked to a catalogue authority; if not, nothing can be disclosed until it is. */
  senderLinked: z.boolean(),
  transactionId: z.string(),
  tasks: z.array(
    z.object({
      objectId: z.string(),
      ldid: z.string(),
      type: z.string(),
      /** The request's items (1-based) this task became. */
      items: z.array(z.number().int()),
    }),
  ),
  /** Actions of the message the desk does not act on (`UPDATE task:LPTaskObject` …). */
  ignored: z.array(z.string()),
});
export type Hi1Imported = z.infer<typeof Hi1Imported>;

export const Hi1ExportInput = z.object({ registerNo: RegisterNo, target: FileTarget });

export const Hi1Exported = z.object({
  saved: z.boolean(),
  name: z.string().nullable(),
  /** The message when it goes back to the caller (`inline`), else null. */
  xml: z.string().nullable(),
  sha256: z.string(),
  /** Per task: the status sent (`Disclosed`, `DisclosureNotAvailable`, `Rejected`). */
  tasks: z.array(z.object({ ldid: z.string(), status: z.string(), deliveryId: z.string() })),
});
export type Hi1Exported = z.infer<typeof Hi1Exported>;

/** Whether a request came as an HI-1 order (and so can be answered over HI-1), with its tasks. */
export const Hi1Status = z.object({
  hi1: z.boolean(),
  sender: z.object({ countryCode: z.string(), uniqueIdentifier: z.string() }).nullable(),
  senderLinked: z.boolean(),
  tasks: z.array(z.object({ ldid: z.string(), type: z.string() })),
});
export type Hi1Status = z.infer<typeof Hi1Status>;
