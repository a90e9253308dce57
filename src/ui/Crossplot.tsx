/** Crossplot of two numeric columns (uPlot points, up to a million), with optional log axes. */
import { memo, useMemo, useState } from 'react';
import type { Table } from 'apache-arrow';
import type uPlot from 'uplot';
import { columnFacts, numericColumn } from './tableData.ts';
import { UPlotChart, type ChartOptions } from './UPlotChart.tsx';
import { ColumnSelect } from './ColumnSelect.tsx';
import { crossplotAxes, crossplotData, crossplotEmptyNote, leftOutNote } from './plotData.ts';

const unknown = (name: string) => ({ name, unit: '' });

/** The crossplot panel: axes titled with units, a density on Y growing downwards. */
export const Crossplot = memo(function Crossplot({ table }: { table: Table }) {
  const numeric = useMemo(() => columnFacts(table).filter((c) => c.numeric), [table]);
  const [xName, setX] = useState(
    numeric.find((c) => /^NPHI/i.test(c.name))?.name ?? numeric[1]?.name ?? '',
  );
  const [yName, setY] = useState(
    numeric.find((c) => /^RHOB/i.test(c.name))?.name ?? numeric[2]?.name ?? '',
  );
  const [logX, setLogX] = useState(false);
  const [logY, setLogY] = useState(false);
  const xValues = useMemo(() => numericColumn(table, xName), [table, xName]);
  const yValues = useMemo(() => numericColumn(table, yName), [table, yName]);
  const points = useMemo(
    () => crossplotData(xValues, yValues, { x: logX, y: logY }),
    [xValues, yValues, logX, logY],
  );
  const data = useMemo<uPlot.AlignedData>(() => [points.x, points.y], [points]);
  const leftOut = leftOutNote(points);
  const empty = crossplotEmptyNote(
    { name: xName, values: xValues },
    { name: yName, values: yValues },
    points,
  );
  const axes = useMemo(
    () =>
      crossplotAxes(
        numeric.find((c) => c.name === xName) ?? unknown(xName),
        numeric.find((c) => c.name === yName) ?? unknown(yName),
      ),
    [numeric, xName, yName],
  );
  const options = useMemo<ChartOptions>(
    () => ({
      mode: 1,
      legend: { show: false },
      cursor: { drag: { x: true, y: true } },
      scales: {
        x: { time: false, distr: logX ? 3 : 1, dir: axes.x.dir },
        y: { distr: logY ? 3 : 1, dir: axes.y.dir },
      },
      axes: [{ label: axes.x.title }, { label: axes.y.title }],
      series: [
        {},
        {
          label: yName,
          stroke: '#1f5fa8',
          paths: () => null,
          points: { show: true, size: 3, fill: '#1f5fa8' },
        },
      ],
    }),
    [yName, logX, logY, axes],
  );
  if (numeric.length < 2)
    return <p className="empty-note">A crossplot needs two numeric columns.</p>;
  return (
    <div className="chart-panel">
      <div className="plot-toolbar">
        <ColumnSelect label="X" value={xName} columns={numeric} onChange={setX} />
        <label>
          <input type="checkbox" checked={logX} onChange={(e) => setLogX(e.target.checked)} /> log X
        </label>
        <ColumnSelect label="Y" value={yName} columns={numeric} onChange={setY} />
        <label>
          <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.target.checked)} /> log Y
        </label>
        <span className="muted" data-testid="point-count">
          <span>{points.x.length.toLocaleString('en-US')} points</span>
          {leftOut && `, ${leftOut}`}
        </span>
      </div>
      {empty ? (
        <p className="empty-note">{empty}</p>
      ) : (
        <UPlotChart
          options={options}
          data={data}
          label={`Crossplot of ${axes.y.title}${axes.y.dir < 0 ? ', increasing downwards,' : ''} against ${axes.x.title}`}
        />
      )}
    </div>
  );
});
