// chart.js, bundled (no CDN), registered with only the pieces the panel draws. Charts never
// animate: the panel redraws up to 20 times a second, and each update is `chart.update('none')`.

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Title,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { formatNumber } from '../src/shared/l10n';
import type { Palette } from './theme';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, LogarithmicScale, CategoryScale, Filler, Legend, Title, Tooltip);

/** Log axes label their powers of ten only (1e-4, 0.001, …): the 2s and 5s between them crowd. */
export function logTicks(value: number | string): string {
  const v = Number(value);
  if (!(v > 0)) return '';
  const exponent = Math.log10(v);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? formatNumber(v) : '';
}

export { Chart };

export function applyChartTheme(p: Palette): void {
  Chart.defaults.color = p.muted;
  Chart.defaults.borderColor = p.grid;
  Chart.defaults.font.family = p.fontFamily;
  Chart.defaults.font.size = 11;
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.labels.boxWidth = 12;
  Chart.defaults.plugins.legend.labels.color = p.foreground;
  Chart.defaults.plugins.tooltip.animation = false;
  Chart.defaults.elements.point.radius = 0;
  Chart.defaults.elements.point.hitRadius = 6;
  Chart.defaults.elements.line.borderWidth = p.highContrast ? 2.5 : 1.5;
}

/** Shaded spans and reference lines drawn behind the data (saturation zones, init ranges). */
export interface Zones {
  /** Vertical bands between x values. */
  x: { from: number; to: number; fill: string; label?: string }[];
  /** Horizontal dashed lines at y values. */
  yLines: { at: number; colour: string }[];
  /** Vertical dashed lines at x values. */
  xLines: { at: number; colour: string }[];
}

export const emptyZones = (): Zones => ({ x: [], yLines: [], xLines: [] });

/** A chart.js plugin that draws `zones()` under the datasets, in the chart's own coordinates. */
export function zonesPlugin(zones: () => Zones): Plugin {
  return {
    id: 'nnZones',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales.x;
      const y = scales.y;
      if (!x || !y || !area) return;
      const z = zones();
      ctx.save();
      ctx.beginPath();
      ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      ctx.clip();
      for (const band of z.x) {
        const a = x.getPixelForValue(band.from);
        const b = x.getPixelForValue(band.to);
        ctx.fillStyle = band.fill;
        ctx.fillRect(Math.min(a, b), area.top, Math.abs(b - a), area.bottom - area.top);
      }
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1;
      for (const line of z.yLines) {
        const py = y.getPixelForValue(line.at);
        ctx.strokeStyle = line.colour;
        ctx.beginPath();
        ctx.moveTo(area.left, py);
        ctx.lineTo(area.right, py);
        ctx.stroke();
      }
      for (const line of z.xLines) {
        const px = x.getPixelForValue(line.at);
        ctx.strokeStyle = line.colour;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
      }
      ctx.restore();
    },
  };
}

/** Creates a chart in `canvas`, with our zones plugin attached. */
export function createChart(canvas: HTMLCanvasElement, config: ChartConfiguration, zones?: () => Zones): Chart {
  return new Chart(canvas, { ...config, plugins: [...(config.plugins ?? []), ...(zones ? [zonesPlugin(zones)] : [])] } as ChartConfiguration);
}

/** Points for a linear x axis from parallel arrays (chart.js draws them without re-parsing). */
export function xy(x: readonly number[], y: readonly (number | null)[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = new Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = { x: x[i] as number, y: (y[i] ?? NaN) as number };
  return out;
}
