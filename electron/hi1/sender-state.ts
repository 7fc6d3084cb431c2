import type { Db } from '../core/db';

/**
 * Whether a request came as an HI-1 order and, if so, whether its sender is linked to an
 * authority: what the register's checks read (checks.ts `hi1_sender_unknown`). A leaf: the
 * register reads it without importing the rest of the HI-1 domain.
 */
export interface Hi1SenderFact {
  country: string;
  identifier: string;
  linked: boolean;
}

export function hi1SenderFact(db: Db, requestId: number): Hi1SenderFact | null {
  const row = db
    .prepare(
      `SELECT h.sender_country AS country, h.sender_identifier AS identifier,
         s.authority_code IS NOT NULL AS linked
       FROM request_hi1 h LEFT JOIN hi1_sender s
         ON s.country_code = h.sender_country AND s.unique_identifier = h.sender_identifier
       WHERE h.request_id = ?`,
    )
    .get(requestId) as { country: string; identifier: string; linked: number } | undefined;
  return row
    ? { country: row.country, identifier: row.identifier, linked: row.linked === 1 }
    : null;
}

/** The authority code a sender is linked to, or null. */
export function linkedAuthorityCode(
  db: Db,
  countryCode: string,
  uniqueIdentifier: string,
): string | null {
  const r = db
    .prepare(
      'SELECT authority_code FROM hi1_sender WHERE country_code = ? AND unique_identifier = ?',
    )
    .get(countryCode, uniqueIdentifier) as { authority_code: string } | undefined;
  return r?.authority_code ?? null;
}
