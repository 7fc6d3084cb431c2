// @vitest-environment happy-dom
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTHORITIES, DEFAULT_LEGAL_BASES } from '../../electron/catalogue/defaults';
import { useCatalogueText } from '../../renderer/hooks/useCatalogueText';
import { initI18n } from '../../renderer/i18n';
import { RESOURCES } from '../../renderer/i18n/resources';

const seeded = (lang: 'nl' | 'en') =>
  (RESOURCES[lang].catalogue as { seeded: Record<'basis' | 'authority', Record<string, string>> })
    .seeded;

function texts(lang: 'nl' | 'en') {
  const i18n = initI18n(lang);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
  );
  return renderHook(() => useCatalogueText(), { wrapper }).result.current;
}

describe('catalogue texts', () => {
  it.each(['nl', 'en'] as const)('words every seeded legal basis in %s', (lang) => {
    const missing = DEFAULT_LEGAL_BASES.filter((b) => !seeded(lang).basis[b.code]);
    expect(missing.map((b) => b.code)).toEqual([]);
  });

  it('knows every seeded text as its Dutch or English wording (so an edited one shows as stored)', () => {
    const known = (kind: 'basis' | 'authority', code: string) => [
      seeded('nl')[kind][code],
      seeded('en')[kind][code],
    ];
    for (const b of DEFAULT_LEGAL_BASES)
      expect(known('basis', b.code), b.code).toContain(b.shortName);
    const eu = DEFAULT_AUTHORITIES.find((a) => a.code === 'eu-issuing')!;
    expect(known('authority', eu.code)).toContain(eu.name);
  });

  it('words the seeded English authority name in both languages; Dutch names stay as they are', () => {
    for (const lang of ['nl', 'en'] as const) {
      expect(Object.keys(seeded(lang).authority).sort()).toEqual(['eu-issuing']);
    }
  });

  it('shows the seeded texts in the UI language, an added entry as stored', () => {
    const nl = texts('nl');
    const tap = DEFAULT_LEGAL_BASES.find((b) => b.code === 'sv-126m')!;
    expect(tap.shortName).toBe('Tap (interception)');
    expect(nl.basisName(tap)).toBe('Tap (onderschepping)');
    const eu = DEFAULT_AUTHORITIES.find((a) => a.code === 'eu-issuing')!;
    expect(nl.authorityName(eu)).toMatch(/^Buitenlandse EU-autoriteit/);
    expect(texts('en').authorityName(eu)).toBe(eu.name);
    expect(nl.authorityName({ code: 'pol-amsterdam', name: 'Politie – Eenheid Amsterdam' })).toBe(
      'Politie – Eenheid Amsterdam',
    );
    expect(nl.basisName({ code: 'local-1', shortName: 'Eigen grondslag' })).toBe('Eigen grondslag');
    expect(nl.basisName({ ...tap, shortName: 'Tap, door admin hernoemd' })).toBe(
      'Tap, door admin hernoemd',
    );
  });

  it('shows a seeded English citation in Dutch; Dutch law as cited, in both languages', () => {
    const epoc = DEFAULT_LEGAL_BASES.find((b) => b.code === 'eu-epoc-subscriber')!;
    expect(epoc.article).toBe('Reg. (EU) 2023/1543 (EPOC, subscriber data)');
    expect(texts('nl').basisArticle(epoc)).toBe(
      'Verordening (EU) 2023/1543 (EPOC, abonneegegevens)',
    );
    expect(texts('en').basisArticle(epoc)).toBe(epoc.article);
    const traffic = DEFAULT_LEGAL_BASES.find((b) => b.code === 'eu-epoc-traffic')!;
    expect(texts('nl').basisArticle(traffic)).toMatch(
      /^Verordening .*verkeers- of inhoudsgegevens/,
    );
    const naw = DEFAULT_LEGAL_BASES.find((b) => b.code === 'sv-126na-1')!;
    expect(texts('en').basisArticle(naw)).toBe('Sv 126na lid 1');
    expect(texts('nl').basisArticle({ ...epoc, article: 'Reg. 2023/1543, eigen tekst' })).toBe(
      'Reg. 2023/1543, eigen tekst',
    );
  });

  it('words every seeded citation that is not Dutch, and knows it as stored', () => {
    // A citation in English words (Reg., data) shown in the Dutch UI is what this guards against.
    const english = DEFAULT_LEGAL_BASES.filter((b) =>
      /\b(Reg\.|data|traffic|subscriber)\b/.test(b.article),
    );
    expect(english.map((b) => b.code).sort()).toEqual(['eu-epoc-subscriber', 'eu-epoc-traffic']);
    for (const b of english) {
      expect(texts('nl').basisArticle(b), b.code).not.toBe(b.article);
      expect((seeded('en') as unknown as { article: Record<string, string> }).article[b.code]).toBe(
        b.article,
      );
    }
  });
});
