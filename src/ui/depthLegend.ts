/**
 * The depth track's header. videx-wellog's own scale legend shows the visible span as a bare
 * number ("110") under the depth name, which reads as a depth; this one shows "DEPT (M)" and the
 * depth range in view ("1480–1590"), with a tooltip that says so in words. It does not import
 * videx-wellog (whose bundle does not load under Node), so the tests run it as it is.
 */
import { columnTitle } from './tableData.ts';

/** What the depth header says: title with unit, visible range, and the tooltip. */
export interface DepthLegendText {
  readonly title: string;
  readonly range: string;
  readonly tooltip: string;
}

/** A depth rounded for the header: fewer digits over a wide view, more when zoomed in. */
export function depthLabel(value: number, span: number): string {
  const digits = span >= 500 ? 0 : span >= 5 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

/** The header text for depth column `name` in `unit`, showing `view` (top and bottom depths). */
export function depthLegendText(
  name: string,
  unit: string,
  view: readonly number[] | undefined,
): DepthLegendText {
  const title = columnTitle({ name, unit });
  const [a, b] = view ?? [];
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b))
    return { title, range: '', tooltip: `Depth index ${title}` };
  const span = Math.abs(b - a);
  const top = depthLabel(Math.min(a, b), span);
  const bottom = depthLabel(Math.max(a, b), span);
  return {
    title,
    range: `${top}–${bottom}`,
    tooltip: `Depth index ${title}; shown: ${top} to ${bottom}${unit ? ` ${unit}` : ''} (wheel to zoom, drag to scroll)`,
  };
}

const SVG = 'http://www.w3.org/2000/svg';

function svgText(parent: Element, cls: string, text: string, at: [number, number], size: number) {
  const [x, y] = at;
  const t = parent.ownerDocument.createElementNS(SVG, 'text');
  t.setAttribute('class', cls);
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('font-size', `${size}px`);
  t.setAttribute('text-anchor', 'middle');
  t.textContent = text;
  parent.appendChild(t);
}

/** What the legend reads of its track (a videx-wellog `ScaleTrack` has both). */
export interface LegendTrack {
  legendUpdate?: () => void;
  readonly scale?: { domain(): readonly number[] };
}

/** Where videx-wellog lets the legend draw, in the legend element's pixels. */
export interface LegendBox {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

/** The `legendConfig` of the depth `ScaleTrack` (two rows: title, depth range in view). */
export function depthLegendConfig(name: string, unit: string) {
  return {
    elementType: 'svg',
    getLegendRows: () => 2,
    onInit(elm: Element, track: LegendTrack, update: () => void) {
      // videx-wellog calls this after a zoom or scroll, so the range follows the view.
      track.legendUpdate = update;
      elm.replaceChildren();
    },
    onUpdate(elm: Element, bounds: LegendBox, track: LegendTrack) {
      // Before the track is mounted it has no scale yet: the title alone is shown.
      const text = depthLegendText(name, unit, track.scale?.domain());
      const longest = Math.max(text.title.length, text.range.length, 1);
      const size = Math.max(7, Math.min(12, (bounds.width * 0.95) / (0.62 * longest)));
      const x = bounds.left + bounds.width / 2;
      const bottom = bounds.top + bounds.height - size * 0.4;
      const g = elm.ownerDocument.createElementNS(SVG, 'g');
      g.setAttribute('class', 'depth-legend');
      const tip = elm.ownerDocument.createElementNS(SVG, 'title');
      tip.textContent = text.tooltip;
      g.appendChild(tip);
      svgText(g, 'depth-title', text.title, [x, bottom - size * 1.25], size);
      svgText(g, 'depth-view', text.range, [x, bottom], size);
      elm.replaceChildren(g);
    },
  };
}
