// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { amendedValueText } from '../../renderer/pages/requests/AmendPanel';

// The translation is only asked for an EPOC validating authority's capacity.
const t = (k: string) => `<${k}>`;

describe('corrected values as people read them', () => {
  it('shows moments and the written confirmation in the date format, never as ISO text', () => {
    expect(amendedValueText(t, 'items.2.moment', '2025-06-01T14:00', 'nl')).toBe(
      '1 jun 2025 14:00',
    );
    expect(amendedValueText(t, 'items.1.periodTo', '2025-06-02T00:00:05', 'en')).toBe(
      '2 Jun 2025 00:00:05',
    );
    // An instant: in Dutch time (13:30 UTC in winter is 14:30 in Amsterdam).
    expect(
      amendedValueText(t, 'writtenConfirmationReceivedAt', '2026-12-02T13:30:00.000Z', 'nl'),
    ).toBe('2 dec 2026 14:30');
  });

  it('leaves other fields as they are and names a validating authority', () => {
    expect(amendedValueText(t, 'items.2.port', '1500', 'nl')).toBe('1500');
    expect(amendedValueText(t, 'caseReference', '2026-0001T', 'nl')).toBe('2026-0001T');
    expect(amendedValueText(t, 'items.2.moment', '', 'nl')).toBe('');
    expect(
      amendedValueText(
        t,
        'epoc.validatingAuthority',
        JSON.stringify({ name: 'Tribunal X', function: 'judge', fileReference: 'R-1' }),
        'nl',
      ),
    ).toBe('Tribunal X, <epoc:fn.judge> — R-1');
  });
});
