import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Extra content under the input (e.g. a strength meter); tied to the input by aria-describedby. */
  below?: ReactNode;
  /** Put the hint under the input (keeps inputs aligned in a row of fields). */
  hintBelow?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with an optional hint and an error that is announced and linked to it. */
export function Field({
  label,
  hint,
  error,
  below,
  hintBelow,
  className,
  ref,
  ...input
}: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const belowId = below ? `${id}-below` : undefined;
  const describedBy = [hintId, belowId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && !hintBelow && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint && hintBelow && (
        <p className="field__hint field__hint--below" id={hintId}>
          {hint}
        </p>
      )}
      {below && <div id={belowId}>{below}</div>}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A user name input: the system adds no capital and no spelling suggestion to it. */
export function UserNameField(props: FieldProps) {
  return <Field autoComplete="username" autoCapitalize="none" spellCheck={false} {...props} />;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the select, announced with it and marking it invalid (as Field's). */
  error?: string | null;
  children: ReactNode;
}

export function SelectField({ label, hint, error, children, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <select
        id={id}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

interface CheckFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'checked' | 'onChange'
> {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** Shown under the label and tied to the box by aria-describedby. */
  hint?: ReactNode;
  /** Shown under the row, announced with the box and marking it invalid. */
  error?: string | null;
}

/** A checkbox with its label to the right (class `check`), optionally a hint and an error. */
export function CheckField({
  label,
  checked,
  onChange,
  hint,
  error,
  id: givenId,
  className = 'check',
  ...input
}: CheckFieldProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const labelEl = <label htmlFor={id}>{label}</label>;
  return (
    <>
      <div className={`${className}${error ? ' field--invalid' : ''}`}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.checked)}
          {...input}
        />
        {hint ? (
          <div>
            {labelEl}
            <p id={hintId} className="field__hint">
              {hint}
            </p>
          </div>
        ) : (
          labelEl
        )}
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
}

/** The `<option>`s of a select for a list of values, each with its label in the UI language. */
export function optionsOf<T extends string | number>(
  values: readonly T[] | undefined,
  label: (value: T) => ReactNode,
): ReactNode {
  return values?.map((v) => (
    <option key={v} value={v}>
      {label(v)}
    </option>
  ));
}
