import { closeSync, openSync, writeSync } from 'node:fs';
import { parseTime } from '../electron/customers/fields';

/**
 * Deterministic synthetic customer data for the import benchmark: Dutch-looking names, streets,
 * postcodes and cities; numbers written the ways CRM exports write them; CGNAT port blocks on
 * shared public IPv4 addresses, dedicated IPv4 addresses, IPv6 /48 and /56 prefixes; some history
 * (address changes, numbers and address blocks changing hands). Every row comes both as CSV text
 * (for the import) and as the normalised values a bare insert writes (for the baseline).
 */

const FIRST = [
  'Jan',
  'Piet',
  'Kees',
  'Henk',
  'Sanne',
  'Eva',
  'Lotte',
  'Daan',
  'Sem',
  'Emma',
  'Julia',
  'Bram',
  'Fleur',
  'Lieke',
  'Ruben',
  'Thijs',
  'Anouk',
  'Noor',
  'Milan',
  'Tess',
  'Joost',
  'Marieke',
  'Wim',
  'Ingrid',
  'Femke',
  'Jeroen',
  'Maarten',
  'Saskia',
  'Youssef',
  'Fatima',
  'Mohamed',
  'Ayşe',
];
const INFIX = ['', '', '', '', 'de ', 'van ', 'van der ', 'van den ', 'de la ', 'ter ', "van 't "];
const LAST = [
  'Jansen',
  'Vries',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Mulder',
  'Boer',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Brouwer',
  'Dijk',
  'Wit',
  'Dijkstra',
  'Smits',
  'Graaf',
  'Berg',
  'Kok',
  'Jacobs',
  'Vermeulen',
  'Willems',
  'Haan',
  'Schouten',
  'Hoekstra',
  'Koster',
  'Prins',
];
const STREET = [
  'Dorpsstraat',
  'Kerkstraat',
  'Molenweg',
  'Schoolstraat',
  'Stationsweg',
  'Julianalaan',
  'Beatrixstraat',
  'Wilhelminapark',
  'Marktplein',
  'Nieuwe Gracht',
  'Oude Delft',
  'Lindenlaan',
  'Eikenlaan',
  'Prinsengracht',
  'Hoofdstraat',
  'Burgemeester de Withstraat',
  'Zeeweg',
];
const CITY = [
  'Amsterdam',
  'Rotterdam',
  'Den Haag',
  'Utrecht',
  'Eindhoven',
  'Groningen',
  'Tilburg',
  'Almere',
  'Breda',
  'Nijmegen',
  'Apeldoorn',
  'Haarlem',
  'Arnhem',
  'Zwolle',
  "'s-Hertogenbosch",
  'Leeuwarden',
  'Maastricht',
  'Delft',
  'Zaandam',
  'Enschede',
];
const LETTERS = 'ABCDEGHJKLMNPRTVWXZ';
const MOBILE_2ND = [1, 2, 3, 4, 5, 8];
const AREA = [
  10, 13, 15, 20, 23, 24, 30, 33, 35, 40, 43, 45, 50, 53, 55, 70, 71, 72, 73, 74, 75, 76, 77, 78,
  79,
];

/** A bijection on [0, m) (m = 10^k; the factor is odd and not a multiple of 5). */
const scramble = (x: number, m: number) => Number((BigInt(x) * 7_654_321n) % BigInt(m));

/** Small fast PRNG (mulberry32), seeded per data set: the same rows for import and baseline. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const cid = (i: number) => `K${pad(i, 8)}`;

const DAYS = 4018; // 2015-01-01 … 2025-12-31
const dayText = (d: number) => new Date(Date.UTC(2015, 0, 1 + d)).toISOString().slice(0, 10);
const timeOf = (text: string): number => {
  const t = parseTime(text);
  if (!t.ok) throw new Error(`bench generator made a bad time: ${text}`);
  return t.value;
};

export interface CustomerValues {
  customerId: string;
  name: string;
  street: string;
  houseNumber: string;
  addition: string | null;
  postcode: string;
  city: string;
  country: string;
  email: string;
  type: 'person' | 'business';
  kvk: string | null;
  from: number;
  to: number | null;
}

export interface NumberValues {
  e164: string;
  given: string;
  customerId: string;
  service: 'mobile' | 'fixed' | 'voip';
  from: number;
  to: number | null;
}

export interface IpValues {
  family: 4 | 6;
  prefix: string;
  prefixLength: number;
  ipFrom: Buffer;
  ipTo: Buffer;
  portFrom: number | null;
  portTo: number | null;
  customerId: string;
  from: number;
  to: number | null;
}

export interface Row<V> {
  csv: string;
  values: V;
}

const csvField = (s: string) => (/[";,\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const CUSTOMER_HEADER =
  'customer_id;name;street;house_number;house_number_addition;postcode;city;country;email;customer_type;kvk_number;valid_from;valid_to';
export const NUMBER_HEADER = 'number,customer_id,service,valid_from,valid_to';
export const IP_HEADER = 'prefix,port_from,port_to,customer_id,valid_from,valid_to';

/** Customers: one version each, a fifth with an earlier address (two rows). `;`-separated. */
export function* customerRows(n: number): Generator<Row<CustomerValues>> {
  const r = rng(1);
  for (let i = 0; i < n; i++) {
    const business = r() < 0.1;
    const last = pick(r, LAST);
    const name = business
      ? `${last} ${pick(r, ['Installatietechniek', 'Bakkerij', 'Advies', 'Transport', 'Holding'])} B.V.`
      : `${pick(r, FIRST)} ${pick(r, INFIX)}${last}`;
    const versions = r() < 0.2 ? 2 : 1;
    const start = Math.floor(r() * (DAYS - 400));
    const change = start + 30 + Math.floor(r() * 360);
    for (let v = 0; v < versions; v++) {
      const street = pick(r, STREET);
      const houseNumber = String(1 + Math.floor(r() * 250));
      const addition = r() < 0.1 ? pick(r, ['A', 'B', 'bis', '1-hoog', 'II']) : null;
      const digits = 1000 + Math.floor(r() * 9000);
      const letters = pick(r, LETTERS.split('')) + pick(r, LETTERS.split(''));
      const postcode = `${digits} ${letters}`;
      const postcodeText = r() < 0.3 ? `${digits}${letters.toLowerCase()}` : postcode;
      const city = pick(r, CITY);
      const email = `${last.toLowerCase()}.${i}@example.nl`;
      const fromText = dayText(v === 0 ? start : change);
      const toText = versions === 2 && v === 0 ? dayText(change) : '';
      const values: CustomerValues = {
        customerId: cid(i),
        name,
        street,
        houseNumber,
        addition,
        postcode,
        city,
        country: 'NL',
        email,
        type: business ? 'business' : 'person',
        kvk: business ? pad(10_000_000 + (i % 89_999_999), 8) : null,
        from: timeOf(fromText),
        to: toText ? timeOf(toText) : null,
      };
      const csv = [
        values.customerId,
        csvField(name),
        csvField(street),
        houseNumber,
        addition ?? '',
        postcodeText,
        csvField(city),
        'NL',
        email,
        values.type,
        values.kvk ?? '',
        fromText,
        toText,
      ].join(';');
      yield { csv, values };
    }
  }
}

/** Number assignments: mobile and geographic numbers in five notations; a tenth changed hands. */
export function* numberRows(n: number, customers: number): Generator<Row<NumberValues>> {
  const r = rng(2);
  let i = 0;
  let k = 0;
  while (k < n) {
    const mobile = i % 5 !== 4;
    let nsn: string;
    if (mobile) {
      const j = Math.floor(i / 5) * 4 + (i % 5);
      nsn = `6${MOBILE_2ND[j % 6]}${pad(scramble(Math.floor(j / 6), 10_000_000), 7)}`;
    } else {
      const j = Math.floor(i / 5);
      nsn = `${AREA[j % AREA.length]}${pad(scramble(Math.floor(j / AREA.length), 10_000_000), 7)}`;
    }
    i++;
    const e164 = `+31${nsn}`;
    const area = nsn.startsWith('6') ? 1 : nsn.length - 7;
    const notation = Math.floor(r() * 5);
    const given =
      notation === 0
        ? `0${nsn.slice(0, area)}-${nsn.slice(area)}`
        : notation === 1
          ? `0${nsn}`
          : notation === 2
            ? `+31 ${nsn.slice(0, area)} ${nsn.slice(area, area + 4)} ${nsn.slice(area + 4)}`
            : notation === 3
              ? `0031${nsn}`
              : `(0${nsn.slice(0, area)}) ${nsn.slice(area)}`;
    const service: NumberValues['service'] = mobile ? 'mobile' : r() < 0.3 ? 'voip' : 'fixed';
    const start = Math.floor(r() * (DAYS - 400));
    const handover = k + 1 < n && r() < 0.1 ? start + 60 + Math.floor(r() * 300) : null;
    const holders =
      handover === null
        ? [[start, null]]
        : [
            [start, handover],
            [handover, null],
          ];
    for (const [from, to] of holders as [number, number | null][]) {
      if (k >= n) break;
      const fromText = r() < 0.5 ? dayText(from) : `${dayText(from)}T09:30:00+01:00`;
      const toText = to === null ? '' : dayText(to);
      const customerId = cid(Math.floor(r() * customers));
      const values: NumberValues = {
        e164,
        given,
        customerId,
        service,
        from: timeOf(fromText),
        to: toText ? timeOf(toText) : null,
      };
      yield { csv: [given, customerId, service, fromText, toText].join(','), values };
      k++;
    }
  }
}

function v4Buf(a: number): Buffer {
  const b = Buffer.alloc(16);
  b[10] = 0xff;
  b[11] = 0xff;
  b.writeUInt32BE(a >>> 0, 12);
  return b;
}
const v4Text = (a: number) =>
  `${(a >>> 24) & 255}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;

/**
 * IP assignments, in shuffled order: 60% CGNAT port blocks (32 blocks of 2,016 ports on shared
 * public IPv4 addresses, each block with two successive holders), 10% dedicated IPv4 addresses,
 * 15% IPv6 /48 and 15% IPv6 /56 prefixes.
 */
export function* ipRows(n: number, customers: number): Generator<Row<IpValues>> {
  const r = rng(3);
  // Round the count up to whole units so every slot index maps to a unique row.
  const span = 10 ** Math.ceil(Math.log10(Math.max(10, n)));
  let k = 0;
  for (let s = 0; s < span && k < n; s++) {
    const i = scramble(s, span);
    if (i >= n) continue;
    k++;
    const bucket = i % 20;
    const u = Math.floor(i / 20);
    const customerId = cid(Math.floor(r() * customers));
    const start = Date.UTC(2018, 0, 1) + Math.floor(r() * 2000) * 86_400_000;
    let v: IpValues;
    if (bucket < 12) {
      // CGNAT: unit u → address, block, holder slot.
      const cg = u * 12 + bucket;
      const slot = cg % 2;
      const block = Math.floor(cg / 2) % 32;
      const addr = (185 << 24) + 0x100000 + Math.floor(cg / 64);
      const t0 = Date.UTC(2019, 0, 1) + (block % 7) * 86_400_000;
      const t1 = t0 + 400 * 86_400_000;
      v = {
        family: 4,
        prefix: v4Text(addr),
        prefixLength: 32,
        ipFrom: v4Buf(addr),
        ipTo: v4Buf(addr),
        portFrom: 1024 + block * 2016,
        portTo: 1024 + block * 2016 + 2015,
        customerId,
        from: slot === 0 ? t0 : t1,
        to: slot === 0 ? t1 : null,
      };
    } else if (bucket < 14) {
      const addr = (194 << 24) + u * 2 + (bucket - 12);
      v = {
        family: 4,
        prefix: v4Text(addr),
        prefixLength: 32,
        ipFrom: v4Buf(addr),
        ipTo: v4Buf(addr),
        portFrom: null,
        portTo: null,
        customerId,
        from: start,
        to: null,
      };
    } else {
      const len = bucket < 17 ? 48 : 56;
      const j = u * 3 + (bucket - (len === 48 ? 14 : 17));
      const from = Buffer.alloc(16);
      from.writeUInt16BE(0x2a02, 0);
      if (len === 48) {
        from.writeUInt16BE(0x1000 + (j >>> 16), 2);
        from.writeUInt16BE(j & 0xffff, 4);
      } else {
        from.writeUInt16BE(0x9000 + (j >>> 24), 2);
        from.writeUInt32BE(((j & 0xffffff) << 8) >>> 0, 4);
      }
      const to = Buffer.from(from);
      for (let b = len / 8; b < 16; b++) to[b] = 0xff;
      const groups = Array.from({ length: len / 16 + (len % 16 ? 1 : 0) }, (_, g) =>
        from.readUInt16BE(g * 2).toString(16),
      );
      v = {
        family: 6,
        prefix: `${groups.join(':')}::/${len}`,
        prefixLength: len,
        ipFrom: from,
        ipTo: to,
        portFrom: null,
        portTo: null,
        customerId,
        from: start,
        to: null,
      };
    }
    const fromText = new Date(v.from).toISOString().replace('.000Z', 'Z');
    const toText = v.to === null ? '' : new Date(v.to).toISOString().replace('.000Z', 'Z');
    const csv = [v.prefix, v.portFrom ?? '', v.portTo ?? '', customerId, fromText, toText].join(
      ',',
    );
    yield { csv, values: v };
  }
}

/** Writes rows as a CSV file (LF line ends) in 1 MiB writes; returns rows and bytes written. */
export function writeCsv(path: string, header: string, rows: Iterable<Row<unknown>>) {
  const fd = openSync(path, 'w', 0o600);
  let buf: string[] = [header];
  let size = header.length;
  let count = 0;
  let bytes = 0;
  const flush = () => {
    const b = Buffer.from(buf.join('\n') + '\n');
    writeSync(fd, b);
    bytes += b.length;
    buf = [];
    size = 0;
  };
  try {
    for (const row of rows) {
      buf.push(row.csv);
      size += row.csv.length;
      count++;
      if (size > 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { rows: count, bytes };
}

/** What to change in a nightly snapshot: shares of the current rows (0.005 = 0.5 %). */
export interface SnapshotChanges {
  moved: number;
  left: number;
  /** New customers (customers only; a new number or block would need a free identifier). */
  added: number;
}

export const CUSTOMER_SNAPSHOT_HEADER = CUSTOMER_HEADER.replace(';valid_from;valid_to', '');
export const NUMBER_SNAPSHOT_HEADER = NUMBER_HEADER.replace(',valid_from,valid_to', '');
export const IP_SNAPSHOT_HEADER = IP_HEADER.replace(',valid_from,valid_to', '');

/** A history line without its last two fields (valid_from, valid_to). */
const withoutValidity = (csv: string, sep: string): string =>
  csv.slice(0, csv.lastIndexOf(sep, csv.lastIndexOf(sep) - 1));

/**
 * Tonight's CRM export of the history rows: every row current at the end (valid_to empty) as a
 * snapshot line; with `changes`, a deterministic share moved (customers: another house number;
 * numbers and blocks: another customer), left out, or (customers) new.
 */
export function* snapshotRows(
  kind: 'customers' | 'numbers' | 'ips',
  history: Iterable<Row<{ to: number | null; customerId: string }>>,
  customers: number,
  changes: SnapshotChanges = { moved: 0, left: 0, added: 0 },
): Generator<Row<null>> {
  const sep = kind === 'customers' ? ';' : ',';
  const r = rng(7);
  let i = 0;
  for (const h of history) {
    if (h.values.to !== null) continue;
    const x = r();
    if (x < changes.left) continue;
    let csv = withoutValidity(h.csv, sep);
    if (x < changes.left + changes.moved) {
      const f = csv.split(sep);
      if (kind === 'customers') f[3] = String(300 + (i % 500));
      else {
        const col = kind === 'numbers' ? 1 : 3;
        f[col] = cid((Number(f[col]!.slice(1)) + 1) % customers);
      }
      csv = f.join(sep);
    }
    i++;
    yield { csv, values: null };
  }
  if (kind !== 'customers') return;
  const fresh = Math.round(customers * changes.added);
  for (let k = 0; k < fresh; k++) {
    const id = cid(customers + k);
    yield {
      csv: `${id};Nieuwe Klant ${k};Dorpsstraat;${1 + (k % 200)};;1234 AB;Utrecht;NL;nieuw.${k}@example.nl;person;`,
      values: null,
    };
  }
}
