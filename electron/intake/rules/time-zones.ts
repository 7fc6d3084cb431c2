/**
 * How documents state the zone of a time: abbreviations with a fixed offset, words naming a zone,
 * and explicit offsets. A fixed offset (CEST = +02:00) is kept as an offset, because it also
 * settles an autumn-overlap time; a zone word (Nederlandse tijd) is kept as the IANA zone.
 */
export type StatedZone =
  | { kind: 'offset'; minutes: number; label: string }
  | { kind: 'zone'; zone: string; label: string };

/** Abbreviations → minutes east of UTC. */
export const ZONE_ABBREVIATIONS: Record<string, number> = {
  utc: 0,
  gmt: 0,
  z: 0,
  cet: 60,
  mez: 60,
  cest: 120,
  mesz: 120,
  wet: 0,
  west: 60,
  bst: 60,
  eet: 120,
  eest: 180,
};

/** Words naming a zone → IANA zone. Matched case-insensitively, whole words. */
export const ZONE_WORDS: [RegExp, string][] = [
  [
    /nederlandse tijd|amsterdamse tijd|dutch time|netherlands time|amsterdam time/i,
    'Europe/Amsterdam',
  ],
  [/lisbon time|portuguese time|lissabonse tijd|portugese tijd/i, 'Europe/Lisbon'],
  [/brussels time|belgian time|belgische tijd/i, 'Europe/Brussels'],
  [/berlin time|german time|duitse tijd/i, 'Europe/Berlin'],
  [/london time|uk time|british time|britse tijd/i, 'Europe/London'],
  [/central european summer time|midden-europese zomertijd/i, '+02:00'],
  [/central european time|midden-europese tijd/i, '+01:00'],
  [/coordinated universal time|universal time/i, 'UTC'],
];

const ABBREVIATION_RE = new RegExp(
  `^\\(?\\s*(${Object.keys(ZONE_ABBREVIATIONS).join('|')})(?![a-z])(?:[ \\t]?([+-][ \\t]?\\d{1,2}(?::?\\d{2})?))?(?:[ \\t]*\\))?`,
  'i',
);
const OFFSET_RE = /^\(?[ \t]*([+-])(\d{2}):?(\d{2})[ \t]*\)?/;

const offsetOf = (sign: string, h: string, m: string) =>
  (sign === '-' ? -1 : 1) * (Number(h) * 60 + Number(m));

/**
 * A zone stated at the very start of `text` (right after a time): `UTC`, `(UTC)`, `CEST`,
 * `UTC+2`, `+0200`, `Nederlandse tijd`, `(Lisbon time)`. Returns the zone and its length.
 */
export function zoneAt(text: string): { zone: StatedZone; length: number } | null {
  const a = ABBREVIATION_RE.exec(text);
  if (a && (!a[0].startsWith('(') || a[0].endsWith(')'))) {
    const base = ZONE_ABBREVIATIONS[a[1]!.toLowerCase()]!;
    let minutes = base;
    if (a[2]) {
      const m = /([+-])\s*(\d{1,2})(?::?(\d{2}))?/.exec(a[2])!;
      minutes = base + offsetOf(m[1]!, m[2]!, m[3] ?? '0');
    }
    const label = a[0].trim();
    const zone: StatedZone =
      minutes === 0 && !a[2] && /^\(?\s*(utc|gmt|z)/i.test(label)
        ? { kind: 'zone', zone: 'UTC', label }
        : { kind: 'offset', minutes, label };
    return { zone, length: a[0].length };
  }
  const o = OFFSET_RE.exec(text);
  if (o) {
    return {
      zone: { kind: 'offset', minutes: offsetOf(o[1]!, o[2]!, o[3]!), label: o[0].trim() },
      length: o[0].length,
    };
  }
  for (const [re, zone] of ZONE_WORDS) {
    const w = new RegExp(`^(\\(\\s*)?(?:${re.source})(?![a-z])(\\s*\\))?`, 'i').exec(text);
    if (w && !!w[1] === !!w[2]) return zoneFromText(zone, w[0].trim(), w[0].length);
  }
  return null;
}

function zoneFromText(zone: string, label: string, length: number) {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  const stated: StatedZone = m
    ? { kind: 'offset', minutes: offsetOf(m[1]!, m[2]!, m[3]!), label }
    : { kind: 'zone', zone, label };
  return { zone: stated, length };
}

/** A sentence that sets the zone for the whole document: "Alle tijden zijn in UTC", "All times are CET". */
const DOCUMENT_ZONE_RE =
  /\b(?:alle\s+(?:genoemde\s+)?(?:tijden|tijdstippen)(?:\s+zijn)?(?:\s+(?:in|weergegeven\s+in|vermeld\s+in))?|all\s+times(?:\s+are)?(?:\s+(?:in|given\s+in|stated\s+in))?|tijdzone|time\s*zone)\s*:?\s*/i;

export function documentZoneIn(
  text: string,
): { zone: StatedZone; from: number; to: number } | null {
  const m = DOCUMENT_ZONE_RE.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length);
  const z = zoneAt(rest);
  if (!z) return null;
  return { zone: z.zone, from: m.index, to: m.index + m[0].length + z.length };
}
