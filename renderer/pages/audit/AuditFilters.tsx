import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { desk } from '../../api';
import { EMPTY_FILTERS, type AuditFilterValues } from './filters';

/** Filters for the audit log: user, action (prefix), subject (contains), date range. */
export function AuditFilters({
  initial,
  onApply,
}: {
  initial: AuditFilterValues;
  onApply(f: AuditFilterValues): void;
}) {
  const { t } = useTranslation('audit');
  const listId = useId();
  const [f, setF] = useState(initial);
  const set = (k: keyof AuditFilterValues) => (e: { target: { value: string } }) =>
    setF((prev) => ({ ...prev, [k]: e.target.value }));
  // The action filter suggests the actions this log actually holds.
  const [actions, setActions] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void desk.audit.actions({}).then((r) => {
      if (live && r.ok) setActions(r.data);
    });
    return () => {
      live = false;
    };
  }, []);
  const rangeInvalid = f.from !== '' && f.to !== '' && f.from > f.to;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!rangeInvalid) onApply(f);
  }

  return (
    <form
      className="filters"
      onSubmit={submit}
      noValidate
      role="search"
      aria-label={t('filters.label')}
    >
      <div className="filters__grid">
        <Field label={t('filters.user')} value={f.user} onChange={set('user')} autoComplete="off" />
        <Field
          label={t('filters.action')}
          hint={t('filters.actionHint')}
          hintBelow
          value={f.action}
          onChange={set('action')}
          list={listId}
          autoComplete="off"
        />
        <datalist id={listId}>
          {actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Field
          label={t('filters.subject')}
          hint={t('filters.subjectHint')}
          hintBelow
          value={f.subject}
          onChange={set('subject')}
          autoComplete="off"
        />
        <Field label={t('filters.from')} type="date" value={f.from} onChange={set('from')} />
        <Field
          label={t('filters.to')}
          type="date"
          value={f.to}
          onChange={set('to')}
          error={rangeInvalid ? t('filters.rangeInvalid') : null}
        />
      </div>
      <div className="actions">
        <button type="submit" className="btn btn--primary">
          {t('filters.apply')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setF(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          {t('filters.reset')}
        </button>
      </div>
    </form>
  );
}
