import { fireEvent, within } from '@testing-library/react';
import type { BoundFunctions, queries } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { parseDay, showDay } from '../../../renderer/components/day-text';

/** Where a date-time field is looked up: `screen` or a `within(…)` of a region. */
type Scope = Pick<BoundFunctions<typeof queries>, 'getByRole'>;

/** The date and time inputs of the DateTimeField labelled `label`. */
function parts(scope: Scope, label: string) {
  const group = within(scope.getByRole('group', { name: label }));
  return {
    date: group.getByLabelText('Datum') as HTMLInputElement,
    time: group.getByLabelText('Tijd') as HTMLInputElement,
  };
}

/** The field's value as the form holds it: `yyyy-mm-ddThh:mm[:ss]`. */
export function dateTimeValue(scope: Scope, label: string): string {
  const { date, time } = parts(scope, label);
  return `${parseDay(date.value) ?? date.value}T${time.value}`;
}

/** Types the date (`dd-mm-yyyy`) and the time of `yyyy-mm-ddThh:mm[:ss]`, as an officer does. */
export async function typeDateTime(user: UserEvent, scope: Scope, label: string, value: string) {
  const [day = '', time = ''] = value.split('T');
  const { date, time: timeInput } = parts(scope, label);
  await user.clear(date);
  await user.type(date, showDay(day));
  await user.clear(timeInput);
  await user.type(timeInput, time);
}

/** Sets date and time at once (no typing), for tests about what follows a value. */
export function changeDateTime(scope: Scope, label: string, value: string) {
  const [day = '', time = ''] = value.split('T');
  const { date, time: timeInput } = parts(scope, label);
  fireEvent.change(date, { target: { value: showDay(day) } });
  fireEvent.change(timeInput, { target: { value: time } });
}
