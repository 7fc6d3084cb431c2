import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Table } from '../../../components/Table';
import { useFocusOnArrival } from '../arrival';
import { BasisCells, useBasisColumns } from './CatalogueCells';
import { useCatalogueView } from './useCatalogueView';

/** The legal catalogue read-only (officers, approvers): what each basis allows, and who may issue it. */
export function LegalBasesList() {
  const { t } = useTranslation('catalogue');
  const columns = useBasisColumns();
  const { data: view, error } = useCatalogueView();
  const heading = useFocusOnArrival('bases-heading', view !== null || error !== null);
  return (
    <section className="panel" aria-labelledby="bases-heading">
      <h2 id="bases-heading" ref={heading} tabIndex={-1}>
        {t('bases.title')}
      </h2>
      <p>{t('read.basesIntro')}</p>
      <ErrorAlert error={error} />
      {view && (
        <Table
          region={{ labelledBy: 'bases-heading' }}
          className="catalogue-table"
          caption={t('bases.caption')}
          columns={columns}
        >
          {view.legalBases.map((b) => (
            <tr key={b.code}>
              <BasisCells basis={b} />
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
