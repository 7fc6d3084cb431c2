import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTHORITIES } from '../../electron/catalogue/defaults';
import { authorityVariants } from '../../electron/intake/rules/authority';
import { CASE_REFERENCE_RULES } from '../../electron/intake/rules/case-reference';
import { functionFromText } from '../../electron/intake/rules/issuer-functions';
import { findArticles } from '../../electron/intake/rules/legal-basis';
import { draftOf } from '../fixtures/intake/catalogues';

describe('intake: the authority, resolved to the catalogue forgivingly', () => {
  it.each([
    ['Politie Eenheid Noord-Nederland', 'pol-noord-nederland'],
    ['Politie – Eenheid Noord-Nederland', 'pol-noord-nederland'],
    ['POLITIE - EENHEID ZEELAND-WEST-BRABANT', 'pol-zeeland-west-brabant'],
    ['Politie Oost-Brabant', 'pol-oost-brabant'],
    ['Openbaar Ministerie, Arrondissementsparket Den Haag', 'om-den-haag'],
    ['Fiscale Inlichtingen- en Opsporingsdienst', 'fiod'],
    ['FIOD', 'fiod'],
    ['Koninklijke Marechaussee', 'kmar'],
    ['Politie Eenheid Landelijke Opsporing en Interventies', 'pol-lo'],
    ['Landelijk Parket', 'om-lp'],
  ])('%s', (name, code) => {
    expect(draftOf(`${name}\n\nGeachte heer,\n`).authority).toBe(code);
  });

  it('flags the abolished Landelijke Eenheid', () => {
    const d = draftOf('Politie Landelijke Eenheid\n\nGeachte heer,\n');
    expect(d.authority).toBe('pol-le');
    expect(d.warnings).toContainEqual({ code: 'legacy_authority', params: { code: 'pol-le' } });
  });

  it('prefers the sender (letterhead) over an authority named in the text, and says so', () => {
    const d = draftOf(
      'Politie Eenheid Amsterdam\n\nGeachte heer,\n\nIn opdracht van de officier van justitie van het Arrondissementsparket Rotterdam.\n',
    );
    expect(d.authority).toBe('pol-amsterdam');
    expect(d.extraction.fields.authority).toMatchObject({
      reason: 'letterhead',
      text: 'Politie Eenheid Amsterdam',
    });
    expect(d.warnings).toContainEqual({
      code: 'authority_multiple',
      params: { chosen: 'pol-amsterdam', others: 'om-rotterdam' },
    });
  });

  it('never takes a name two authorities share', () => {
    expect(authorityVariants(DEFAULT_AUTHORITIES.find((a) => a.code === 'nvwa-iod')!)).toContain(
      'inlichtingen en opsporingsdienst',
    );
    expect(draftOf('Inlichtingen- en Opsporingsdienst\n').authority).toBeUndefined();
  });
});

describe('intake: the legal basis as people write it', () => {
  it.each([
    ['op grond van artikel 126na, eerste lid, van het Wetboek van Strafvordering', 'sv-126na-1'],
    ['vordering ex art. 126na lid 1 Sv', 'sv-126na-1'],
    ['op grond van artikel 126na, tweede lid, Sv', 'sv-126na-2'],
    ['vordering ex 126n Sv', 'sv-126n'],
    ['Sv 126ua', 'sv-126ua'],
    ['op grond van artikel 56 Wiv 2017', 'wiv-56'],
    ['pursuant to article 126na(1) of the Dutch Code of Criminal Procedure', 'sv-126na-1'],
    [
      'European Production Order Certificate (EPOC) under Regulation (EU) 2023/1543 for subscriber data',
      'eu-epoc-subscriber',
    ],
    ['EPOC under Regulation (EU) 2023/1543 for traffic data', 'eu-epoc-traffic'],
  ])('%s', (text, code) => {
    expect(draftOf(`Geachte heer,\n\n${text}.\n`).legalBasis).toBe(code);
  });

  it('takes paragraph 1 when the paragraph is not stated, and says so', () => {
    const d = draftOf('Geachte heer,\n\nVordering op grond van artikel 126na Sv.\n');
    expect(d.legalBasis).toBe('sv-126na-1');
    expect(d.warnings).toContainEqual({
      code: 'legal_basis_assumed',
      params: { chosen: 'sv-126na-1' },
    });
  });

  it('ignores the articles of the offence and flags an article the catalogue lacks', () => {
    const d = draftOf(
      'Geachte heer,\n\nVerdenking van oplichting (art. 326 Sr), vordering op grond van art. 126zz Sv.\n',
    );
    expect(d.legalBasis).toBeUndefined();
    expect(d.warnings).toContainEqual({
      code: 'legal_basis_not_in_catalogue',
      params: { text: 'art. 126zz Sv' },
    });
    expect(findArticles('art. 326 Sr')).toEqual([]);
  });

  it('prefers the article named as the basis over one merely mentioned', () => {
    const d = draftOf(
      'Geachte heer,\n\nDit is geen vordering ex 126n Sv. Ik vorder op grond van art. 126na lid 1 Sv.\n',
    );
    expect(d.legalBasis).toBe('sv-126na-1');
  });
});

describe('intake: the requester', () => {
  it('reads the signature: rank, name, badge, e-mail and phone', () => {
    const d = draftOf(
      'Geachte heer,\n\nTekst.\n\nMet vriendelijke groet,\n\nHoofdagent P. Jansen\nTeam Recherche\nPersoneelsnummer: AB1234\nT: 06-12345678\nE: p.jansen@politie.example\n',
    );
    expect(d.requester).toEqual({
      name: 'P. Jansen',
      function: 'opsporingsambtenaar',
      badge: 'AB1234',
      email: 'p.jansen@politie.example',
      phone: '06-12345678',
    });
  });

  it('reads labelled lines and an officier van justitie', () => {
    const d = draftOf(
      'Naam: mr. A. de Groot\nFunctie: officier van justitie\nE-mail: a.degroot@om.example\n',
    );
    expect(d.requester).toMatchObject({
      name: 'mr. A. de Groot',
      function: 'officier_van_justitie',
      email: 'a.degroot@om.example',
    });
  });

  it('takes the function from the authority when none is written, and says so', () => {
    const d = draftOf('Koninklijke Marechaussee\n\nGeachte heer,\n\nHoogachtend,\n\nK. Visser\n');
    expect(d.requester).toEqual({ name: 'K. Visser', function: 'opsporingsambtenaar' });
    expect(d.extraction.fields['requester.function']).toEqual({ reason: 'authority_kind' });
  });

  it('never takes the provider’s own address for the requester’s', () => {
    const d = draftOf('Contactgegevens:\nvorderingen@testnet.example\nj.smit@politie.example\n');
    expect(d.requester?.email).toBe('j.smit@politie.example');
  });

  it('maps ranks and titles to issuer functions', () => {
    expect(functionFromText('Brigadier')).toBe('opsporingsambtenaar');
    expect(functionFromText('substituut-officier van justitie')).toBe('officier_van_justitie');
    expect(functionFromText('Rechter-commissaris')).toBe('rechter_commissaris');
    expect(functionFromText('Public Prosecutor')).toBe('officier_van_justitie');
    expect(functionFromText('Team Digitale Opsporing')).toBeUndefined();
  });
});

describe('intake: case reference, channel, urgency, categories, deadline, arrival', () => {
  it.each([
    ['Ons kenmerk: PL1300-2026012345', 'PL1300-2026012345', 'pl_number'],
    ['BVH-nummer: 2026123456', '2026123456', 'bvh_number'],
    ['Parketnummer: 13/123456-26', '13/123456-26', 'parketnummer'],
    ['Zaaknummer: ZN-2026-4411', 'ZN-2026-4411', 'zaaknummer'],
    ['EPOC file number: PT-LIS-2026-00871', 'PT-LIS-2026-00871', 'epoc_file_number'],
    ['Ons kenmerk: FIOD/2026/118', 'FIOD/2026/118', 'kenmerk'],
  ])('%s', (line, value, reason) => {
    const d = draftOf(`${line}\n`);
    expect(d.caseReference).toBe(value);
    expect(d.extraction.fields.caseReference?.reason).toBe(reason);
  });

  it('never takes the provider’s own reference', () => {
    expect(draftOf('Uw kenmerk: TN-2026-0042\n').caseReference).toBeUndefined();
    expect(CASE_REFERENCE_RULES.length).toBeGreaterThan(3);
  });

  it('knows the channel', () => {
    expect(
      draftOf('Schriftelijke bevestiging van de telefonische vordering van 28 oktober 2026.')
        .channel,
    ).toBe('phone');
    expect(draftOf('Aanvraag ingediend via het portaal.').channel).toBe('portal');
    expect(draftOf('EUROPEAN PRODUCTION ORDER CERTIFICATE (EPOC)').channel).toBe('epoc');
    expect(draftOf('Geachte heer,', 'pdf').channel).toBe('post');
    expect(draftOf('Geachte heer,', 'pdf').warnings).toContainEqual({
      code: 'channel_assumed',
      params: { channel: 'post' },
    });
    expect(draftOf('Geachte heer,', 'eml').channel).toBe('email');
    expect(draftOf('Geachte heer,').channel).toBeUndefined();
  });

  it('knows urgency, and a negation cancels it', () => {
    expect(draftOf('Deze vordering heeft spoed.').urgency).toBe('urgent');
    expect(draftOf('Er is sprake van acuut levensgevaar.').urgency).toBe('emergency');
    expect(draftOf('Emergency: imminent threat to life.').urgency).toBe('emergency');
    expect(draftOf('Deze vordering heeft geen spoed.').urgency).toBeUndefined();
  });

  it('shows traffic, location and content requests as such, never as NAW', () => {
    const d = draftOf(
      'Ik vorder de historische verkeersgegevens en locatiegegevens (zendmastgegevens).',
    );
    expect(d.categories).toEqual(['traffic', 'location']);
    expect(d.warnings).toContainEqual({
      code: 'non_naw_categories',
      params: { categories: 'traffic,location' },
    });
    expect(
      draftOf('De gebruikersgegevens; er worden geen\nverkeersgegevens gevorderd.').categories,
    ).toEqual(['name', 'address', 'postcode', 'city', 'number', 'service_type']);
  });

  it('reads the deadline; a date alone is the end (uiterlijk) or start (vóór) of the day', () => {
    expect(draftOf('Graag uiterlijk 6 november 2026 verstrekken.').deadline).toBe(
      '2026-11-06T23:59',
    );
    expect(draftOf('Graag vóór 6 november 2026 verstrekken.').deadline).toBe('2026-11-06T00:00');
    expect(draftOf('Reply no later than 3 November 2026 at 12:00 CET.').deadline).toBe(
      '2026-11-03T12:00:00+01:00',
    );
    const rel = draftOf('Graag binnen 24 uur verstrekken.');
    expect(rel.deadline).toBeUndefined();
    expect(rel.warnings).toContainEqual({
      code: 'deadline_relative',
      params: { text: 'binnen 24 uur' },
    });
  });

  it('reads the arrival from the mail date, the oral request or a portal, never from the letter date', () => {
    expect(
      draftOf('Date: Wed, 28 Oct 2026 10:12:00 +0100\nFrom: a@b.example\n\nTekst', 'eml')
        .receivedAt,
    ).toBe('2026-10-28T10:12:00+01:00');
    expect(
      draftOf(
        'Schriftelijke bevestiging van de telefonische vordering, telefonisch gedaan op 28 oktober 2026 om 14:50 uur.',
      ).receivedAt,
    ).toBe('2026-10-28T14:50');
    expect(draftOf('Ingediend op: 2026-10-28 09:12').receivedAt).toBe('2026-10-28T09:12');
    const letter = draftOf('Rotterdam, 28 oktober 2026\n\nGeachte heer,\n');
    expect(letter.receivedAt).toBeUndefined();
    expect(letter.extraction.document.documentDate).toBe('2026-10-28');
    expect(letter.warnings).toContainEqual({
      code: 'missing_field',
      params: { field: 'receivedAt' },
    });
  });
});
