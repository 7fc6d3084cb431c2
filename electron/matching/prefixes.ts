import { maskIp, type IpAddress } from '../../shared/identifiers';
import type { IpRow } from './rows';

/**
 * The assignment rows of an address: for each prefix length in use (longest first), the address
 * masked to that length is the prefix's ip_from (prefixes are CIDR-aligned); `look` reads the
 * rows of one such prefix.
 */
export function rowsByPrefix(
  address: IpAddress,
  lengths: number[],
  look: (ipFrom: Buffer, len: number) => IpRow[],
): IpRow[] {
  const rows: IpRow[] = [];
  for (const len of lengths) {
    const from = maskIp(address.bytes, address.family, len);
    rows.push(...look(Buffer.from(from.buffer, from.byteOffset, from.byteLength), len));
  }
  return rows;
}

/** The rows that hold the source port: a whole address or prefix, or the port block with it. */
export const holdingPort = (rows: IpRow[], port: number | null): IpRow[] =>
  rows.filter((r) => r.port_from === null || (port! >= r.port_from && port! <= r.port_to!));

/** The identifier as the record holds it: the prefix, with its port block for CGNAT. */
export const ipIdentifier = (r: IpRow): string =>
  r.port_from === null ? r.prefix : `${r.prefix} ports ${r.port_from}-${r.port_to}`;
