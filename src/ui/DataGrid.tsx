/**
 * The preview grid: a virtualised table over an Arrow table (only visible rows are drawn, so a
 * million rows scroll smoothly), with units under the column names. Role `grid`, name "Preview".
 */
import { memo, useMemo, useRef } from 'react';
import type { Table } from 'apache-arrow';
import { useVirtualizer } from '@tanstack/react-virtual';
import { cellText, columnFacts } from './tableData.ts';

const ROW_HEIGHT = 26;
const COL_WIDTH = 112;

/** A scrollable, virtualised view of a table. */
export const DataGrid = memo(function DataGrid({ table }: { table: Table }) {
  const scroller = useRef<HTMLDivElement>(null);
  const cols = useMemo(() => columnFacts(table), [table]);
  const vectors = useMemo(() => cols.map((c) => table.getChildAt(c.index)), [cols, table]);
  const rows = useVirtualizer({
    count: table.numRows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height: 600 },
  });
  const width = 64 + cols.length * COL_WIDTH;
  return (
    <div
      ref={scroller}
      className="grid-scroll"
      role="grid"
      aria-label="Preview"
      aria-rowcount={table.numRows + 1}
      aria-colcount={cols.length + 1}
      tabIndex={0}
    >
      <div className="grid-header" role="row" aria-rowindex={1} style={{ width }}>
        <div className="grid-cell grid-rownum" role="columnheader">
          #
        </div>
        {cols.map((c) => (
          <div
            key={c.index}
            className={`grid-cell ${c.numeric ? 'num' : ''}`}
            role="columnheader"
            title={c.unit ? `${c.name} (${c.unit})` : c.name}
          >
            <span className="grid-colname">{c.name}</span>
            <span className="grid-unit">{c.unit || '\u00a0'}</span>
          </div>
        ))}
      </div>
      <div style={{ height: rows.getTotalSize(), width, position: 'relative' }}>
        {rows.getVirtualItems().map((vr) => (
          <div
            key={vr.key}
            className={`grid-row ${vr.index % 2 ? 'odd' : ''}`}
            role="row"
            aria-rowindex={vr.index + 2}
            style={{ transform: `translateY(${vr.start}px)`, height: ROW_HEIGHT }}
          >
            <div className="grid-cell grid-rownum" role="rowheader">
              {vr.index + 1}
            </div>
            {vectors.map((v, c) => (
              <div key={c} className={`grid-cell ${cols[c]?.numeric ? 'num' : ''}`} role="gridcell">
                {cellText(v?.get(vr.index))}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
});
