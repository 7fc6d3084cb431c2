import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RequestDetail } from '../../../shared/schemas/requests';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { useCatalogueText } from '../../hooks/useCatalogueText';
import { useDeskAction } from '../../hooks/useDeskAction';
import { useDeskData } from '../../hooks/useDeskData';
import { useCan, useSession } from '../../session/SessionProvider';
import { DeadlineBadge } from './DeadlineBadge';
import { TimeLeft } from './TimeLeft';
import { ApprovePanel, DecidePanel } from './DecisionPanels';
import { ItemsPanel } from './ItemsPanel';
import { OriginalDocument } from './intake/OriginalDocument';
import { ChecksPanel } from './CheckPanels';
import { AmendPanel } from './AmendPanel';
import { Annex3Panel } from './Annex3Panel';
import { DocumentActions } from './DocumentActions';
import { EpocPanel } from './EpocPanel';
import { HoldPanel } from './HoldPanel';
import { Hi1AnswerPanel } from './Hi1AnswerPanel';
import { VerificationPanel } from './VerificationPanel';
import { LetterPanel } from '../letters';
import { Timeline } from './Timeline';

const FINAL = ['disclosed', 'no_data', 'refused', 'referred'];
/** States with a letter to preview (awaiting approval) or issue, print and send. */
const LETTER_STATES = ['awaiting_approval', 'disclosed', 'no_data', 'refused'];
const STEPS = ['log', 'verify', 'check', 'match', 'decide', 'approve'] as const;
/** A preservation order is answered by keeping what matched, never by a decision to disclose. */
const PRESERVATION_STEPS = ['log', 'verify', 'check', 'match', 'preserve'] as const;

type Step = (typeof STEPS)[number] | (typeof PRESERVATION_STEPS)[number];
const stepsOf = (r: RequestDetail): readonly Step[] =>
  r.preservation ? PRESERVATION_STEPS : STEPS;
/** done (green), failed (the checks found objections), skipped (a closed request never took it). */
type StepState = 'done' | 'todo' | 'failed' | 'skipped';

function stepStates(r: RequestDetail): { state(s: Step): StepState; current: Step | null } {
  const done = new Set<Step>(['log']);
  if (r.verified) done.add('verify');
  if (r.check && r.status !== 'received') done.add('check');
  if (r.matches.length > 0) done.add('match');
  if (r.status === 'awaiting_approval' || FINAL.includes(r.status)) done.add('decide');
  // Only a disclosure is approved; a refusal, referral or "no data" never was.
  if (r.status === 'disclosed') done.add('approve');
  if (r.hold) done.add('preserve');
  const final = FINAL.includes(r.status);
  const current = final ? null : (stepsOf(r).find((s) => !done.has(s)) ?? null);
  const failed = (s: Step) => s === 'check' && done.has(s) && r.check?.outcome !== 'proceed';
  return {
    state: (s) => (failed(s) ? 'failed' : done.has(s) ? 'done' : final ? 'skipped' : 'todo'),
    current,
  };
}

/**
 * The status in words; "checked" with the checks' objections counted, so a failed check never
 * reads as a plain success.
 */
function StatusText({ request: r }: { request: RequestDetail }) {
  const { t } = useTranslation('requests');
  const failures = r.check?.failures.length ?? 0;
  if (r.status === 'checked' && failures > 0) {
    return (
      <strong className="status--problem">
        {t('status.checkedWithFailures', { count: failures })}
      </strong>
    );
  }
  return <strong>{t(`status.${r.status}`)}</strong>;
}

/** One request: the wizard's later steps (verify → check → match → decide → approve) and its record. */
export function RequestPage() {
  const { registerNo = '' } = useParams();
  const { t, i18n } = useTranslation('requests');
  const { authorityName, basisName, basisArticle } = useCatalogueText();
  const { state } = useSession();
  const may = useCan();
  const mayHandle = may('requests.handle');
  const detail = useDeskData(
    async () => unwrap(await desk.requests.get({ registerNo })),
    [registerNo],
  );
  const { busy, error, run } = useDeskAction();

  /** Runs a step that returns the new detail (or reloads), showing its error if it fails. */
  const act = (step: () => Promise<RequestDetail | void>) =>
    run(async () => {
      const next = await step();
      if (next) detail.setData(next);
      else await detail.reload();
    });

  const r = detail.data;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  if (!r) {
    return (
      <Page title={registerNo}>
        <ErrorAlert error={detail.error} />
      </Page>
    );
  }
  const steps = stepStates(r);
  const final = FINAL.includes(r.status);
  const open = !final && r.status !== 'awaiting_approval';

  return (
    <Page title={t('detail.title', { registerNo: r.registerNo })}>
      <p>
        <Link to="/requests">{t('detail.back')}</Link>
      </p>
      <ol className="steps" aria-label={t('steps.label')}>
        {stepsOf(r).map((s) => {
          const state = steps.state(s);
          return (
            <li key={s} data-state={state} aria-current={steps.current === s ? 'step' : undefined}>
              {t(`steps.${s}`)}
              {(state === 'failed' || state === 'skipped') && (
                <span className="steps__state"> {t(`steps.state.${state}`)}</span>
              )}
            </li>
          );
        })}
      </ol>
      <p role="status" aria-live="polite">
        {!final && r.deadlineState !== 'closed' && (
          <>
            <TimeLeft deadline={r.deadline} state={r.deadlineState} urgency={r.urgency} />{' '}
          </>
        )}
        <StatusText request={r} />
        {' · '}
        {steps.current
          ? t('detail.nextStep', { step: t(`steps.${steps.current}`) })
          : t('detail.done')}
      </p>
      <ErrorAlert error={error ?? detail.error} />

      <section className="panel" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('form.sectionRequest')}</h2>
        <dl className="facts">
          <dt>{t('list.columns.received')}</dt>
          <dd>
            {t('detail.receivedBy', { at: when(r.receivedAt), channel: t(`channel.${r.channel}`) })}
          </dd>
          <dt>{t('detail.deadline')}</dt>
          <dd>
            {when(r.deadline)}{' '}
            {final ? (
              <DeadlineBadge state={r.deadlineState} />
            ) : (
              <TimeLeft deadline={r.deadline} state={r.deadlineState} urgency={r.urgency} />
            )}{' '}
            {r.urgency !== 'emergency' && t(`urgency.${r.urgency}`)}
          </dd>
          {r.oral && (
            <>
              <dt>{t('detail.writtenDue')}</dt>
              <dd>
                {when(r.writtenConfirmationDue)}{' '}
                {r.writtenConfirmationState && <DeadlineBadge state={r.writtenConfirmationState} />}
                {r.writtenConfirmationReceivedAt &&
                  ` · ${t('detail.writtenReceived')} ${when(r.writtenConfirmationReceivedAt)}`}
              </dd>
            </>
          )}
          <dt>{t('list.columns.authority')}</dt>
          <dd>
            {authorityName(r.authority)}
            {r.authority.legacy && (
              <span className="badge badge--overdue"> {t('form.legacy')}</span>
            )}
          </dd>
          <dt>{t('detail.requester')}</dt>
          <dd>
            {r.requester.name}, {t(`function.${r.requester.function}`)}
            {r.requester.badge ? ` (${r.requester.badge})` : ''}
          </dd>
          <dt>{t('detail.basis')}</dt>
          <dd>
            {basisArticle(r.legalBasis)} — {basisName(r.legalBasis)}
          </dd>
          <dt>{t('detail.case')}</dt>
          <dd>{r.caseReference ?? '—'}</dd>
          <dt>{t('detail.categories')}</dt>
          <dd>{r.categories.map((c) => t(`category.${c}`)).join(', ')}</dd>
          <dt>{t('detail.verification')}</dt>
          <dd>
            {r.verification
              ? `${t(`verification.${r.verification.method}`)}${r.verification.channel ? ` (${r.verification.channel})` : ''} — ${r.verification.by}, ${when(r.verification.at)}`
              : t('detail.notVerified')}
            {r.verification && !r.verified && (
              <span className="badge badge--overdue"> {t('detail.doesNotCount')}</span>
            )}
          </dd>
          <dt>{t('detail.document')}</dt>
          <dd>
            {r.document
              ? `${r.document.name} (SHA-256 ${r.document.sha256.slice(0, 16)}…)`
              : t('detail.noDocument')}
          </dd>
        </dl>
      </section>
      <EpocPanel request={r} onChanged={detail.setData} />
      <HoldPanel request={r} onChanged={detail.setData} />
      {r.document && <OriginalDocument registerNo={r.registerNo} document={r.document} />}
      <DocumentActions request={r} onChanged={detail.setData} />

      <VerificationPanel request={r} onChanged={detail.setData} />
      <ChecksPanel
        request={r}
        busy={busy}
        canRun={mayHandle && open}
        onRun={() => act(async () => void unwrap(await desk.requests.check({ registerNo })))}
        onCheckAndMatch={() =>
          act(async () => {
            // One step for the officer. The checks already ran on logging and on every
            // verification or correction, so they are current; they run here only if missing.
            const checked = r.check ?? unwrap(await desk.requests.check({ registerNo }));
            if (checked.outcome === 'proceed') unwrap(await desk.requests.match({ registerNo }));
          })
        }
      />
      <ItemsPanel
        request={r}
        busy={busy}
        // Matching is part of "check and match" in the checks panel.
        canMatch={false}
        onMatch={() => undefined}
        onResolve={(index, offset, end) =>
          act(async () =>
            unwrap(
              await desk.requests.resolveTime({
                registerNo,
                index,
                offset,
                ...(end ? { end } : {}),
              }),
            ),
          )
        }
      />
      {mayHandle && open && r.status !== 'received' && !r.hold && (
        <DecidePanel
          key={`${r.status}-${r.matches.map((m) => m.status).join()}-${r.check?.outcome}`}
          request={r}
          busy={busy}
          onDecide={(input) =>
            act(async () => unwrap(await desk.requests.decide({ registerNo, ...input })))
          }
        />
      )}
      <ApprovePanel
        request={r}
        busy={busy}
        userName={state?.user?.name ?? ''}
        canApprove={may('requests.approve') && r.status === 'awaiting_approval'}
        onApprove={(approve, note) =>
          act(async () =>
            unwrap(await desk.requests.approve({ registerNo, approve, ...(note ? { note } : {}) })),
          )
        }
      />
      {mayHandle && LETTER_STATES.includes(r.status) && (
        <LetterPanel
          registerNo={registerNo}
          onChanged={() => void detail.reload()}
          issueBlocked={r.status === 'awaiting_approval' ? t('flow.letterAfterApproval') : null}
        />
      )}
      {mayHandle && r.epoc && <Annex3Panel request={r} onChanged={() => void detail.reload()} />}
      <Hi1AnswerPanel registerNo={registerNo} status={r.status} mayHandle={mayHandle} />
      <AmendPanel request={r} onChanged={detail.setData} />
      <Timeline request={r} />
    </Page>
  );
}
