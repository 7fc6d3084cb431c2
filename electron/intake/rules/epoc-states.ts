/**
 * Member States as an EPOC names them: the ISO code by the English, Dutch or own name (and the
 * two-letter code itself). Denmark is listed so the checks can say it is not bound.
 */
const NAMES: Record<string, string[]> = {
  AT: ['austria', 'oostenrijk', 'österreich'],
  BE: ['belgium', 'belgië', 'belgie', 'belgique'],
  BG: ['bulgaria', 'bulgarije'],
  CY: ['cyprus'],
  CZ: ['czechia', 'czech republic', 'tsjechië', 'česko'],
  DE: ['germany', 'duitsland', 'deutschland'],
  DK: ['denmark', 'denemarken', 'danmark'],
  EE: ['estonia', 'estland', 'eesti'],
  ES: ['spain', 'spanje', 'españa'],
  FI: ['finland', 'suomi'],
  FR: ['france', 'frankrijk'],
  GR: ['greece', 'griekenland', 'hellas'],
  HR: ['croatia', 'kroatië', 'hrvatska'],
  HU: ['hungary', 'hongarije', 'magyarország'],
  IE: ['ireland', 'ierland', 'éire'],
  IT: ['italy', 'italië', 'italia'],
  LT: ['lithuania', 'litouwen', 'lietuva'],
  LU: ['luxembourg', 'luxemburg'],
  LV: ['latvia', 'letland', 'latvija'],
  MT: ['malta'],
  NL: ['the netherlands', 'netherlands', 'nederland'],
  PL: ['poland', 'polen', 'polska'],
  PT: ['portugal'],
  RO: ['romania', 'roemenië', 'românia'],
  SE: ['sweden', 'zweden', 'sverige'],
  SI: ['slovenia', 'slovenië', 'slovenija'],
  SK: ['slovakia', 'slowakije', 'slovensko'],
};

const BY_NAME = new Map<string, string>(
  Object.entries(NAMES).flatMap(([code, names]) => names.map((n) => [n, code] as const)),
);

/** The code of a state named in `text` (a name anywhere in it, or the text being a code). */
export function stateIn(text: string): { code: string; from: number; to: number } | null {
  const t = text.trim();
  if (/^[A-Z]{2}$/.test(t)) {
    const from = text.indexOf(t);
    return { code: t === 'EL' ? 'GR' : t, from, to: from + 2 };
  }
  const lower = text.toLowerCase();
  let best: { code: string; from: number; to: number } | null = null;
  for (const [name, code] of BY_NAME) {
    const re = new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u');
    const m = re.exec(lower);
    if (m && (!best || m.index < best.from))
      best = { code, from: m.index, to: m.index + name.length };
  }
  return best;
}
