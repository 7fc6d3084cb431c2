import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueAuthority } from '../../../../shared/schemas/catalogue';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { Table } from '../../../components/Table';
import { useCatalogueText } from '../../../hooks/useCatalogueText';
import { useFocusOnArrival } from '../arrival';
import {
  AuthorityNameCell,
  authorityMatches,
  EntryStatus,
  useVerifiedLine,
} from './CatalogueCells';
import { useCatalogueView } from './useCatalogueView';

/**
 * The authorities and their verified contact channels, read-only (officers, approvers): where to
 * call back. No edit control at all; only admins change the catalogue.
 */
export function AuthoritiesList() {
  const { t } = useTranslation('catalogue');
  const { authorityName } = useCatalogueText();
  const { data: view, error } = useCatalogueView();
  const [query, setQuery] = useState('');
  const heading = useFocusOnArrival('authorities-heading', view !== null || error !== null);
  const list = view?.authorities.filter((a) => authorityMatches(a, authorityName(a), query)) ?? [];

  return (
    <section className="panel" aria-labelledby="authorities-heading">
      <h2 id="authorities-heading" ref={heading} tabIndex={-1}>
        {t('authorities.title')}
      </h2>
      <p>{t('read.authoritiesIntro')}</p>
      <ErrorAlert error={error} />
      {view && (
        <>
          <Field
            label={t('authorities.filter')}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <Table
            region={{ labelledBy: 'authorities-heading' }}
            className="catalogue-table"
            caption={t('authorities.caption')}
            columns={[
              t('authorities.name'),
              t('authorities.kind'),
              t('authorities.status'),
              t('authorities.channels'),
            ]}
            after={list.length === 0 && <p>{t('authorities.noMatch')}</p>}
          >
            {list.map((a) => (
              <tr key={a.code}>
                <AuthorityNameCell authority={a} />
                <td>{t(`authorities.kinds.${a.kind}`)}</td>
                <td>
                  <EntryStatus active={a.active} legacy={a.legacy} />
                </td>
                <td className="wrap catalogue-channels-cell">
                  <Channels authority={a} />
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}

function Channels({ authority: a }: { authority: CatalogueAuthority }) {
  const { t } = useTranslation('catalogue');
  const verifiedLine = useVerifiedLine();
  if (a.contacts.length === 0) return <span className="muted">{t('read.noChannel')}</span>;
  return (
    <ul className="catalogue-channels">
      {a.contacts.map((c) => (
        <li key={c.id}>
          {t(`contacts.kinds.${c.kind}`)}: <code>{c.value}</code>
          {c.note && <div>{c.note}</div>}
          <div className="muted">
            {t('read.verified', { line: verifiedLine(c), how: c.verifiedHow })}
          </div>
        </li>
      ))}
    </ul>
  );
}
