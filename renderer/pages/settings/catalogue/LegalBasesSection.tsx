import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueLegalBasis } from '../../../../shared/schemas/catalogue';
import { desk, unwrap } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Table } from '../../../components/Table';
import { useDeskAction } from '../../../hooks/useDeskAction';
import { useFocusOnArrival } from '../arrival';
import { CATALOGUE_REASONS } from './catalogue-reasons';
import { BasisCells, useBasisColumns } from './CatalogueCells';
import { EMPTY_BASIS, LegalBasisForm, type BasisValues } from './LegalBasisForm';
import { useCatalogueView } from './useCatalogueView';

/** Only the fields that changed, so the audit event shows exactly what the admin changed. */
function changes(before: CatalogueLegalBasis, after: BasisValues) {
  const out: Partial<BasisValues> = {};
  for (const k of Object.keys(after) as (keyof BasisValues)[]) {
    if (k !== 'code' && JSON.stringify(after[k]) !== JSON.stringify(before[k]))
      (out as Record<string, unknown>)[k] = after[k];
  }
  return out;
}

/** The legal catalogue: list, edit (categories, issuers, action, dates, text), add (admins). */
export function LegalBasesSection() {
  const { t } = useTranslation('catalogue');
  const columns = useBasisColumns(true);
  const { data: view, error, reload } = useCatalogueView();
  const heading = useFocusOnArrival('bases-heading', view !== null || error !== null);
  const [open, setOpen] = useState<string | null>(null);
  const editing = view?.legalBases.find((b) => b.code === open) ?? null;

  return (
    <section className="panel" aria-labelledby="bases-heading">
      <h2 id="bases-heading" ref={heading} tabIndex={-1}>
        {t('bases.title')}
      </h2>
      <p className="muted">{t('bases.intro')}</p>
      <ErrorAlert error={error} showReason={CATALOGUE_REASONS} />
      {view && (
        <>
          {editing && (
            <BasisEditor
              key={editing.code}
              basis={editing}
              onChanged={() => void reload()}
              onClose={() => {
                setOpen(null);
                window.setTimeout(() =>
                  document.getElementById(`edit-basis-${editing.code}`)?.focus(),
                );
              }}
            />
          )}
          <Table
            region={{ labelledBy: 'bases-heading' }}
            className="catalogue-table"
            caption={t('bases.caption')}
            columns={[...columns, { label: t('bases.edit'), srOnly: true }]}
          >
            {view.legalBases.map((b) => (
              <tr key={b.code}>
                <BasisCells basis={b} admin />
                <td>
                  <button
                    type="button"
                    id={`edit-basis-${b.code}`}
                    className="btn btn--small"
                    aria-label={t('bases.editFor', { article: b.article })}
                    aria-expanded={open === b.code}
                    onClick={() => setOpen(open === b.code ? null : b.code)}
                  >
                    {t('bases.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </Table>
          <AddBasis onAdded={(code) => void reload().then(() => setOpen(code))} />
        </>
      )}
    </section>
  );
}

function BasisEditor({
  basis,
  onChanged,
  onClose,
}: {
  basis: CatalogueLegalBasis;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('catalogue');
  const { busy, error, done, run } = useDeskAction();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { requestCount, ...initial } = basis;
  return (
    <div className="catalogue-editor" role="group" aria-labelledby={`basis-${basis.code}`}>
      <h3 id={`basis-${basis.code}`} ref={heading} tabIndex={-1}>
        {basis.article} <code>{basis.code}</code>
      </h3>
      {requestCount > 0 && <p className="muted">{t('bases.inUse', { n: requestCount })}</p>}
      <LegalBasisForm
        initial={initial}
        mode="edit"
        busy={busy}
        error={error}
        done={done}
        submitLabel={t('bases.save')}
        onSubmit={(values) =>
          void run(async () => {
            const next = unwrap(
              await desk.catalogue.updateLegalBasis({
                code: basis.code,
                ...changes(basis, values),
              }),
            );
            onChanged();
            return t('bases.saved', { article: next.article });
          })
        }
        extraActions={
          <button type="button" className="btn" onClick={onClose}>
            {t('bases.close')}
          </button>
        }
      />
    </div>
  );
}

function AddBasis({ onAdded }: { onAdded: (code: string) => void }) {
  const { t } = useTranslation('catalogue');
  const { busy, error, done, run } = useDeskAction();
  const [round, setRound] = useState(0);
  return (
    <div className="subform">
      <h3>{t('bases.addTitle')}</h3>
      <LegalBasisForm
        key={round}
        initial={EMPTY_BASIS}
        mode="add"
        busy={busy}
        error={error}
        done={done}
        submitLabel={t('bases.add')}
        onSubmit={({ active: _active, ...values }) =>
          void run(async () => {
            const b = unwrap(await desk.catalogue.addLegalBasis(values));
            setRound((r) => r + 1);
            onAdded(b.code);
            return t('bases.added', { article: b.article });
          })
        }
      />
    </div>
  );
}
