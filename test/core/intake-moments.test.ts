import { describe, expect, it } from 'vitest';
import { draftOf } from '../fixtures/intake/catalogues';

const items = (text: string) => draftOf(text).items;
const warningsOf = (text: string) => draftOf(text).warnings.map((w) => [w.code, w.params] as const);

describe('intake: the moment of each identifier', () => {
  it('takes the moment in the same line, with the zone written there', () => {
    expect(items('IP-adres 198.51.100.23 op 27-10-2026 om 21:07:45 uur (UTC).')).toEqual([
      { kind: 'ip', value: '198.51.100.23', moment: '2026-10-27T21:07:45', timeZone: 'UTC' },
    ]);
    expect(items('nummer 06-41234567, October 3, 2026 at 4:05 PM CEST')).toEqual([
      { kind: 'phone', value: '+31641234567', moment: '2026-10-03T16:05+02:00' },
    ]);
    expect(items('nummer 06-41234567 op 3 October 2026 16:05 (Lisbon time)')).toEqual([
      {
        kind: 'phone',
        value: '+31641234567',
        moment: '2026-10-03T16:05',
        timeZone: 'Europe/Lisbon',
      },
    ]);
  });

  it('applies one moment stated for a list to each entry', () => {
    const d = draftOf(
      'Ik vorder de gegevens van de volgende nummers op 28 oktober 2026 om 14:32 uur:\n\n- 06-41234567\n- 06-12345678\n- 010-7654321\n',
    );
    expect(d.items.map((i) => [i.value, i.moment])).toEqual([
      ['+31641234567', '2026-10-28T14:32'],
      ['+31612345678', '2026-10-28T14:32'],
      ['+31107654321', '2026-10-28T14:32'],
    ]);
    expect(d.extraction.fields['items.2.moment']).toMatchObject({
      reason: 'list_moment',
      text: '28 oktober 2026 om 14:32 uur',
    });
  });

  it('pairs several identifiers and moments in one line in order', () => {
    expect(
      items(
        'De nummers 06-41234567 op 1-10-2026 om 10:00 uur en 06-12345678 op 2-10-2026 om 11:00 uur.',
      ).map((i) => i.moment),
    ).toEqual(['2026-10-01T10:00', '2026-10-02T11:00']);
  });

  it('reads a table with a port column and the zone in its header', () => {
    const d = draftOf(
      [
        'De vordering betreft de volgende IP-adressen:',
        '',
        'IP-adres          Bronpoort   Datum/tijd (UTC)',
        '203.0.113.77      61012       01-10-2026 08:15:30',
        '203.0.113.78      -           01-10-2026 09:00:00',
        '2001:db8::10      443         2026-10-01 10:00:00',
      ].join('\n'),
    );
    expect(d.items).toEqual([
      {
        kind: 'ip',
        value: '203.0.113.77',
        port: 61012,
        moment: '2026-10-01T08:15:30',
        timeZone: 'UTC',
      },
      { kind: 'ip', value: '203.0.113.78', moment: '2026-10-01T09:00:00', timeZone: 'UTC' },
      {
        kind: 'ip',
        value: '2001:db8::10',
        port: 443,
        moment: '2026-10-01T10:00:00',
        timeZone: 'UTC',
      },
    ]);
    expect(d.extraction.fields['items.0.timeZone']).toMatchObject({ reason: 'column_header' });
    expect(d.extraction.fields['items.0.port']).toMatchObject({
      text: '61012',
      reason: 'port_column',
    });
  });

  it('reads a pipe table with separate date and time columns', () => {
    expect(
      items(
        '| Telefoonnummer | Datum | Tijd |\n|---|---|---|\n| 06-41234567 | 28-10-2026 | 14:32 |\n',
      ),
    ).toEqual([
      {
        kind: 'phone',
        value: '+31641234567',
        moment: '2026-10-28T14:32',
        timeZone: 'Europe/Amsterdam',
      },
    ]);
  });

  it('takes the zone the document states for all times', () => {
    expect(
      items('Alle tijden zijn in UTC.\n\nHet nummer 06-41234567 op 28-10-2026 om 14:32 uur.'),
    ).toEqual([
      { kind: 'phone', value: '+31641234567', moment: '2026-10-28T14:32', timeZone: 'UTC' },
    ]);
  });

  it('reads ISO moments and log lines', () => {
    expect(
      items('Log:\n2026-10-01T08:15:30.123Z src=203.0.113.9 sport=40123 dst=192.0.2.8 dport=443'),
    ).toEqual([
      { kind: 'ip', value: '203.0.113.9', port: 40123, moment: '2026-10-01T08:15:30.123Z' },
    ]);
    expect(items('Bron-IP 203.0.113.9:4000 [03/Oct/2026:14:05:07 +0200]')).toEqual([
      { kind: 'ip', value: '203.0.113.9', port: 4000, moment: '2026-10-03T14:05:07+02:00' },
    ]);
  });

  it('keeps a time in the autumn overlap or the spring gap local, and flags it', () => {
    expect(items('Het nummer 06-41234567 op 25 oktober 2026 om 02:30 uur.')[0]).toEqual({
      kind: 'phone',
      value: '+31641234567',
      moment: '2026-10-25T02:30',
      timeZone: 'Europe/Amsterdam',
    });
    expect(warningsOf('Het nummer 06-41234567 op 25 oktober 2026 om 02:30 uur.')).toContainEqual([
      'ambiguous_time',
      { item: 1, moment: '2026-10-25T02:30', zone: 'Europe/Amsterdam' },
    ]);
    expect(warningsOf('Het nummer 06-41234567 op 29 maart 2026 om 02:30 uur.')).toContainEqual([
      'invalid_time',
      { item: 1, moment: '2026-03-29T02:30', zone: 'Europe/Amsterdam' },
    ]);
    // CEST settles the overlap: one instant, no warning.
    const settled = draftOf('Het nummer 06-41234567 op 25-10-2026 02:30 CEST.');
    expect(settled.items[0]?.moment).toBe('2026-10-25T02:30+02:00');
    expect(settled.warnings.map((w) => w.code)).not.toContain('ambiguous_time');
  });

  it('flags CET where CEST was in force', () => {
    expect(warningsOf('Het nummer 06-41234567 op 01.10.2026 08:15:30 CET.')).toContainEqual([
      'zone_abbreviation_mismatch',
      { item: 1, stated: 'CET', inForce: '+02:00' },
    ]);
  });

  it('offers an identifier whose moment cannot be read without one', () => {
    const d = draftOf('Het nummer 06-41234567 was in gebruik bij de verdachte.');
    expect(d.items).toEqual([{ kind: 'phone', value: '+31641234567' }]);
    expect(d.warnings).toContainEqual({ code: 'missing_moment', params: { item: 1 } });
    const dateOnly = draftOf('Het nummer 06-41234567 was op 28 oktober 2026 in gebruik.');
    expect(dateOnly.items).toEqual([{ kind: 'phone', value: '+31641234567' }]);
    expect(dateOnly.warnings).toContainEqual({
      code: 'moment_date_only',
      params: { item: 1, date: '2026-10-28' },
    });
  });

  it('chooses no moment when two could belong to the identifier', () => {
    const d = draftOf('Het nummer 06-41234567 op 28-10-2026 10:00 en op 29-10-2026 11:00 uur.');
    expect(d.items).toEqual([{ kind: 'phone', value: '+31641234567' }]);
    expect(d.warnings).toContainEqual({ code: 'moment_unclear', params: { item: 1 } });
  });

  it('never takes the deadline or the letter date for a moment', () => {
    const d = draftOf(
      'Datum: 28 oktober 2026\n\nHet nummer 06-41234567; graag antwoord uiterlijk 30-10-2026 12:00 uur.',
    );
    expect(d.items).toEqual([{ kind: 'phone', value: '+31641234567' }]);
    expect(d.deadline).toBe('2026-10-30T12:00');
  });

  it('flags an approximate time', () => {
    expect(
      warningsOf('Het nummer 06-41234567 op 2 oktober 2026, omstreeks 09.15 uur.'),
    ).toContainEqual(['moment_approximate', { item: 1 }]);
  });

  it('drops a mention without a moment when the same identifier has one', () => {
    const d = draftOf(
      'Betreft: vordering 06-41234567\n\nGeachte heer,\n\nHet nummer 06-41234567 op 28-10-2026 om 14:32 uur.',
    );
    expect(d.items).toEqual([
      {
        kind: 'phone',
        value: '+31641234567',
        moment: '2026-10-28T14:32',
        timeZone: 'Europe/Amsterdam',
      },
    ]);
  });
});

describe('intake: a period written as two ends', () => {
  it('reads `tussen … en …` as the period, both ends in the zone written with either', () => {
    const d = draftOf(
      'Het nummer 06-41234567 tussen 28-10-2026 10:00 en 28-10-2026 11:00 uur (UTC).',
    );
    expect(d.items).toEqual([
      {
        kind: 'phone',
        value: '+31641234567',
        period: { from: '2026-10-28T10:00', to: '2026-10-28T11:00' },
        timeZone: 'UTC',
      },
    ]);
    expect(d.extraction.fields['items.0.period.from']?.text).toBe('28-10-2026 10:00');
    expect(d.extraction.fields['items.0.period.to']?.text).toBe('28-10-2026 11:00 uur (UTC)');
    expect(d.warnings.map((w) => w.code)).not.toContain('moment_unclear');
  });

  it('reads an end that is only a time as the same day, with the zone after it', () => {
    const d = draftOf('IP-adres 198.51.100.7 tussen 20-10-2026 10:00 en 12:00 uur (UTC).');
    expect(d.items[0]).toMatchObject({
      period: { from: '2026-10-20T10:00', to: '2026-10-20T12:00' },
      timeZone: 'UTC',
    });
    expect(d.extraction.fields['items.0.period.to']?.text).toBe('12:00 uur (UTC)');
  });

  it('moves an inclusive end past its day or minute: the period is half-open', () => {
    expect(
      draftOf('Nummer 06-41234567 van 1 oktober 2026 tot en met 15 oktober 2026.').items[0]!.period,
    ).toEqual({ from: '2026-10-01T00:00', to: '2026-10-16T00:00' });
    expect(
      draftOf('Nummer 06-41234567 van 1 oktober 2026 08:00 uur t/m 1 oktober 2026 09:59 uur.')
        .items[0]!.period,
    ).toEqual({ from: '2026-10-01T08:00', to: '2026-10-01T10:00' });
  });

  it('flags an end day that may or may not be meant to be included', () => {
    const d = draftOf('The subscriber of +31 6 2345 6789 from October 1, 2026 to October 3, 2026.');
    expect(d.items[0]!.period).toEqual({ from: '2026-10-01T00:00', to: '2026-10-03T00:00' });
    expect(d.warnings).toContainEqual({
      code: 'period_end_day',
      params: { item: 1, date: '2026-10-03' },
    });
  });

  it('keeps ISO ends with their offsets, and a shared period for a list of identifiers', () => {
    expect(
      draftOf(
        'Who used 203.0.113.9 port 5060 between 2026-10-01T08:00:00Z and 2026-10-01T09:30:00Z?',
      ).items,
    ).toEqual([
      {
        kind: 'ip',
        value: '203.0.113.9',
        port: 5060,
        period: { from: '2026-10-01T08:00:00Z', to: '2026-10-01T09:30:00Z' },
      },
    ]);
    const list = draftOf(
      'In de periode van 1 oktober 2026 10:00 tot 2 oktober 2026 10:00 uur de gebruikers van:\n- 06-41234567\n- 06-12345678',
    ).items;
    expect(list.map((i) => i.period)).toEqual([
      { from: '2026-10-01T10:00', to: '2026-10-02T10:00' },
      { from: '2026-10-01T10:00', to: '2026-10-02T10:00' },
    ]);
  });

  it('never joins two moments with `en` unless the text opens a period', () => {
    const d = draftOf(
      'Nummer 06-41234567 op 5 oktober 2026 om 10:00 uur en op 6 oktober 2026 om 11:00 uur.',
    );
    expect(d.items[0]!.period).toBeUndefined();
    expect(d.items[0]!.moment).toBeUndefined();
    expect(d.warnings).toContainEqual({ code: 'moment_unclear', params: { item: 1 } });
  });
});
