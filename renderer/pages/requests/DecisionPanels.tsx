import { useState } from 'react';
import type { FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  isNawCategory,
  type DataCategory,
  type DecisionOutcome,
} from '../../../shared/schemas/terms';
import type { RequestDetail } from '../../../shared/schemas/requests';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { useFindingText } from './finding-text';
import { identifierName } from './identifier-name';

/**
 * Why an outcome cannot be decided now (null when it can): disclosing and "no data" need the
 * checks to pass and the items matched; disclosing needs a match, "no data" needs none. A
 * preservation order is never disclosed on: what matched is held instead.
 */
function unavailable(
  request: RequestDetail,
  matchedCount: number,
  t: TFunction<'requests'>,
): Record<DecisionOutcome, string | null> {
  const needsMatch =
    request.check?.outcome !== 'proceed'
      ? t('flow.checksFailed')
      : request.status !== 'matched'
        ? t('flow.matchFirst')
        : null;
  return {
    disclose: request.preservation
      ? t('flow.preservationOnly')
      : (needsMatch ?? (matchedCount === 0 ? t('flow.noneMatched') : null)),
    no_data: needsMatch ?? (matchedCount > 0 ? t('flow.someMatched') : null),
    refuse: null,
    referred: null,
  };
}

/**
 * What the checks and the match point to: refuse or refer what the checks turned down, disclose
 * what matched, "no data" when nothing did; null while the request is not matched yet.
 */
function suggested(request: RequestDetail, matchedCount: number): DecisionOutcome | null {
  const outcome = request.check?.outcome;
  if (outcome === 'refuse') return 'refuse';
  if (outcome === 'refer') return 'referred';
  if (outcome !== 'proceed' || request.status !== 'matched') return null;
  if (matchedCount > 0) return request.preservation ? null : 'disclose';
  return 'no_data';
}

export interface DecideValues {
  outcome: DecisionOutcome;
  items?: number[];
  categories?: DataCategory[];
  reasons?: string[];
}

/**
 * The decision: disclose (only matched items; only the NAW categories the request asks for and
 * the basis allows; everything else withheld), no data, refuse or refer. Every outcome is listed;
 * one that cannot be decided now is disabled with the reason (failed checks, not matched yet).
 * None is chosen beforehand: a decision is the officer's, so a click on "record" never refuses or
 * discloses by default; the outcome the checks and the match point to is marked as suggested.
 */
export function DecidePanel({
  request,
  busy,
  onDecide,
}: {
  request: RequestDetail;
  busy: boolean;
  onDecide(v: DecideValues): void;
}) {
  const { t } = useTranslation('requests');
  const proceed = request.check?.outcome === 'proceed';
  const matched = request.matches.filter((m) => m.status === 'match').map((m) => m.index);
  const allowed = request.categories.filter(
    (c) => isNawCategory(c) && request.legalBasis.categories.includes(c),
  );
  const reasons = unavailable(request, matched.length, t);
  const order: DecisionOutcome[] =
    request.check?.outcome === 'refer'
      ? ['referred', 'refuse', 'disclose', 'no_data']
      : ['disclose', 'no_data', 'refuse', 'referred'];
  const outcomes = order.filter((o) => !reasons[o]);
  const suggestion = suggested(request, matched.length);
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [items, setItems] = useState<number[]>(matched);
  const [categories, setCategories] = useState<DataCategory[]>(allowed);
  const [reason, setReason] = useState('');
  const current = outcome && outcomes.includes(outcome) ? outcome : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!current) return;
    onDecide({
      outcome: current,
      ...(current === 'disclose' ? { items, categories } : {}),
      ...(reason.trim() ? { reasons: [reason.trim()] } : {}),
    });
  };
  const toggle = <T,>(list: T[], x: T, on: boolean) =>
    on ? [...list, x] : list.filter((y) => y !== x);

  return (
    <section className="panel" aria-labelledby="decide-heading">
      <h2 id="decide-heading">{t('detail.decide')}</h2>
      <form onSubmit={submit}>
        <fieldset className="checks-grid">
          <legend>{t('detail.outcome')}</legend>
          {order.map((o) => (
            <label key={o} className="check">
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={current === o}
                disabled={Boolean(reasons[o])}
                aria-describedby={reasons[o] ? `outcome-why-${o}` : undefined}
                onChange={() => setOutcome(o)}
              />{' '}
              {t(`detail.outcomes.${o}`)}
              {suggestion === o && !reasons[o] && (
                <span className="badge badge--open"> {t('detail.suggested')}</span>
              )}
              {reasons[o] && (
                <span id={`outcome-why-${o}`} className="muted choice-reason">
                  {reasons[o]}
                </span>
              )}
            </label>
          ))}
        </fieldset>
        {current === 'disclose' && (
          <>
            <fieldset className="checks-grid">
              <legend>{t('detail.discloseItems')}</legend>
              {matched.map((i) => (
                <label key={i} className="check">
                  <input
                    type="checkbox"
                    checked={items.includes(i)}
                    onChange={(e) => setItems(toggle(items, i, e.target.checked))}
                  />{' '}
                  {identifierName(request, i, t)}
                </label>
              ))}
            </fieldset>
            <fieldset className="checks-grid">
              <legend>{t('detail.discloseCategories')}</legend>
              {allowed.map((c) => (
                <label key={c} className="check">
                  <input
                    type="checkbox"
                    checked={categories.includes(c)}
                    onChange={(e) => setCategories(toggle(categories, c, e.target.checked))}
                  />{' '}
                  {t(`category.${c}`)}
                </label>
              ))}
            </fieldset>
            <p className="muted">{t('detail.withheldNote')}</p>
          </>
        )}
        {(current === 'refuse' || current === 'referred') && (
          <Field
            label={t('detail.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        <button
          type="submit"
          className="btn btn--primary"
          disabled={
            busy ||
            current === null ||
            (current === 'disclose' && (items.length === 0 || categories.length === 0)) ||
            (current === 'refuse' && !reason.trim() && proceed)
          }
        >
          {t('detail.decideButton')}
        </button>
        {current === null && <p className="muted">{t('detail.chooseOutcome')}</p>}
      </form>
    </section>
  );
}

/** Decisions so far, and the four-eyes approval of a pending disclosure. */
export function ApprovePanel({
  request,
  busy,
  userName,
  canApprove,
  onApprove,
}: {
  request: RequestDetail;
  busy: boolean;
  userName: string;
  canApprove: boolean;
  onApprove(approve: boolean, note: string): void;
}) {
  const { t, i18n } = useTranslation('requests');
  const finding = useFindingText();
  const [note, setNote] = useState('');
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  if (request.decisions.length === 0) return null;
  const pending = request.decisions.find((d) => d.state === 'pending_approval');
  // A refusal repeats the failed checks' findings as the core recorded them (in English); show
  // each as the checks panel words it, in the UI language. The officer's own reasons stay as
  // written.
  const checkText = new Map(
    (request.check?.failures ?? []).map((f) => [f.message, finding.text(f)]),
  );
  return (
    <section className="panel" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('detail.decisions')}</h2>
      <ul className="item-list">
        {request.decisions.map((d) => {
          const a = request.approvals.find((x) => x.decisionId === d.id);
          return (
            <li key={d.id}>
              {t('detail.decisionLine', {
                outcome: t(`detail.outcomes.${d.outcome}`),
                by: d.decidedBy,
                at: when(d.decidedAt),
              })}{' '}
              — <strong>{t(`detail.decisionState.${d.state}`)}</strong>
              {d.outcome === 'disclose' && (
                <div>
                  {d.items.map((i) => identifierName(request, i, t)).join(', ')}:{' '}
                  {d.categories.map((c) => t(`category.${c}`)).join(', ')}
                  {d.withheld.length > 0 && (
                    <div className="muted">
                      {t('detail.withheld', {
                        list: d.withheld.map((c) => t(`category.${c}`)).join(', '),
                      })}
                    </div>
                  )}
                </div>
              )}
              {d.reasons.length > 0 && (
                <ul>
                  {d.reasons.map((r, i) => (
                    <li key={i}>{checkText.get(r) ?? r}</li>
                  ))}
                </ul>
              )}
              {a && (
                <div>
                  {t(a.approved ? 'detail.approvedBy' : 'detail.rejectedBy', {
                    by: a.by,
                    at: when(a.at),
                  })}
                  {a.onePerson && (
                    <span className="badge badge--warn"> {t('detail.onePerson')}</span>
                  )}
                  {a.note && <div className="muted">{a.note}</div>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {pending && (
        <div className="subform" aria-labelledby="approve-heading">
          <h3 id="approve-heading">{t('detail.approve')}</h3>
          <p>{t('detail.approveIntro')}</p>
          {pending.decidedBy === userName && (
            <p className="alert alert--warning">{t('detail.ownDecision')}</p>
          )}
          {canApprove && (
            <>
              <Field
                label={t('detail.approvalNote')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <div className="actions">
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={busy}
                  onClick={() => onApprove(true, note.trim())}
                >
                  {t('detail.approveButton')}
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() => onApprove(false, note.trim())}
                >
                  {t('detail.rejectButton')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
