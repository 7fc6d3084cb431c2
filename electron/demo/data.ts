/**
 * Synthetic Dutch customer data for the demo vault: names, addresses, numbers and IP history that
 * look real but are not (documentation IP ranges 203.0.113.0/24, 198.51.100.0/24, 2001:db8::/32;
 * 06-numbers in a block nobody is assigned). Deterministic for a seed, relative to `now`.
 */

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Jan',
  'Sanne',
  'Pieter',
  'Fatima',
  'Mohamed',
  'Lotte',
  'Daan',
  'Emma',
  'Bram',
  'Noor',
  'Sven',
  'Anouk',
  'Youssef',
  'Eva',
  'Thijs',
  'Ilse',
  'Kees',
  'Mila',
];
const LAST = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Dijk',
  'El Amrani',
  'Yılmaz',
  'Kuipers',
  'van den Berg',
];
const STREETS = [
  'Dorpsstraat',
  'Kerkstraat',
  'Stationsweg',
  'Molenweg',
  'Schoolstraat',
  'Julianalaan',
  'Beatrixlaan',
  'Havenkade',
  'Lindenlaan',
  'Marktplein',
];
const CITIES: [string, number, string][] = [
  ['Amsterdam', 1011, '020'],
  ['Rotterdam', 3011, '010'],
  ['Utrecht', 3511, '030'],
  ['Zwolle', 8011, '038'],
  ['Groningen', 9711, '050'],
  ['Eindhoven', 5611, '040'],
  ['Deventer', 7411, '0570'],
];
const BUSINESSES = [
  'Bakkerij De Korenschoof B.V.',
  'Fietsenmaker Snel V.O.F.',
  'Kapsalon Knip & Co',
  'Installatiebedrijf Warmte B.V.',
];

export interface DemoInterval {
  customerId: string;
  from: Date;
  to: Date | null;
}
export interface DemoNumber extends DemoInterval {
  number: string;
  service: 'mobile' | 'fixed' | 'voip';
}
export interface DemoIp extends DemoInterval {
  prefix: string;
  portFrom: number | null;
  portTo: number | null;
}

export interface DemoData {
  customersCsv: string;
  numbersCsv: string;
  ipsCsv: string;
  numbers: DemoNumber[];
  ips: DemoIp[];
  customers: number;
}

const DAY = 86_400_000;

/** A fixed line in the customer's area: +31, the area code without 0, nine digits in all. */
const fixedNumber = (area: string, i: number): string => {
  const rest = 9 - (area.length - 1);
  return `+31${area.slice(1)}${String(5550000 + i * 13).slice(-rest)}`;
};
const iso = (d: Date) => d.toISOString();
const csv = (rows: (string | number | null)[][]) =>
  rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(',')).join('\n') + '\n';

/**
 * `count` customers from `start` on: everyone has a mobile number, some a fixed line and internet
 * (IPv4 single address, CGNAT port block or IPv6 /48); some moved house (two NAW versions); about
 * one in five left (all assignments ended), several of those more than a year ago, and their
 * mobile numbers went to a new customer later — so "who had this number then" matters.
 */
export function demoCustomers(seed: number, start: Date, now: Date, count = 40): DemoData {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const span = now.getTime() - start.getTime();
  const customerRows: (string | number | null)[][] = [
    [
      'customer_id',
      'name',
      'street',
      'house_number',
      'house_number_addition',
      'postcode',
      'city',
      'country',
      'email',
      'customer_type',
      'kvk_number',
      'valid_from',
      'valid_to',
    ],
  ];
  const numbers: DemoNumber[] = [];
  const ips: DemoIp[] = [];
  const address = () => {
    const [city, pc, area] = pick(CITIES);
    const letters = String.fromCharCode(65 + Math.floor(rnd() * 26), 65 + Math.floor(rnd() * 26));
    return {
      street: pick(STREETS),
      house: String(1 + Math.floor(rnd() * 180)),
      addition: rnd() < 0.15 ? pick(['A', 'B', 'bis', '2']) : null,
      postcode: `${pc + Math.floor(rnd() * 80)} ${letters}`,
      city,
      area,
    };
  };
  for (let i = 0; i < count; i++) {
    const id = `DEMO-${String(1001 + i)}`;
    const business = i % 10 === 7;
    const name = business
      ? BUSINESSES[Math.floor(i / 10) % BUSINESSES.length]!
      : `${pick(FIRST)} ${pick(LAST)}`;
    const from = new Date(start.getTime() + Math.floor(rnd() * span * 0.5));
    const former = i % 5 === 4;
    // Former customers left between 4 and 30 months ago.
    const leftAt = former
      ? new Date(now.getTime() - (4 + Math.floor(rnd() * 26)) * 30 * DAY)
      : null;
    const a1 = address();
    const moved = !former && rnd() < 0.25;
    const movedAt = moved
      ? new Date(from.getTime() + Math.floor((now.getTime() - from.getTime()) * 0.5))
      : null;
    const email = business
      ? `info@${name.split(' ')[0]!.toLowerCase()}.example`
      : `klant${1001 + i}@example.nl`;
    const version = (a: ReturnType<typeof address>, vf: Date, vt: Date | null) =>
      customerRows.push([
        id,
        name,
        a.street,
        a.house,
        a.addition,
        a.postcode,
        a.city,
        'NL',
        email,
        business ? 'business' : 'person',
        business ? String(10000000 + i * 7919) : null,
        iso(vf),
        vt ? iso(vt) : null,
      ]);
    if (movedAt) {
      version(a1, from, movedAt);
      version(address(), movedAt, null);
    } else version(a1, from, null);

    numbers.push({
      customerId: id,
      number: `+3161${String(4000000 + i * 37).padStart(7, '0')}`,
      service: 'mobile',
      from,
      to: leftAt,
    });
    if (rnd() < 0.35) {
      const end = leftAt;
      numbers.push({
        customerId: id,
        number: fixedNumber(a1.area, i),
        service: business ? 'voip' : 'fixed',
        from,
        to: end,
      });
    }
    if (i % 3 !== 2) {
      const kind = i % 3;
      const ipFrom = new Date(from.getTime() + 7 * DAY);
      if (kind === 0)
        ips.push({
          customerId: id,
          prefix: `203.0.113.${10 + i}`,
          portFrom: null,
          portTo: null,
          from: ipFrom,
          to: leftAt,
        });
      else {
        const block = i % 16;
        ips.push({
          customerId: id,
          prefix: '198.51.100.7',
          portFrom: 1024 + block * 2048,
          portTo: 1024 + block * 2048 + 2047,
          from: ipFrom,
          to: leftAt,
        });
      }
      ips.push({
        customerId: id,
        prefix: `2001:db8:${(0x100 + i).toString(16)}::/48`,
        portFrom: null,
        portTo: null,
        from: ipFrom,
        to: leftAt,
      });
    }
  }
  // A former customer's mobile number goes to a newcomer a month after it was freed.
  let n = count;
  for (const num of [...numbers]) {
    if (num.service !== 'mobile' || !num.to) continue;
    const id = `DEMO-${String(1001 + n++)}`;
    const from = new Date(num.to.getTime() + 30 * DAY);
    if (from >= now) continue;
    const a = address();
    customerRows.push([
      id,
      `${pick(FIRST)} ${pick(LAST)}`,
      a.street,
      a.house,
      a.addition,
      a.postcode,
      a.city,
      'NL',
      null,
      'person',
      null,
      iso(from),
      null,
    ]);
    numbers.push({ customerId: id, number: num.number, service: 'mobile', from, to: null });
  }
  const numbersCsv = csv([
    ['number', 'customer_id', 'service', 'valid_from', 'valid_to'],
    ...numbers.map((x) => [
      x.number,
      x.customerId,
      x.service,
      iso(x.from),
      x.to ? iso(x.to) : null,
    ]),
  ]);
  const ipsCsv = csv([
    ['prefix', 'port_from', 'port_to', 'customer_id', 'valid_from', 'valid_to'],
    ...ips.map((x) => [
      x.prefix,
      x.portFrom,
      x.portTo,
      x.customerId,
      iso(x.from),
      x.to ? iso(x.to) : null,
    ]),
  ]);
  return { customersCsv: csv(customerRows), numbersCsv, ipsCsv, numbers, ips, customers: n };
}
