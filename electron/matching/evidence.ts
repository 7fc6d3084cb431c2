import type { Evidence, NawData, Subscriber } from '../../shared/schemas/matching';

/** What the matcher reads from one assignment or NAW-version row (joined with its import). */
export interface SourceRow {
  id: number;
  customer_id: string;
  valid_from: number;
  valid_to: number | null;
  import_id: number | null;
  file_name: string | null;
  file_sha256: string | null;
  finished_at: number | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function evidenceOf(table: Evidence['table'], row: SourceRow, identifier: string): Evidence {
  return {
    table,
    id: row.id,
    customerId: row.customer_id,
    identifier,
    validFrom: new Date(row.valid_from).toISOString(),
    validTo: iso(row.valid_to),
    importId: row.import_id,
    importFile: row.file_name,
    importSha256: row.file_sha256,
    importedAt: iso(row.finished_at),
  };
}

export interface VersionRow extends SourceRow {
  name: string;
  street: string | null;
  house_number: string | null;
  house_number_addition: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
}

export const nawOf = (v: VersionRow): NawData => ({
  name: v.name,
  street: v.street,
  houseNumber: v.house_number,
  houseNumberAddition: v.house_number_addition,
  postcode: v.postcode,
  city: v.city,
  country: v.country,
});

const sameNaw = (a: NawData, b: NawData): boolean =>
  (Object.keys(a) as (keyof NawData)[]).every((k) => a[k] === b[k]);

/** The subscriber as at the moment, with today's data only where it differs. */
export function subscriberOf(
  customerId: string,
  serviceType: string | null,
  atMoment: VersionRow | null,
  today: VersionRow | null,
): Subscriber {
  const then: NawData = atMoment
    ? nawOf(atMoment)
    : {
        name: '',
        street: null,
        houseNumber: null,
        houseNumberAddition: null,
        postcode: null,
        city: null,
        country: null,
      };
  const now = today ? nawOf(today) : null;
  return {
    customerId,
    serviceType,
    ...then,
    versionValidFrom: atMoment ? new Date(atMoment.valid_from).toISOString() : null,
    current: now && !sameNaw(then, now) ? now : null,
  };
}
