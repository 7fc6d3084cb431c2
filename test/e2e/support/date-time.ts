import type { Locator, Page } from 'playwright-core';
import { parseDay, showDay } from '../../../renderer/components/day-text';

/** The date and time inputs of the DateTimeField labelled `label` in `scope`. */
function parts(scope: Page | Locator, label: string) {
  const group = scope.getByRole('group', { name: label, exact: true });
  return {
    date: group.getByLabel('Datum', { exact: true }),
    time: group.getByLabel('Tijd', { exact: true }),
  };
}

/** Fills a date-time field with `yyyy-mm-ddThh:mm[:ss]`: the date as dd-mm-yyyy, then the time. */
export async function fillDateTime(scope: Page | Locator, label: string, value: string) {
  const [day = '', time = ''] = value.split('T');
  const { date, time: timeInput } = parts(scope, label);
  await date.fill(showDay(day));
  await timeInput.fill(time);
}

/** A date-time field's value as the form holds it: `yyyy-mm-ddThh:mm[:ss]`. */
export async function dateTimeValue(scope: Page | Locator, label: string): Promise<string> {
  const { date, time } = parts(scope, label);
  const day = await date.inputValue();
  return `${parseDay(day) ?? day}T${await time.inputValue()}`;
}
