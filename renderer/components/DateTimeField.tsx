import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDay, showDay } from './day-text';

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)(?:[:.]([0-5]\d))?$/;

/**
 * A typed time → `HH:MM` (or `HH:MM:SS` when seconds are allowed and given), or null when it is
 * not a 24-hour time. A dot is accepted as separator, as Dutch writes `14.30`.
 */
export function normalTime(text: string, seconds = false): string | null {
  const m = TIME.exec(text.trim());
  if (!m || (m[3] !== undefined && !seconds)) return null;
  const hm = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  return m[3] !== undefined && m[3] !== '00' ? `${hm}:${m[3]}` : hm;
}

/** A `yyyy-mm-ddThh:mm[:ss]` value → its date and time parts as the field shows them. */
function split(value: string): { date: string; time: string } {
  const [date = '', time = ''] = value.split('T');
  return {
    date: showDay(date),
    time: time.replace(/^(\d{2}:\d{2}(?::\d{2})?).*$/, '$1').replace(/^(\d{2}:\d{2}):00$/, '$1'),
  };
}

/** The parts as typed → `yyyy-mm-ddThh:mm[:ss]`, '' when empty, null when incomplete or wrong. */
function join(date: string, time: string, seconds: boolean): string | null {
  if (date.trim() === '' && time.trim() === '') return '';
  const d = parseDay(date);
  const t = normalTime(time, seconds);
  return d && t ? `${d}T${t}` : null;
}

interface DateTimeFieldProps {
  label: ReactNode;
  /** `yyyy-mm-ddThh:mm` (seconds optional), wall-clock time (Dutch time unless said otherwise); '' when empty. */
  value: string;
  /** The complete value, or '' while it is empty or incomplete (the field then says why). */
  onChange(value: string): void;
  hint?: ReactNode;
  error?: string | null;
  disabled?: boolean;
  required?: boolean;
  /** Accept `HH:MM:SS` too (moments of an identifier can need the second). */
  seconds?: boolean;
  /**
   * Say the time is Dutch time (the default: the register reads a time without offset so). Off for
   * a field whose zone is chosen beside it, such as an identifier's moment.
   */
  dutchTime?: boolean;
  className?: string;
}

/**
 * A moment typed as a date (`02-12-2026`: day, month, year) and a 24-hour time (`14:30`), in the
 * UI's language whatever the operating system's locale: the browser's own date and time inputs
 * follow that locale, and can show `12/02/2026` (month first) or a 12-hour clock with AM/PM.
 * What was typed is shown in the usual form once the field is left (`2.12.2026` → `02-12-2026`).
 */
export function DateTimeField({
  label,
  value,
  onChange,
  hint,
  error,
  disabled,
  required,
  seconds = false,
  dutchTime = true,
  className,
}: DateTimeFieldProps) {
  const { t } = useTranslation('common');
  const id = useId();
  const [parts, setParts] = useState(() => split(value));
  const [touched, setTouched] = useState(false);
  // What this field last reported: a value from outside (a reset, a prefill) replaces the parts.
  const reported = useRef(value);
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setParts(split(value));
      setTouched(false);
    }
  }, [value]);

  function update(next: { date: string; time: string }) {
    setParts(next);
    const joined = join(next.date, next.time, seconds) ?? '';
    if (joined !== reported.current) {
      reported.current = joined;
      onChange(joined);
    }
  }

  /** The field is left: what was typed is shown in its usual form. */
  function tidy() {
    setTouched(true);
    const day = parseDay(parts.date);
    const time = normalTime(parts.time, seconds);
    const next = { date: day ? showDay(day) : parts.date, time: time ?? parts.time };
    if (next.date !== parts.date || next.time !== parts.time) setParts(next);
  }

  const incomplete = join(parts.date, parts.time, seconds) === null;
  const dateEmpty = parts.date.trim() === '';
  const timeEmpty = parts.time.trim() === '';
  const dateInvalid = !dateEmpty && parseDay(parts.date) === null;
  const timeInvalid = !timeEmpty && normalTime(parts.time, seconds) === null;
  const problem: 'date' | 'time' | null =
    !touched || !incomplete ? null : dateInvalid || (dateEmpty && !timeInvalid) ? 'date' : 'time';
  const own =
    problem === null
      ? null
      : problem === 'date'
        ? t(dateInvalid ? 'dateTime.dateInvalid' : 'dateTime.dateMissing')
        : t(
            timeInvalid
              ? seconds
                ? 'dateTime.timeInvalidSeconds'
                : 'dateTime.timeInvalid'
              : 'dateTime.timeMissing',
          );
  const shown = own ?? error ?? null;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = shown ? `${id}-error` : undefined;
  const formatHintId = `${id}-format-hint`;
  const describedBy = (extra?: string) =>
    [hintId, extra, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div
      role="group"
      aria-labelledby={`${id}-label`}
      className={`field datetime-field${shown ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
    >
      <span className="datetime-field__label" id={`${id}-label`}>
        {label}
      </span>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="datetime-field__parts" onBlur={tidy}>
        <div className="datetime-field__part">
          <label htmlFor={`${id}-date`}>{t('dateTime.date')}</label>
          <input
            id={`${id}-date`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('dateTime.datePlaceholder')}
            maxLength={10}
            value={parts.date}
            disabled={disabled}
            required={required}
            aria-invalid={problem === 'date' || (!own && error) ? true : undefined}
            aria-describedby={describedBy(formatHintId)}
            onChange={(e) => update({ ...parts, date: e.target.value })}
          />
        </div>
        <div className="datetime-field__part datetime-field__part--time">
          <label htmlFor={`${id}-time`}>{t('dateTime.time')}</label>
          <input
            id={`${id}-time`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            placeholder={seconds ? t('dateTime.placeholderSeconds') : t('dateTime.placeholder')}
            maxLength={seconds ? 8 : 5}
            value={parts.time}
            disabled={disabled}
            required={required}
            aria-invalid={problem === 'time' ? true : undefined}
            aria-describedby={describedBy(formatHintId)}
            onChange={(e) => update({ ...parts, time: e.target.value })}
          />
        </div>
      </div>
      <p className="field__hint field__hint--below" id={formatHintId}>
        {dutchTime && <strong className="datetime-field__zone">{t('dateTime.dutchTime')} </strong>}
        {seconds ? t('dateTime.hintSeconds') : t('dateTime.hint')}
      </p>
      {shown && (
        <p className="field__error" id={errorId}>
          {shown}
        </p>
      )}
    </div>
  );
}
