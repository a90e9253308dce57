// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { depthLabel, depthLegendConfig, depthLegendText, type LegendTrack } from './depthLegend.ts';

describe('depth track header', () => {
  it('names the depth column with its unit and shows the depth range in view', () => {
    expect(depthLegendText('DEPT', 'M', [1000, 1099.5])).toEqual({
      title: 'DEPT (M)',
      range: '1000–1099.5',
      tooltip: 'Depth index DEPT (M); shown: 1000 to 1099.5 M (wheel to zoom, drag to scroll)',
    });
    expect(depthLegendText('MD', '', [2500.25, 2400]).range).toBe('2400–2500.3');
  });

  it('shows the title alone before the track knows its view', () => {
    expect(depthLegendText('DEPT', 'FT', undefined)).toEqual({
      title: 'DEPT (FT)',
      range: '',
      tooltip: 'Depth index DEPT (FT)',
    });
    expect(depthLegendText('DEPT', 'FT', [NaN, 3]).range).toBe('');
  });

  it('rounds to fewer digits over a wide view and more when zoomed in', () => {
    expect(depthLabel(1480.256, 1000)).toBe('1480');
    expect(depthLabel(1480.256, 100)).toBe('1480.3');
    expect(depthLabel(1480.256, 2)).toBe('1480.26');
  });

  it('draws the title and the range in view (never a bare span) and follows the view', () => {
    let view = [1480, 1590];
    const track: LegendTrack = { scale: { domain: () => view } };
    const config = depthLegendConfig('DEPT', 'M');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const box = { top: 0, left: 0, width: 72, height: 40 };
    config.onInit(svg, track, () => config.onUpdate(svg, box, track));
    config.onUpdate(svg, box, track);
    const texts = () => [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts()).toEqual(['DEPT (M)', '1480–1590']);
    expect(svg.querySelector('title')?.textContent).toContain('shown: 1480 to 1590 M');
    view = [1500, 1510.25];
    track.legendUpdate?.();
    expect(texts()).toEqual(['DEPT (M)', '1500–1510.3']);
    expect(config.getLegendRows()).toBe(2);
  });
});
