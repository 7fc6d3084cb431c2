import { useId } from 'react';

/**
 * A step's button: enabled when the step can succeed, else disabled with the reason next to it
 * (and tied to it for screen readers), so the officer sees what is needed instead of an error.
 */
export function StepAction({
  label,
  reason,
  busy,
  primary = true,
  onClick,
}: {
  label: string;
  /** Why the step cannot be taken now; null when it can. */
  reason: string | null;
  busy: boolean;
  primary?: boolean;
  onClick(): void;
}) {
  const id = useId();
  return (
    <div className="step-action">
      <button
        type="button"
        className={primary ? 'btn btn--primary' : 'btn'}
        disabled={busy || reason !== null}
        aria-describedby={reason ? id : undefined}
        onClick={onClick}
      >
        {label}
      </button>
      {reason && (
        <p id={id} className="muted step-action__reason">
          {reason}
        </p>
      )}
    </div>
  );
}
