/** Histogram of one numeric column (uPlot bars). */
import { memo, useMemo, useState } from 'react';
import type { Table } from 'apache-arrow';
import uPlot from 'uplot';
import { columnFacts, numericColumn } from './tableData.ts';
import { UPlotChart, type ChartOptions } from './UPlotChart.tsx';
import { ColumnSelect } from './ColumnSelect.tsx';

/** Equal-width bins over the finite values: bin centres and counts. */
export function histogram(
  values: Float64Array,
  bins: number,
): { centers: number[]; counts: number[] } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return { centers: [], counts: [] };
  if (hi === lo) return { centers: [lo], counts: [values.filter(Number.isFinite).length] };
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const b = Math.min(bins - 1, Math.floor((v - lo) / width));
    counts[b] = (counts[b] as number) + 1;
  }
  return { centers: counts.map((_, i) => lo + (i + 0.5) * width), counts };
}

/** The histogram panel. */
export const Histogram = memo(function Histogram({ table }: { table: Table }) {
  const numeric = useMemo(() => columnFacts(table).filter((c) => c.numeric), [table]);
  const [name, setName] = useState(
    numeric.find((c) => /^GR$/i.test(c.name))?.name ?? numeric[1]?.name ?? numeric[0]?.name ?? '',
  );
  const [bins, setBins] = useState(40);
  const data = useMemo<uPlot.AlignedData>(() => {
    const h = histogram(numericColumn(table, name), bins);
    return [h.centers, h.counts];
  }, [table, name, bins]);
  const options = useMemo<ChartOptions>(
    () => ({
      legend: { show: false },
      scales: { x: { time: false } },
      axes: [{ label: name }, { label: 'Count' }],
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
    [name],
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
      <UPlotChart options={options} data={data} label={`Histogram of ${name}`} />
    </div>
  );
});
