/** A uPlot chart that sizes itself to its container and is rebuilt when options or data change. */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Options without the size (filled in from the container). */
export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

/** Draws `data` with `options`; `label` names the chart for assistive technology. */
export function UPlotChart({
  options,
  data,
  label,
}: {
  options: ChartOptions;
  data: uPlot.AlignedData;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const size = () => ({
      width: Math.max(200, el.clientWidth),
      height: Math.max(140, el.clientHeight),
    });
    const chart = new uPlot({ ...options, ...size() }, data, el);
    const ro = new ResizeObserver(() => chart.setSize(size()));
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.destroy();
    };
  }, [options, data]);
  return (
    <div className="chart-frame">
      <div ref={host} className="chart-host" role="img" aria-label={label} />
    </div>
  );
}
