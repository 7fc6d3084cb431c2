import type { ReactNode } from 'react';

/** A column heading: its text, or the text with options. */
export type Column =
  | string
  | {
      label: string;
      /** Read by screen readers only (a column of buttons needs no visible heading). */
      srOnly?: boolean;
      /** A column of figures, aligned right. */
      num?: boolean;
    };

/**
 * A data table in its horizontally scrolling frame: column headings, optionally a caption for
 * screen readers, and rows as children. With `region`, the frame is a focusable, named region so
 * keyboard users can scroll a wide table.
 */
export function Table({
  columns,
  caption,
  region,
  className,
  testId,
  after,
  children,
}: {
  columns: readonly Column[];
  caption?: string;
  region?: { labelledBy: string } | { label: string };
  className?: string;
  testId?: string;
  /** Shown under the table, inside its frame (e.g. "nothing matches"). */
  after?: ReactNode;
  children: ReactNode;
}) {
  const frame = region
    ? {
        tabIndex: 0,
        role: 'region',
        ...('label' in region
          ? { 'aria-label': region.label }
          : { 'aria-labelledby': region.labelledBy }),
      }
    : {};
  return (
    <div className="table-wrap" {...frame}>
      <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c, i) => {
              const col = typeof c === 'string' ? { label: c } : c;
              return (
                <th key={i} scope="col" className={col.num ? 'num' : undefined}>
                  {col.srOnly ? <span className="sr-only">{col.label}</span> : col.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {after}
    </div>
  );
}
