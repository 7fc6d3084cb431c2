import type { Annex3Language } from '../../../../shared/schemas/annex3';
import { DE } from './de';
import { EN } from './en';
import { NL } from './nl';
import type { Annex3Texts } from './types';

export type { Annex3Texts } from './types';

/** The form's labels per language, one file each. */
export const ANNEX3_TEXTS: Record<Annex3Language, Annex3Texts> = { nl: NL, en: EN, de: DE };
