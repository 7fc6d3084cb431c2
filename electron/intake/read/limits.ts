import type { RefusalReason } from '../../../shared/schemas/intake';
import { DeskError } from '../../core/errors';

/**
 * What intake reads at most. A request document is a letter, a mail or a form: these limits are
 * far above any real one and well below what could hurt the app (a zip bomb, a 2 GB attachment).
 */
export const LIMITS = {
  /** The file as picked, the same limit as a stored request document. */
  fileBytes: 25 * 1024 * 1024,
  /** One attachment, decoded. */
  attachmentBytes: 25 * 1024 * 1024,
  attachments: 20,
  pages: 300,
  /** What a PDF's compressed streams may unpack to, together. */
  inflatedBytes: 256 * 1024 * 1024,
  /** Text kept over all pages; the rest is cut off. */
  textChars: 4_000_000,
  /** The reading worker: heap and wall-clock limits. */
  workerHeapMb: 384,
  workerSeconds: 30,
} as const;

/** Refuses a document: BAD_INPUT, with the reason code and its parameters for the UI. */
export function refuse(
  reason: RefusalReason,
  message: string,
  params: Record<string, string | number> = {},
): never {
  throw new DeskError('BAD_INPUT', message, { reason, params });
}
