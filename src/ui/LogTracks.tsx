/**
 * Well-log tracks of a depth-indexed table, drawn by @equinor/videx-wellog (depth down; wheel to
 * zoom, drag to scroll in depth; buttons to zoom and reset), and the well selector used with them.
 */
import { memo, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import type { Table } from 'apache-arrow';
import { GraphTrack, LogViewer, ScaleTrack, graphLegendConfig } from '@equinor/videx-wellog';
import '@equinor/videx-wellog/dist/styles/styles.css';
import { cellText, columnFacts, depthColumn, numericColumn, valueRange } from './tableData.ts';
import { curvePairs, logTracks, type CurvePair, type TrackSpec } from './logTrackSpec.ts';
import { depthLegendConfig } from './depthLegend.ts';

function graphTrack(spec: TrackSpec, depth: Float64Array, table: Table) {
  const data = Object.fromEntries(
    spec.curves.map((c) => [c.column, curvePairs(depth, numericColumn(table, c.column), c.scale)]),
  );
  return new GraphTrack(spec.id, {
    label: spec.label,
    abbr: spec.curves[0]?.column ?? spec.id,
    legendConfig: graphLegendConfig,
    scale: spec.curves[0]?.scale ?? 'linear',
    domain: [...(spec.curves[0]?.domain ?? [0, 1])],
    data,
    plots: spec.curves.map((c) => ({
      id: c.column,
      type: c.fill ? 'area' : 'line',
      options: {
        color: c.color,
        scale: c.scale,
        domain: [...c.domain],
        width: 1.2,
        filterToScale: true,
        legendInfo: () => ({ label: c.column, unit: '' }),
        dataAccessor: (d: Record<string, CurvePair[]>) => d[c.column],
        ...(c.fill ? { fill: c.fill.left, inverseColor: c.fill.right, fillOpacity: 0.55 } : {}),
      },
    })),
  });
}

/** The value of `WellSelect` that stands for every well. */
export const ALL_WELLS = '';

/** A labelled drop-down "Well" over the wells of a stacked table ("All wells" first if allowed). */
export function WellSelect({
  wells,
  value,
  allowAll = false,
  onChange,
}: {
  wells: readonly string[];
  value: string;
  allowAll?: boolean;
  onChange: (well: string) => void;
}) {
  const id = useId();
  return (
    <span className="well-select">
      <label htmlFor={id}>Well</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAll && <option value={ALL_WELLS}>All wells</option>}
        {wells.map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * The log-track plot of `table` (already narrowed to one well by the caller), or a note when the
 * table has no depth index or no known curves. `controls` go first in its toolbar (the well).
 */
export const LogTracks = memo(function LogTracks({
  table,
  controls,
}: {
  table: Table;
  controls?: ReactNode;
}) {
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<LogViewer | undefined>(undefined);
  const cols = useMemo(() => columnFacts(table), [table]);
  const depthCol = depthColumn(cols);
  const specs = useMemo(() => logTracks(cols), [cols]);
  const depth = useMemo(
    () => (depthCol ? numericColumn(table, depthCol.name) : undefined),
    [table, depthCol],
  );
  const range = useMemo<[number, number] | undefined>(() => {
    const r = depth ? valueRange(depth) : undefined;
    return r && r[1] > r[0] ? r : undefined;
  }, [depth]);

  useEffect(() => {
    const el = host.current;
    if (!el || !depth || !range || specs.length === 0) return;
    const v = new LogViewer({ showLegend: true, showTitles: true, domain: range, maxZoom: 500 });
    v.init(el);
    const name = depthCol?.name ?? 'Depth';
    const unit = depthCol?.unit ?? '';
    const scale = new ScaleTrack('depth', {
      maxWidth: 72,
      width: 1,
      label: name,
      abbr: name,
      units: unit,
      legendConfig: depthLegendConfig(name, unit),
    });
    v.setTracks([scale, ...specs.map((s) => graphTrack(s, depth, table))]);
    v.zoomTo(range, 0);
    viewer.current = v;
    return () => {
      v.onUnmount();
      viewer.current = undefined;
      el.replaceChildren();
    };
  }, [table, depth, range, specs, depthCol]);

  if (!depthCol || !range) {
    return (
      <>
        {controls && <div className="plot-toolbar">{controls}</div>}
        <p className="empty-note">
          Log tracks need a depth index (DEPT, DEPTH or MD) with at least two different values.
        </p>
      </>
    );
  }
  if (specs.length === 0) {
    return (
      <p className="empty-note">
        No log curves recognised (GR, resistivity, density, neutron, VSH, PHIE, SW).
      </p>
    );
  }
  const zoom = (factor: number) => {
    const v = viewer.current;
    if (!v) return;
    const [a, b] = v.domain;
    const mid = (a + b) / 2;
    const half = Math.min(((b - a) / 2) * factor, (range[1] - range[0]) / 2);
    v.zoomTo([mid - half, mid + half], 150);
  };
  return (
    <div className="logtracks">
      <div className="plot-toolbar">
        {controls}
        <span className="muted" data-testid="depth-range">
          Depth {cellText(range[0])}–{cellText(range[1])} {depthCol.unit} · wheel to zoom, drag to
          scroll
        </span>
        <button type="button" onClick={() => zoom(0.5)}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(2)}>
          Zoom out
        </button>
        <button type="button" onClick={() => viewer.current?.zoomTo(range, 150)}>
          Reset depth
        </button>
      </div>
      <div
        ref={host}
        className="logtracks-host"
        data-testid="log-tracks"
        aria-label="Log tracks"
        role="img"
      />
    </div>
  );
});
