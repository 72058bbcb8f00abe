import { describe, expect, it } from 'vitest';
import { activationChartSvg, chartHalfWidth, CHART_WIDTH, flatZones, svgDataUri } from '../../../src/editor/activation-chart';

/** Pulls numbers out of the SVG the way a reader of the picture would: element by element. */
function attributes(svg: string, selector: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const pattern = new RegExp(`<(\\w+) class="${selector}"([^>]*)/?>`, 'g');
  for (const match of svg.matchAll(pattern)) {
    const attrs: Record<string, string> = {};
    for (const attr of match[2].matchAll(/(\w[\w-]*)="([^"]*)"/g)) attrs[attr[1]] = attr[2];
    found.push(attrs);
  }
  return found;
}

function curve(svg: string): [number, number][] {
  const [line] = attributes(svg, 'curve');
  return line.points.split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);
}

describe('activation chart', () => {
  it('is well-formed SVG of the advertised size, usable as a data URI', () => {
    const svg = activationChartSvg('tanh', null);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain(`width="${CHART_WIDTH}"`);
    const uri = svgDataUri(svg);
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(uri.split(',')[1], 'base64').toString('utf8')).toBe(svg);
  });

  it('draws the sigmoid through its midpoint and bounded between its asymptotes', () => {
    const points = curve(activationChartSvg('sigmoid', null));
    const ys = points.map(([, y]) => y);
    const middle = points[Math.floor(points.length / 2)];
    // y is flipped in SVG: the curve rises left to right, and z = 0 sits halfway between 0 and 1.
    expect(ys[0]).toBeGreaterThan(ys[ys.length - 1]);
    const yOf0 = Math.max(...ys);
    const yOf1 = Math.min(...ys);
    expect(Math.abs(middle[1] - (yOf0 + yOf1) / 2)).toBeLessThan(1.5);
  });

  it('shades the saturation zones beyond |z| = 4.6 for sigmoid and the dead side for ReLU', () => {
    expect(flatZones('sigmoid', 10).map((zone) => [Number(zone.from.toFixed(1)), Number(zone.to.toFixed(1))])).toEqual([
      [-10, -4.6],
      [4.6, 10],
    ]);
    expect(flatZones('tanh', 10)[1].from).toBeCloseTo(3.0, 1);
    expect(flatZones('relu', 6)).toEqual([{ from: -6, to: 0, label: 'dead (f′ = 0)' }]);
    expect(flatZones('linear', 6)).toEqual([]);
    expect(attributes(activationChartSvg('sigmoid', null), 'zone')).toHaveLength(2);
  });

  it('marks the pre-activation percentiles where they lie, widening the axis for a saturated layer', () => {
    const saturated = [-30, -25, -20, -10, 12, 18, 22, 26, 31];
    expect(chartHalfWidth('sigmoid', saturated)).toBeGreaterThanOrEqual(31);
    const svg = activationChartSvg('sigmoid', saturated);
    const [median] = attributes(svg, 'median');
    const half = chartHalfWidth('sigmoid', saturated);
    // Pixel of z = 12 on an axis from −half to +half, 8 px padding each side.
    const expected = 8 + ((12 + half) / (2 * half)) * (CHART_WIDTH - 16);
    expect(Number(median.x1)).toBeCloseTo(expected, 0);
    const bands = attributes(svg, 'band');
    expect(bands).toHaveLength(2);
    // The 7–93% band is wider than the 16–84% band it contains.
    expect(Number(bands[0].width)).toBeGreaterThan(Number(bands[1].width));
  });

  it('draws no marks for missing or non-finite percentiles', () => {
    expect(attributes(activationChartSvg('tanh', null), 'median')).toHaveLength(0);
    expect(attributes(activationChartSvg('tanh', [0, 0, 0, 0, Number.NaN, 0, 0, 0, 0]), 'median')).toHaveLength(0);
  });
});
