import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DayField } from '../../components/DayField';
import { Field, SelectField } from '../../components/Field';
import { desk } from '../../api';
import { EMPTY_FILTERS, type AuditFilterValues } from './filters';
import { actionGroup, useActionGroupLabel, useActionLabel } from './useActionLabel';

/** Filters for the audit log: user, action (prefix), subject (contains), date range. */
export function AuditFilters({
  initial,
  onApply,
}: {
  initial: AuditFilterValues;
  onApply(f: AuditFilterValues): void;
}) {
  const { t } = useTranslation('audit');
  const actionLabel = useActionLabel();
  const groupLabel = useActionGroupLabel();
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
  // Grouped by domain; a group's first option selects all of its actions (the filter is a prefix).
  const groups = new Map<string, string[]>();
  for (const a of actions) groups.set(actionGroup(a), [...(groups.get(actionGroup(a)) ?? []), a]);
  if (f.action !== '' && !actions.includes(f.action) && !groups.has(f.action))
    groups.set(f.action, []);
  const byLabel = (a: string, b: string) => actionLabel(a).localeCompare(actionLabel(b));
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
        <SelectField label={t('filters.action')} value={f.action} onChange={set('action')}>
          <option value="">{t('filters.allActions')}</option>
          {[...groups].map(([group, codes]) => (
            <optgroup key={group} label={groupLabel(group)}>
              <option value={group}>{t('filters.allOf', { group: groupLabel(group) })}</option>
              {codes.sort(byLabel).map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <Field
          label={t('filters.subject')}
          hint={t('filters.subjectHint')}
          hintBelow
          value={f.subject}
          onChange={set('subject')}
          autoComplete="off"
        />
        <DayField
          label={t('filters.from')}
          value={f.from}
          onChange={(from) => setF((prev) => ({ ...prev, from }))}
        />
        <DayField
          label={t('filters.to')}
          value={f.to}
          onChange={(to) => setF((prev) => ({ ...prev, to }))}
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
