import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { parseDay, showDay } from './day-text';

interface DayFieldProps {
  label: ReactNode;
  /** `yyyy-mm-dd`, or '' when empty. */
  value: string;
  /** The day once it is complete, '' while it is empty or not a day (the field then says why). */
  onChange(value: string): void;
  error?: string | null;
}

/**
 * A day typed as day-month-year (`02-12-2026`) in the UI's language, whatever the operating
 * system's locale (a browser's date input follows that and can ask for mm/dd/yyyy). What was
 * typed is shown in the usual form once the field is left.
 */
export function DayField({ label, value, onChange, error }: DayFieldProps) {
  const { t } = useTranslation('common');
  const [text, setText] = useState(() => showDay(value));
  const [touched, setTouched] = useState(false);
  // What this field last reported: a value from outside (a reset) replaces the text.
  const reported = useRef(value);
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(showDay(value));
      setTouched(false);
    }
  }, [value]);

  function change(next: string) {
    setText(next);
    const day = next.trim() === '' ? '' : (parseDay(next) ?? '');
    if (day !== reported.current) {
      reported.current = day;
      onChange(day);
    }
  }

  const invalid = text.trim() !== '' && parseDay(text) === null;
  return (
    <Field
      label={label}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder={t('dateTime.datePlaceholder')}
      maxLength={10}
      hint={t('dateTime.dayHint')}
      hintBelow
      value={text}
      error={touched && invalid ? t('dateTime.dateInvalid') : (error ?? null)}
      onChange={(e) => change(e.target.value)}
      onBlur={() => {
        setTouched(true);
        const day = parseDay(text);
        if (day) setText(showDay(day));
      }}
    />
  );
}
