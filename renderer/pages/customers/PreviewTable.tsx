import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/schemas/customers';

/** The file as the desk reads it: delimiter, kind and mode, columns, the first rows. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('customers');
  const known = new Set(preview.recognised);
  return (
    <div className="import-preview" data-testid="import-preview">
      <h3>{t('preview.title')}</h3>
      <p>
        {t('preview.detected', {
          delimiter: preview.delimiter === ';' ? t('preview.semicolon') : t('preview.comma'),
          kind: preview.kind ? t(`kind.${preview.kind}`) : t('preview.unknownKind'),
          mode: preview.mode ? t(`mode.${preview.mode}`) : '—',
        })}
      </p>
      {preview.unknown.length > 0 && (
        <p className="alert alert--warning">
          {t('preview.unknown', { columns: preview.unknown.join(', ') })}
        </p>
      )}
      {preview.missing.length > 0 && (
        <p className="alert alert--error" role="alert">
          {t('preview.missing', { columns: preview.missing.join(', ') })}
        </p>
      )}
      {preview.problems
        .filter((p) => p.line !== 1)
        .map((p, i) => (
          <p key={i} className="alert alert--warning">
            {t('preview.problem', { line: p.line, reason: p.reason })}
          </p>
        ))}
      {/* Wide files scroll sideways: the region takes keyboard focus so arrows can scroll it. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('preview.caption')}>
        <table className="table table--compact">
          <caption className="sr-only">{t('preview.caption')}</caption>
          <thead>
            <tr>
              {preview.header.map((h, i) => (
                <th
                  key={i}
                  scope="col"
                  className={known.has(h.toLowerCase().replace(/[\s-]+/g, '_')) ? '' : 'is-unknown'}
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => (
              <tr key={i}>
                {preview.header.map((_, j) => (
                  <td key={j} className="truncate">
                    {r[j] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
