import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueAuthority } from '../../../../shared/schemas/catalogue';
import { ErrorAlert, StatusMessage } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { Table } from '../../../components/Table';
import { useCatalogueText } from '../../../hooks/useCatalogueText';
import { AddAuthorityForm } from './AddAuthorityForm';
import { AuthorityEditor } from './AuthorityEditor';
import { CATALOGUE_REASONS } from './catalogue-reasons';
import { useCatalogueView } from './useCatalogueView';

const matches = (a: CatalogueAuthority, name: string, q: string) =>
  q === '' || `${name} ${a.name} ${a.code}`.toLowerCase().includes(q.trim().toLowerCase());

/** Authorities with their verified contact channels: list, find, edit, add (admins). */
export function AuthoritiesSection() {
  const { t } = useTranslation('catalogue');
  const { authorityName } = useCatalogueText();
  const { data: view, error, reload } = useCatalogueView();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const list = view?.authorities.filter((a) => matches(a, authorityName(a), query)) ?? [];
  const editing = view?.authorities.find((a) => a.code === open) ?? null;

  return (
    <section className="panel" aria-labelledby="authorities-heading">
      <h2 id="authorities-heading">{t('authorities.title')}</h2>
      <p className="muted">{t('authorities.intro')}</p>
      <ErrorAlert error={error} showReason={CATALOGUE_REASONS} />
      <StatusMessage>{note}</StatusMessage>
      {view && (
        <>
          <Field
            label={t('authorities.filter')}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {editing && (
            <AuthorityEditor
              key={editing.code}
              authority={editing}
              onChanged={() => void reload()}
              onRemoved={(message) => {
                setOpen(null);
                setNote(message);
                void reload();
              }}
              onClose={() => {
                setOpen(null);
                window.setTimeout(() => document.getElementById(`edit-${editing.code}`)?.focus());
              }}
            />
          )}
          <Table
            region={{ labelledBy: 'authorities-heading' }}
            className="catalogue-table"
            caption={t('authorities.caption')}
            columns={[
              t('authorities.name'),
              t('authorities.kind'),
              t('authorities.status'),
              t('authorities.channels'),
              t('authorities.requests'),
              t('authorities.actions'),
            ]}
            after={list.length === 0 && <p>{t('authorities.noMatch')}</p>}
          >
            {list.map((a) => (
              <tr key={a.code}>
                <td className="wrap">
                  {authorityName(a)}
                  <div className="muted">
                    <code>{a.code}</code>
                  </div>
                </td>
                <td>{t(`authorities.kinds.${a.kind}`)}</td>
                <td>
                  {a.active ? (
                    t('authorities.active')
                  ) : (
                    <span className="catalogue-badge catalogue-badge--off">
                      {t('authorities.inactive')}
                    </span>
                  )}
                  {a.legacy && <span className="catalogue-badge">{t('authorities.legacy')}</span>}
                </td>
                <td>{a.contacts.length}</td>
                <td>{a.requestCount}</td>
                <td>
                  <button
                    type="button"
                    id={`edit-${a.code}`}
                    className="btn btn--small"
                    aria-label={t('authorities.editFor', { name: authorityName(a) })}
                    aria-expanded={open === a.code}
                    onClick={() => {
                      setNote(null);
                      setOpen(open === a.code ? null : a.code);
                    }}
                  >
                    {t('authorities.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </Table>
          <AddAuthorityForm
            onAdded={(code) => {
              void reload().then(() => setOpen(code));
            }}
          />
        </>
      )}
    </section>
  );
}
