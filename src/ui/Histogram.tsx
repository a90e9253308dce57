/** Histogram of one numeric column (uPlot bars). */
import { memo, useMemo, useState } from 'react';
import type { Table } from 'apache-arrow';
import uPlot from 'uplot';
import { columnFacts, columnTitle, numericColumn } from './tableData.ts';
import { UPlotChart, type ChartOptions } from './UPlotChart.tsx';
import { ColumnSelect } from './ColumnSelect.tsx';
import { histogram, noValuesNote } from './plotData.ts';

/** The histogram panel. */
export const Histogram = memo(function Histogram({ table }: { table: Table }) {
  const numeric = useMemo(() => columnFacts(table).filter((c) => c.numeric), [table]);
  const [name, setName] = useState(
    numeric.find((c) => /^GR$/i.test(c.name))?.name ?? numeric[1]?.name ?? numeric[0]?.name ?? '',
  );
  const [bins, setBins] = useState(40);
  const values = useMemo(() => numericColumn(table, name), [table, name]);
  const h = useMemo(() => histogram(values, bins), [values, bins]);
  const data = useMemo<uPlot.AlignedData>(() => [h.centers, h.counts], [h]);
  const empty = noValuesNote(name, values);
  const range = h.range;
  const title = columnTitle(numeric.find((c) => c.name === name) ?? { name, unit: '' });
  const options = useMemo<ChartOptions>(
    () => ({
      legend: { show: false },
      scales: { x: { time: false, ...(range ? { range: [range[0], range[1]] } : {}) } },
      axes: [{ label: title }, { label: 'Count' }],
      series: [
        {},
        {
          label: 'Count',
          stroke: '#1f5fa8',
          fill: 'rgba(31,95,168,0.35)',
          paths: uPlot.paths.bars?.({ size: [0.95, Infinity] }),
          points: { show: false },
        },
      ],
    }),
    [title, range],
  );
  if (numeric.length === 0)
    return <p className="empty-note">A histogram needs a numeric column.</p>;
  return (
    <div className="chart-panel">
      <div className="plot-toolbar">
        <ColumnSelect label="Column" value={name} columns={numeric} onChange={setName} />
        <label>
          Bins{' '}
          <input
            type="number"
            min={5}
            max={200}
            value={bins}
            onChange={(e) => setBins(Math.min(200, Math.max(5, Number(e.target.value) || 40)))}
          />
        </label>
      </div>
      {empty ? (
        <p className="empty-note">{empty}</p>
      ) : (
        <UPlotChart options={options} data={data} label={`Histogram of ${name}`} />
      )}
    </div>
  );
});
