import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles';
import type { FirstSteps as FirstStepsState } from '../../../shared/schemas/vault';
import { desk, unwrap } from '../../api';
import { useDeskData } from '../../hooks/useDeskData';
import { useSession } from '../../session/SessionProvider';
import { sectionLink, type SettingsSectionKey } from '../settings/section-list';
import { useFirstStepsHidden } from './first-steps-dismissal';
import './first-steps.css';

type StepKey = 'officer' | 'approver' | 'customers' | 'organisation';
const STEPS: readonly StepKey[] = ['officer', 'approver', 'customers', 'organisation'];
/** The account a step asks for: its link opens the add-user form with that role chosen. */
const STEP_ROLE: Partial<Record<StepKey, Role>> = {
  officer: 'officer',
  approver: 'approver',
  customers: 'importer',
};

/** Where a step is done: the customers step needs an importer account first, then no link. */
function linkOf(step: StepKey, s: FirstStepsState): SettingsSectionKey | null {
  if (step === 'organisation') return 'organisation';
  if (step === 'customers') return s.importer ? null : 'users';
  return 'users';
}

/**
 * The admin's first steps on a new desk, on the start page: accounts for an officer and an
 * approver (the admin can do neither's work), customer data, and the letterhead. Each step is
 * ticked from what the vault holds; the guide goes once every step is done, or when the admin
 * hides it (remembered per user on this workstation).
 */
export function FirstSteps() {
  const { t } = useTranslation('firstSteps');
  const { state: session } = useSession();
  const user = session?.user;
  const steps = useDeskData(async () => unwrap(await desk.vault.firstSteps({})), []);
  const { hidden, hide } = useFirstStepsHidden(
    session?.orgName ?? '',
    user?.id ?? 0,
    user?.name ?? '',
  );
  const [justHidden, setJustHidden] = useState(false);
  const note = useRef<HTMLParagraphElement>(null);

  const s = steps.data;
  if (justHidden) {
    return (
      <p className="first-steps-hidden" role="status" ref={note} tabIndex={-1}>
        {t('hidden')}
      </p>
    );
  }
  if (!s || hidden !== false) return null;
  const done = STEPS.filter((k) => s[k]).length;
  if (done === STEPS.length) return null;

  return (
    <section className="panel first-steps" aria-labelledby="first-steps-heading">
      <h2 id="first-steps-heading">{t('title')}</h2>
      <p>{t('intro')}</p>
      <p className="first-steps__progress">{t('progress', { done, total: STEPS.length })}</p>
      <ol className="first-steps__list">
        {STEPS.map((k) => {
          const ticked = s[k];
          const to = ticked ? null : linkOf(k, s);
          const text =
            k === 'customers' && s.importer
              ? t('steps.customers.textImporter')
              : t(`steps.${k}.text`);
          return (
            <li
              key={k}
              className={`first-steps__step first-steps__step--${ticked ? 'done' : 'open'}`}
              data-testid={`first-step-${k}`}
              data-done={ticked}
            >
              <span className="first-steps__mark" aria-hidden="true">
                {ticked ? '✓' : ''}
              </span>
              <div>
                <h3 className="first-steps__title">
                  {t(`steps.${k}.title`)}{' '}
                  <span className={`badge badge--${ticked ? 'match' : 'open'}`}>
                    {ticked ? t('done') : t('open')}
                  </span>
                </h3>
                {!ticked && <p>{text}</p>}
                {to && (
                  <p>
                    <Link {...sectionLink(to, STEP_ROLE[k])}>{t(`steps.${k}.action`)}</Link>
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn"
        onClick={() => {
          hide();
          setJustHidden(true);
          // The button goes away with the guide: keep the keyboard user's place on its note.
          requestAnimationFrame(() => note.current?.focus());
        }}
      >
        {t('hide')}
      </button>
    </section>
  );
}
