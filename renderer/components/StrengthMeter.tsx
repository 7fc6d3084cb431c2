import { useTranslation } from 'react-i18next';
import { passphraseStrength } from './passphrase-strength';

/** A visual meter plus a text level; the text is what assistive technology reads. */
export function StrengthMeter({ value }: { value: string }) {
  const { t } = useTranslation('vault');
  const { level, score } = passphraseStrength(value);
  return (
    <div className={`strength strength--${level}`}>
      <div className="strength__bar" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <span
            key={i}
            className={i <= score ? 'strength__seg strength__seg--on' : 'strength__seg'}
          />
        ))}
      </div>
      <p className="strength__text">
        {t('strength.label')}: <strong>{t(`strength.${level}`)}</strong>
      </p>
    </div>
  );
}
