import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { Table } from '../../../components/Table';
import { useCatalogueText } from '../../../hooks/useCatalogueText';
import { AddAuthorityForm } from './AddAuthorityForm';
import { useFocusOnArrival } from '../arrival';
import { AuthorityEditor } from './AuthorityEditor';
import { Hi1SendersPanel } from './Hi1SendersPanel';
import { AuthorityNameCell, authorityMatches, EntryStatus, RequestCount } from './CatalogueCells';
import { CATALOGUE_REASONS } from './catalogue-reasons';
import { useCatalogueView } from './useCatalogueView';

/** Authorities with their verified contact channels: list, find, edit, add (admins). */
export function AuthoritiesSection() {
  const { t } = useTranslation('catalogue');
  const { authorityName } = useCatalogueText();
  const { data: view, error, reload } = useCatalogueView();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const heading = useFocusOnArrival('authorities-heading', view !== null || error !== null);

  const list = view?.authorities.filter((a) => authorityMatches(a, authorityName(a), query)) ?? [];
  const editing = view?.authorities.find((a) => a.code === open) ?? null;

  return (
    <section className="panel" aria-labelledby="authorities-heading">
      <h2 id="authorities-heading" ref={heading} tabIndex={-1}>
        {t('authorities.title')}
      </h2>
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
              t('authorities.actions'),
            ]}
            after={list.length === 0 && <p>{t('authorities.noMatch')}</p>}
          >
            {list.map((a) => (
              <tr key={a.code}>
                <AuthorityNameCell authority={a} />
                <td>{t(`authorities.kinds.${a.kind}`)}</td>
                <td>
                  <EntryStatus active={a.active} legacy={a.legacy} />
                  <RequestCount n={a.requestCount} />
                </td>
                <td>{a.contacts.length}</td>
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
          <Hi1SendersPanel authorities={view.authorities} />
        </>
      )}
    </section>
  );
}
