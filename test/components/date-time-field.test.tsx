// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { DateTimeField, normalTime } from '../../renderer/components/DateTimeField';
import { DayField } from '../../renderer/components/DayField';
import { parseDay, showDay } from '../../renderer/components/day-text';
import { initI18n } from '../../renderer/i18n';

afterEach(cleanup);

/** The field held by a parent, as a form holds it; what it reports is shown beside it. */
function Harness({
  initial = '',
  seconds = false,
  dutchTime,
}: {
  initial?: string;
  seconds?: boolean;
  dutchTime?: boolean;
}) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateTimeField
        label="Ontvangen op"
        value={value}
        onChange={setValue}
        seconds={seconds}
        {...(dutchTime === undefined ? {} : { dutchTime })}
      />
      <output data-testid="value">{value}</output>
      <button type="button" onClick={() => setValue('2026-01-05T08:00')}>
        prefill
      </button>
    </>
  );
}

function renderField(
  props: { initial?: string; seconds?: boolean; dutchTime?: boolean } = {},
  lang: 'nl' | 'en' = 'nl',
) {
  render(
    <I18nextProvider i18n={initI18n(lang)}>
      <Harness {...props} />
    </I18nextProvider>,
  );
  const group = screen.getByRole('group', {
    name: lang === 'nl' ? 'Ontvangen op' : 'Ontvangen op',
  });
  return {
    group,
    date: within(group).getByLabelText(lang === 'nl' ? 'Datum' : 'Date') as HTMLInputElement,
    time: within(group).getByLabelText(lang === 'nl' ? 'Tijd' : 'Time') as HTMLInputElement,
    value: () => screen.getByTestId('value').textContent,
  };
}

describe('normalTime', () => {
  it('reads 24-hour times, with a colon or a dot, and refuses the rest', () => {
    expect(normalTime('14:30')).toBe('14:30');
    expect(normalTime('9:05')).toBe('09:05');
    expect(normalTime('14.30')).toBe('14:30');
    expect(normalTime('23:59')).toBe('23:59');
    for (const bad of ['24:00', '12:60', '2:30 PM', '1430', '', 'noon']) {
      expect(normalTime(bad), bad).toBeNull();
    }
    expect(normalTime('14:30:05')).toBeNull();
    expect(normalTime('14:30:05', true)).toBe('14:30:05');
    expect(normalTime('14:30:00', true)).toBe('14:30');
  });
});

describe('parseDay and showDay', () => {
  it('read day-month-year as Dutch writes it, whatever the system locale, and refuse what does not exist', () => {
    expect(parseDay('02-12-2026')).toBe('2026-12-02');
    expect(parseDay('2-12-2026')).toBe('2026-12-02');
    expect(parseDay('02/12/2026')).toBe('2026-12-02');
    expect(parseDay('2.12.2026')).toBe('2026-12-02');
    expect(parseDay('02122026')).toBe('2026-12-02');
    expect(parseDay(' 29-02-2028 ')).toBe('2028-02-29');
    // Pasted from a system or an export in ISO form.
    expect(parseDay('2026-12-02')).toBe('2026-12-02');
    for (const bad of [
      '12/31/2026',
      '31-02-2026',
      '29-02-2027',
      '00-01-2026',
      '1-13-2026',
      '02-12-26',
      '',
      'morgen',
    ]) {
      expect(parseDay(bad), bad).toBeNull();
    }
    expect(showDay('2026-12-02')).toBe('02-12-2026');
    expect(showDay('')).toBe('');
  });
});

describe('DateTimeField', () => {
  it('is a labelled group of two text fields, the date as dd-mm-jjjj and the time in 24 hours', () => {
    const { group, date, time } = renderField();
    expect(group.getAttribute('role')).toBe('group');
    // Not the browser's date input: that one follows the system locale (mm/dd/yyyy in the US).
    expect(date.type).toBe('text');
    expect(date.getAttribute('inputmode')).toBe('numeric');
    expect(date.placeholder).toBe('dd-mm-jjjj');
    // One hint for both halves, read out with either.
    const hintOf = (input: HTMLInputElement) =>
      document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!);
    // The register reads a time without offset as Dutch time, and the field says so.
    expect(hintOf(date)?.textContent).toBe(
      'Nederlandse tijd. Dag-maand-jaar en 24 uur, bijv. 02-12-2026 14:30.',
    );
    expect(hintOf(time)).toBe(hintOf(date));
    expect(time.type).toBe('text');
    expect(time.getAttribute('inputmode')).toBe('numeric');
  });

  it('leaves out "Dutch time" where the zone is chosen beside the field', () => {
    const { date } = renderField({ dutchTime: false, seconds: true });
    const hint = document.getElementById(date.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(hint?.textContent).toBe('Dag-maand-jaar en 24 uur, bijv. 02-12-2026 14:30 of 14:30:05.');
  });

  it('reports date and time as one local value once both are complete', async () => {
    const user = userEvent.setup();
    const f = renderField();
    await user.type(f.date, '02-12-2026');
    expect(f.value()).toBe('');
    await user.type(f.time, '14.30');
    expect(f.value()).toBe('2026-12-02T14:30');
  });

  it('reads the day before the month, and shows what was typed in the usual form once left', async () => {
    const user = userEvent.setup();
    const f = renderField();
    await user.type(f.date, '3/4/2026');
    await user.type(f.time, '9.05');
    expect(f.value()).toBe('2026-04-03T09:05');
    await user.tab();
    expect(f.date.value).toBe('03-04-2026');
    expect(f.time.value).toBe('09:05');
  });

  it('says how to write the date when it is not a day that exists', async () => {
    const user = userEvent.setup();
    const f = renderField({ initial: '2026-12-02T09:15' });
    await user.clear(f.date);
    await user.type(f.date, '31-02-2026');
    await user.tab();
    expect(f.value()).toBe('');
    expect(f.date.getAttribute('aria-invalid')).toBe('true');
    expect(f.time.getAttribute('aria-invalid')).toBeNull();
    const error = within(f.group).getByText(/Geen geldige datum: schrijf dd-mm-jjjj/);
    expect(f.date.getAttribute('aria-describedby')).toContain(error.id);
    // The officer's text stays to be corrected, not replaced.
    expect(f.date.value).toBe('31-02-2026');
  });

  it('is keyboard usable: Tab from the date to the time, typed time only', async () => {
    const user = userEvent.setup();
    const f = renderField({ initial: '2026-12-02T09:15' });
    expect(f.date.value).toBe('02-12-2026');
    expect(f.time.value).toBe('09:15');
    f.date.focus();
    await user.tab();
    expect(document.activeElement).toBe(f.time);
    await user.clear(f.time);
    await user.type(f.time, '21:07');
    expect(f.value()).toBe('2026-12-02T21:07');
  });

  it('says how to write the time when it is not a 24-hour time', async () => {
    const user = userEvent.setup();
    const f = renderField({ initial: '2026-12-02T09:15' });
    await user.clear(f.time);
    await user.type(f.time, '2:30PM');
    await user.tab();
    expect(f.value()).toBe('');
    expect(f.time.getAttribute('aria-invalid')).toBe('true');
    const error = within(f.group).getByText(/Schrijf de tijd als uu:mm in 24 uur/);
    expect(f.time.getAttribute('aria-describedby')).toContain(error.id);
  });

  it('asks for the missing half', async () => {
    const user = userEvent.setup();
    const f = renderField();
    await user.type(f.time, '10:00');
    await user.tab();
    expect(within(f.group).getByText('Vul ook de datum in.')).toBeTruthy();
  });

  it('takes the second where an identifier needs it', async () => {
    const user = userEvent.setup();
    const f = renderField({ initial: '2026-10-27T21:07:45', seconds: true });
    expect(f.time.value).toBe('21:07:45');
    await user.clear(f.time);
    await user.type(f.time, '21:07:46');
    expect(f.value()).toBe('2026-10-27T21:07:46');
  });

  it('follows a value set from outside', async () => {
    const user = userEvent.setup();
    const f = renderField();
    await user.click(screen.getByRole('button', { name: 'prefill' }));
    expect(f.date.value).toBe('05-01-2026');
    expect(f.time.value).toBe('08:00');
  });

  it('speaks English in the English UI, day before month there too', async () => {
    const user = userEvent.setup();
    const f = renderField({}, 'en');
    expect(f.time.placeholder).toBe('hh:mm');
    expect(f.date.placeholder).toBe('dd-mm-yyyy');
    await user.type(f.date, '13-02-2026');
    await user.type(f.time, '23:59');
    expect(f.value()).toBe('2026-02-13T23:59');
  });
});

describe('DayField', () => {
  function DayHarness() {
    const [value, setValue] = useState('2026-01-10');
    return (
      <>
        <DayField label="Vanaf datum" value={value} onChange={setValue} />
        <output data-testid="day">{value}</output>
        <button type="button" onClick={() => setValue('')}>
          wissen
        </button>
      </>
    );
  }
  const renderDay = () => {
    render(
      <I18nextProvider i18n={initI18n('nl')}>
        <DayHarness />
      </I18nextProvider>,
    );
    return {
      input: screen.getByLabelText('Vanaf datum') as HTMLInputElement,
      value: () => screen.getByTestId('day').textContent,
    };
  };

  it('shows and takes the day as dd-mm-jjjj, not in the system locale', async () => {
    const user = userEvent.setup();
    const f = renderDay();
    expect(f.input.type).toBe('text');
    expect(f.input.value).toBe('10-01-2026');
    expect(f.input.placeholder).toBe('dd-mm-jjjj');
    await user.clear(f.input);
    await user.type(f.input, '1/2/2026');
    expect(f.value()).toBe('2026-02-01');
    await user.tab();
    expect(f.input.value).toBe('01-02-2026');
    await user.click(screen.getByRole('button', { name: 'wissen' }));
    expect(f.input.value).toBe('');
  });

  it('says how to write a day that does not exist, once the field is left', async () => {
    const user = userEvent.setup();
    const f = renderDay();
    await user.clear(f.input);
    await user.type(f.input, '30-02-2026');
    expect(f.value()).toBe('');
    expect(f.input.getAttribute('aria-invalid')).toBeNull();
    await user.tab();
    expect(f.input.getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByText(/Geen geldige datum: schrijf dd-mm-jjjj/);
    expect(f.input.getAttribute('aria-describedby')).toContain(error.id);
  });
});
