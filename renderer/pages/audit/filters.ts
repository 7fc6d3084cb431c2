import { endOfLocalDay, startOfLocalDay } from '../../components/format';

export interface AuditFilterValues {
  user: string;
  action: string;
  subject: string;
  /** yyyy-mm-dd from a date input, local day, inclusive. */
  from: string;
  /** yyyy-mm-dd, inclusive (sent as the next midnight, exclusive). */
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = {
  user: '',
  action: '',
  subject: '',
  from: '',
  to: '',
};

export const PAGE_SIZE = 25;

/** The filter form's values → audit.list input (empty fields left out). */
export function toListInput(f: AuditFilterValues, offset: number) {
  const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
  return {
    user: opt(f.user),
    action: opt(f.action),
    subject: opt(f.subject),
    from: startOfLocalDay(f.from),
    to: endOfLocalDay(f.to),
    limit: PAGE_SIZE,
    offset,
  };
}
