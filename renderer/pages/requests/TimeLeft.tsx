import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestSummary } from '../../../shared/schemas/requests';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The wall clock, once a minute: time left moves on while the page stays open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(id);
  }, []);
  return now;
}

/** "2 d 4 u", "5 u 20 min", "12 min": the largest two units of a span. */
function useSpan(): (ms: number) => string {
  const { t } = useTranslation('requests');
  return (ms) => {
    const minutes = Math.max(0, Math.floor(ms / MINUTE));
    const days = Math.floor(minutes / (24 * 60));
    const hours = Math.floor((minutes % (24 * 60)) / 60);
    const mins = minutes % 60;
    if (days > 0) return t('timeLeft.daysHours', { days, hours });
    if (hours > 0) return t('timeLeft.hoursMinutes', { hours, minutes: mins });
    return t('timeLeft.minutes', { minutes: mins });
  };
}

/**
 * The deadline of an open request as time left or overdue, in words and colour. An emergency says
 * so in its own colour with the hours left, so it never looks like any other request due soon.
 */
export function TimeLeft({
  deadline,
  state,
  urgency,
}: {
  deadline: string;
  state: RequestSummary['deadlineState'];
  urgency: RequestSummary['urgency'];
}) {
  const { t } = useTranslation('requests');
  const now = useNow();
  const span = useSpan();
  const emergency = urgency === 'emergency';
  if (state === 'closed') {
    return <span className="badge badge--closed">{t('deadline.closed')}</span>;
  }
  const left = Date.parse(deadline) - now;
  const late = left < 0;
  const tone = late ? 'overdue' : emergency ? 'emergency' : left < 24 * HOUR ? 'due_soon' : 'open';
  const text = late
    ? t('timeLeft.overdue', { span: span(-left) })
    : t('timeLeft.left', { span: span(left) });
  return (
    <span
      className={`time-left time-left--${tone}${emergency ? ' time-left--is-emergency' : ''}`}
      data-deadline-state={late ? 'overdue' : state}
    >
      {emergency && <strong className="time-left__urgency">{t('urgency.emergency')}</strong>}
      {text}
    </span>
  );
}
