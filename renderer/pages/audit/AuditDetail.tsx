import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../shared/schemas/audit';
import { formatDateTime } from '../../components/format';
import { useActionLabel } from './useActionLabel';

/** One audit event in full: who, when, what, on which subject, details and its chain hashes. */
export function AuditDetail({ event, onClose }: { event: AuditEvent; onClose(): void }) {
  const { t, i18n } = useTranslation('audit');
  const actionLabel = useActionLabel();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [event.seq]);
  const label = actionLabel(event.action);
  return (
    <section className="panel detail" aria-labelledby="audit-detail-heading">
      <h2 id="audit-detail-heading" tabIndex={-1} ref={heading}>
        {t('detail.title', { seq: event.seq })}
      </h2>
      <dl className="detail__list">
        <dt>{t('columns.at')}</dt>
        <dd>
          {formatDateTime(event.at, i18n.language)} <span className="muted">({event.at})</span>
        </dd>
        <dt>{t('columns.user')}</dt>
        <dd>
          <code>{event.user}</code>
        </dd>
        <dt>{t('columns.action')}</dt>
        <dd>
          <code>{event.action}</code>
          {label !== event.action && <> — {label}</>}
        </dd>
        <dt>{t('columns.subject')}</dt>
        <dd>
          <code>{event.subject}</code>
        </dd>
        <dt>{t('detail.details')}</dt>
        <dd>
          {Object.keys(event.details).length === 0 ? (
            <span className="muted">{t('detail.noDetails')}</span>
          ) : (
            <pre className="code-block">{JSON.stringify(event.details, null, 2)}</pre>
          )}
        </dd>
        <dt>{t('detail.hash')}</dt>
        <dd>
          <code className="hash">{event.hash}</code>
        </dd>
        <dt>{t('detail.prevHash')}</dt>
        <dd>
          <code className="hash">{event.prevHash}</code>
        </dd>
      </dl>
      <div className="actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('detail.close')}
        </button>
      </div>
    </section>
  );
}
