import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/schemas/common';
import { useProblemText } from '../hooks/useProblemText';
import { Field } from './Field';
import { StrengthMeter } from './StrengthMeter';
import { passphraseProblem, repeatProblem, type Problem } from './validation';

interface Props {
  passphrase: string;
  repeat: string;
  onPassphrase(v: string): void;
  onRepeat(v: string): void;
  problems: { passphrase?: Problem | null; repeat?: Problem | null };
  /** Label of the first field (e.g. "Passphrase" or "New passphrase"). */
  label?: string;
}

/** A new passphrase typed twice, with the ≥ 12 characters rule and a strength meter. */
export function PassphrasePair(p: Props) {
  const { t } = useTranslation('vault');
  const text = useProblemText();
  return (
    <>
      <Field
        label={p.label ?? t('passphrase.label')}
        hint={t('passphrase.hint', { min: MIN_PASSPHRASE_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={p.passphrase}
        onChange={(e) => p.onPassphrase(e.target.value)}
        error={text(p.problems.passphrase)}
        below={<StrengthMeter value={p.passphrase} />}
      />
      <Field
        label={t('passphrase.repeat')}
        type="password"
        autoComplete="new-password"
        value={p.repeat}
        onChange={(e) => p.onRepeat(e.target.value)}
        error={text(p.problems.repeat)}
      />
    </>
  );
}

/**
 * The state of a PassphrasePair: `fields` go to the component, `problems()` into the form's check,
 * `clear()` empties both fields (after a save, or a failed attempt).
 */
export function useNewPassphrase() {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  return {
    passphrase,
    problems: () => ({
      passphrase: passphraseProblem(passphrase),
      repeat: repeatProblem(passphrase, repeat),
    }),
    clear: () => {
      setPassphrase('');
      setRepeat('');
    },
    fields: { passphrase, repeat, onPassphrase: setPassphrase, onRepeat: setRepeat },
  };
}
