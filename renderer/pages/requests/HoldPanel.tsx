import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLive, type HoldView } from '../../../shared/schemas/holds';
import { desk, unwrap } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert';
import { CheckField, Field } from '../../components/Field';
import { formatDate, formatDateTime } from '../../components/format';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useCan } from '../../session/SessionProvider';
import { useHeldText } from './held-text';
import { StepAction } from './StepAction';
import type { RequestPanelProps } from './VerificationPanel';
import './hold.css';

const DAY_MS = 86_400_000;
const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** The hold's history, from its fields: placed, extended, converted, ended. */
function HoldHistory({ hold: h }: { hold: HoldView }) {
  const { t, i18n } = useTranslation('holds');
  const at = (iso: string) => formatDateTime(iso, i18n.language);
  const day = (iso: string) => formatDate(iso, i18n.language);
  // The end the hold was placed with: an extension moved it by its days.
  const placedUntil = h.extendedAt ? plusDays(h.until, -h.extensionDays) : h.until;
  const production = h.productionRegisterNo ?? '';
  const lines = [
    t('history.placed', { at: at(h.placedAt), by: h.placedBy, until: day(placedUntil) }),
    h.extendedAt && t('history.extended', { at: at(h.extendedAt), by: h.extendedBy ?? '' }),
    h.convertedAt && t('history.converted', { at: at(h.convertedAt), production }),
    h.endedAt &&
      h.endReason &&
      t(`history.${h.endReason}`, {
        at: h.endReason === 'expired' ? day(h.endedAt) : at(h.endedAt),
        by: h.endedBy ?? '',
        note: h.endNote ?? '',
        production,
      }),
  ].filter((l): l is string => Boolean(l));
  return (
    <ol className="hold-history" data-testid="hold-history">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ol>
  );
}

/** How long the hold still runs, in words and colour (words first: never colour alone). */
function DaysLeft({ days }: { days: number | null }) {
  const { t } = useTranslation('holds');
  if (days === null) return null;
  // The dashboard lists a hold from ten days before its end; the badge turns with it.
  const tone = days <= 0 ? 'overdue' : days <= 10 ? 'due_soon' : 'open';
  return (
    <span className={`badge badge--${tone}`}>
      {days <= 0 ? t('panel.daysOver') : t('panel.daysLeft', { count: days })}
    </span>
  );
}

type Mode = 'idle' | 'convert' | 'release';

/**
 * A preservation order's hold: what it keeps (counts only), until when, and its history; an
 * officer extends it once (Annex VI), keeps it until a production order is decided (Annex V) or
 * releases it, the last only after confirming that the data may then be purged.
 */
export function HoldPanel({ request: r, onChanged }: RequestPanelProps) {
  const { t, i18n } = useTranslation('holds');
  const may = useCan();
  const heldText = useHeldText();
  const { busy, error, done, run } = useDeskAction();
  const [mode, setMode] = useState<Mode>('idle');
  const [production, setProduction] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const formId = useId();
  if (!r.preservation) return null;
  const h = r.hold;
  const registerNo = r.registerNo;
  const day = (iso: string) => formatDate(iso, i18n.language);
  const live = h !== null && isLive(h.state);
  const mayAct = may('requests.handle') && live;

  const open = (next: Mode) => {
    setMode(mode === next ? 'idle' : next);
    setConfirmed(false);
  };
  const extend = () =>
    run(async () => {
      const next = unwrap(await desk.requests.extendHold({ registerNo }));
      onChanged(next);
      return t('extend.done', { until: day(next.hold?.until ?? '') });
    });
  const convert = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const no = production.trim();
      onChanged(
        unwrap(
          await desk.requests.convertHold({
            registerNo,
            production: no,
            ...(note.trim() ? { note: note.trim() } : {}),
          }),
        ),
      );
      setMode('idle');
      return t('convert.done', { production: no });
    });
  };
  const release = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onChanged(unwrap(await desk.requests.releaseHold({ registerNo, reason: reason.trim() })));
      setMode('idle');
      return t('release.done');
    });
  };

  return (
    <section className="panel" aria-labelledby="hold-heading" data-testid="hold-panel">
      <h2 id="hold-heading">{t('panel.title')}</h2>
      <p>{t('panel.intro')}</p>
      {!h ? (
        <p>{t('panel.none')}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('panel.regime')}</dt>
            <dd>{t(`regime.${h.regime}`)}</dd>
            <dt>{t('panel.state')}</dt>
            <dd data-testid="hold-state">
              <strong>{t(`state.${h.state}`)}</strong>
            </dd>
            <dt>{t('panel.placed')}</dt>
            <dd>
              {t('panel.by', { at: formatDateTime(h.placedAt, i18n.language), by: h.placedBy })}
            </dd>
            <dt>{t(live ? 'panel.until' : 'panel.ended')}</dt>
            <dd data-testid="hold-until">
              {h.state === 'converted'
                ? t('panel.untilProduction', { production: h.productionRegisterNo ?? '' })
                : day(h.endedAt ?? h.until)}{' '}
              <DaysLeft days={h.daysLeft} />
            </dd>
            <dt>{t(live ? 'panel.held' : 'panel.heldEnded')}</dt>
            <dd data-testid="hold-held">{heldText(h.held)}</dd>
            {h.productionRegisterNo && (
              <>
                <dt>{t('convert.production')}</dt>
                <dd>
                  <Link to={`/requests/${h.productionRegisterNo}`}>{h.productionRegisterNo}</Link>
                </dd>
              </>
            )}
            <dt>{t('panel.history')}</dt>
            <dd>
              <HoldHistory hold={h} />
            </dd>
          </dl>
        </>
      )}
      <StatusMessage>{done}</StatusMessage>
      <ErrorAlert error={error} />
      {mayAct && h && (
        <>
          {h.state === 'active' && (
            <>
              <StepAction
                label={t('extend.button', { days: h.extensionDays })}
                reason={h.canExtend ? null : t('extend.extendedAlready')}
                busy={busy}
                primary={false}
                onClick={() => void extend()}
              />
              {h.canExtend && (
                <p className="muted">
                  {t('extend.hint', { until: day(plusDays(h.until, h.extensionDays)) })}
                </p>
              )}
            </>
          )}
          <div className="actions">
            {h.state === 'active' && (
              <button
                type="button"
                className="btn"
                aria-expanded={mode === 'convert'}
                aria-controls={`${formId}-convert`}
                onClick={() => open('convert')}
              >
                {t('convert.title')}
              </button>
            )}
            <button
              type="button"
              className="btn"
              aria-expanded={mode === 'release'}
              aria-controls={`${formId}-release`}
              onClick={() => open('release')}
            >
              {t('release.title')}
            </button>
          </div>
          {mode === 'convert' && (
            <form
              id={`${formId}-convert`}
              className="subform"
              aria-label={t('convert.title')}
              onSubmit={convert}
            >
              <h3>{t('convert.title')}</h3>
              <p>{t('convert.intro')}</p>
              <Field
                label={t('convert.production')}
                value={production}
                onChange={(e) => setProduction(e.target.value)}
                className="field--short"
                required
              />
              <Field
                label={t('convert.note')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <button
                type="submit"
                className="btn btn--primary"
                disabled={busy || !production.trim()}
              >
                {t('convert.submit')}
              </button>
            </form>
          )}
          {mode === 'release' && (
            <form
              id={`${formId}-release`}
              className="subform"
              aria-label={t('release.title')}
              onSubmit={release}
            >
              <h3>{t('release.title')}</h3>
              <p>{t('release.intro')}</p>
              <Field
                label={t('release.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
              />
              <CheckField
                label={t('release.confirm')}
                checked={confirmed}
                onChange={setConfirmed}
              />
              <button
                type="submit"
                className="btn btn--primary"
                disabled={busy || !confirmed || reason.trim().length < 3}
              >
                {t('release.submit')}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
