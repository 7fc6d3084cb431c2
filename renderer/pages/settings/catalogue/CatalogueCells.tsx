import { useTranslation } from 'react-i18next';
import type {
  CatalogueAuthority,
  CatalogueLegalBasis,
  VerifiedContact,
} from '../../../../shared/schemas/catalogue';
import { formatDate } from '../../../components/format';
import { useCatalogueText } from '../../../hooks/useCatalogueText';

// What the admins' editors and the officers' read-only lists show alike.

/** Whether an entry can be chosen for a new request, and the flags beside it. */
export function EntryStatus({
  active,
  legacy = false,
  unverified = false,
}: {
  active: boolean;
  legacy?: boolean;
  unverified?: boolean;
}) {
  const { t } = useTranslation('catalogue');
  return (
    <>
      {active ? (
        t('authorities.active')
      ) : (
        <span className="catalogue-badge catalogue-badge--off">{t('authorities.inactive')}</span>
      )}
      {/* A space between, so the text reads "actief vervallen naam", not one word. */}
      {legacy && (
        <>
          {' '}
          <span className="catalogue-badge">{t('authorities.legacy')}</span>
        </>
      )}
      {unverified && (
        <>
          {' '}
          <span className="catalogue-badge">{t('bases.unverifiedBadge')}</span>
        </>
      )}
    </>
  );
}

/** How many requests refer to an entry (admins: then it can be deactivated, never removed). */
export function RequestCount({ n }: { n: number }) {
  const { t } = useTranslation('catalogue');
  return <div className="muted">{t('requestCount', { count: n })}</div>;
}

/** An authority's name in the UI language, with its code under it. */
export function AuthorityNameCell({ authority: a }: { authority: CatalogueAuthority }) {
  const { authorityName } = useCatalogueText();
  return (
    <td className="wrap">
      {authorityName(a)}
      <div className="muted">
        <code>{a.code}</code>
      </div>
    </td>
  );
}

/** "door Anna de Vries op 20 feb 2026": who verified a channel, and when. */
export function useVerifiedLine() {
  const { t, i18n } = useTranslation('catalogue');
  return (c: VerifiedContact) =>
    t('contacts.verifiedLine', {
      by: c.verifiedBy || '?',
      at: c.verifiedAt ? formatDate(`${c.verifiedAt}T12:00:00`, i18n.language) : '?',
    });
}

/**
 * The columns of a legal basis: article, action, data, who may issue it (for readers; admins see
 * that in the editor), validity and status (for admins with the number of requests using it).
 */
export function BasisCells({
  basis: b,
  admin = false,
}: {
  basis: CatalogueLegalBasis;
  admin?: boolean;
}) {
  const { t } = useTranslation(['catalogue', 'requests']);
  const { basisName, basisArticle } = useCatalogueText();
  return (
    <>
      <td className="wrap">
        <strong>{basisArticle(b)}</strong>
        <div className="muted">{basisName(b)}</div>
        {b.requiresRcAuthorisation && <div className="muted">{t('bases.requiresRc')}</div>}
      </td>
      <td>{t(`bases.actions.${b.action}`)}</td>
      <td className="wrap">{b.categories.map((c) => t(`requests:category.${c}`)).join(', ')}</td>
      {!admin && (
        <td className="wrap">{b.issuers.map((f) => t(`requests:function.${f}`)).join(', ')}</td>
      )}
      <td className="wrap">
        {[
          b.validFrom ? t('bases.from', { date: b.validFrom }) : null,
          b.validUntil ? t('bases.until', { date: b.validUntil }) : null,
        ]
          .filter(Boolean)
          .join(', ') || t('bases.always')}
        <div>
          <EntryStatus active={b.active} unverified={b.unverified} />
        </div>
        {admin && <RequestCount n={b.requestCount} />}
        <div className="muted">
          {t('bases.versionDate')}: {b.versionDate}
        </div>
      </td>
    </>
  );
}

/** The column headings of BasisCells, in the same order. */
export function useBasisColumns(admin = false) {
  const { t } = useTranslation('catalogue');
  return [
    t('bases.article'),
    t('bases.action'),
    t('bases.categories'),
    ...(admin ? [] : [t('bases.issuers')]),
    t('bases.validityStatus'),
  ];
}

/** Finds an authority by its name in the UI language, its stored name or its code. */
export const authorityMatches = (a: CatalogueAuthority, name: string, query: string): boolean =>
  query.trim() === '' ||
  `${name} ${a.name} ${a.code}`.toLowerCase().includes(query.trim().toLowerCase());
