import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * First run, step 2: the recovery key, shown exactly once, in groups a person can copy onto
 * paper. Continuing requires confirming it was written down.
 */
export function RecoveryKeyStep({ recoveryKey, onDone }: { recoveryKey: string; onDone(): void }) {
  const { t } = useTranslation('vault');
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState(false);
  const checkbox = useRef<HTMLInputElement>(null);
  const id = useId();
  const groups = recoveryKey.split('-');

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!confirmed) {
      setProblem(true);
      checkbox.current?.focus();
      return;
    }
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="recovery">
      <p className="lead">{t('recovery.intro')}</p>
      <div className="alert alert--warning">
        <p>
          <strong>{t('recovery.warningTitle')}</strong> {t('recovery.warning')}
        </p>
      </div>
      <h2 id={`${id}-key`}>{t('recovery.keyHeading')}</h2>
      <ol className="recovery-key" aria-labelledby={`${id}-key`} data-testid="recovery-key">
        {groups.map((g, i) => (
          <li key={i} className="recovery-key__group">
            <span className="recovery-key__n" aria-hidden="true">
              {i + 1}
            </span>
            <code>{g}</code>
          </li>
        ))}
      </ol>
      <p className="print-hide">
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('recovery.print')}
        </button>
      </p>
      <div className={`check print-hide${problem && !confirmed ? ' field--invalid' : ''}`}>
        <input
          ref={checkbox}
          id={`${id}-confirm`}
          type="checkbox"
          checked={confirmed}
          aria-invalid={problem && !confirmed ? true : undefined}
          aria-describedby={problem && !confirmed ? `${id}-err` : undefined}
          onChange={(e) => setConfirmed(e.target.checked)}
        />
        <label htmlFor={`${id}-confirm`}>{t('recovery.confirm')}</label>
      </div>
      {problem && !confirmed && (
        <p className="field__error" id={`${id}-err`} role="alert">
          {t('recovery.confirmRequired')}
        </p>
      )}
      <div className="actions print-hide">
        <button type="submit" className="btn btn--primary">
          {t('recovery.continue')}
        </button>
      </div>
    </form>
  );
}
