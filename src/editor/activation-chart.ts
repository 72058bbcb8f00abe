// A small SVG chart of an activation function with the layer's current pre-activations marked on
// it, for hovers: it shows at a glance whether the units sit in the linear zone or in saturation.
// Pure string building (no DOM, no vscode), so it is unit-tested and rendered as a data URI.

import { ACTIVATION_INFO, activationRecord, isActivationName } from '../engine/activations';
import { HEALTH_PERCENTILES } from '../engine/health-types';
import { formatNumber } from './format';

export const CHART_WIDTH = 260;
export const CHART_HEIGHT = 120;
const PAD = { left: 8, right: 8, top: 10, bottom: 22 };

/** An activation's value at z, for drawing: the engine's own; a softmax unit against a rival at 0 is a sigmoid. */
export function activationValue(activation: string, z: number): number {
  return isActivationName(activation) ? activationRecord(activation).forward(z) : z;
}

/** Zones where the derivative is (nearly) zero, from the engine's zones: saturation (sigmoid, tanh, ELU, …), the dead side of ReLU. */
export function flatZones(activation: string, halfWidth: number): { from: number; to: number; label: string }[] {
  if (!isActivationName(activation)) return [];
  const zones = ACTIVATION_INFO[activation].zones;
  const found: { from: number; to: number; label: string }[] = [];
  if (zones.saturatedBelow !== null && zones.saturatedBelow > -halfWidth) found.push({ from: -halfWidth, to: zones.saturatedBelow, label: 'saturated' });
  if (zones.saturatedAbove !== null && zones.saturatedAbove < halfWidth) found.push({ from: zones.saturatedAbove, to: halfWidth, label: 'saturated' });
  if (zones.deadBelow !== null && zones.deadBelow > -halfWidth) found.push({ from: -halfWidth, to: zones.deadBelow, label: 'dead (f′ = 0)' });
  return found;
}

/** The farthest zone edge from 0, or null: how wide the chart must be to show the zones. */
function zoneReach(activation: string): number | null {
  if (!isActivationName(activation)) return null;
  const { saturatedBelow, saturatedAbove } = ACTIVATION_INFO[activation].zones;
  if (saturatedBelow === null && saturatedAbove === null) return null;
  return Math.max(Math.abs(saturatedBelow ?? 0), Math.abs(saturatedAbove ?? 0));
}

/**
 * Vertical extent: a bounded side of the range (sigmoid's 0 and 1) gets 10% of the span as margin;
 * an unbounded side ends where the curve does at the chart's edge, and the bottom always leaves
 * 10% of the height below 0 so the axis shows.
 */
function yRange(activation: string, halfWidth: number): [number, number] {
  const range = isActivationName(activation) ? activationRecord(activation).range : ([-Infinity, Infinity] as const);
  const low = Number.isFinite(range[0]) ? range[0] : Math.min(activationValue(activation, -halfWidth), activationValue(activation, halfWidth));
  const high = Number.isFinite(range[1]) ? range[1] : Math.max(activationValue(activation, -halfWidth), activationValue(activation, halfWidth));
  const span = high - low || 1;
  const bottom = Number.isFinite(range[0]) ? low - 0.1 * span : Math.min(low, -0.1 * span);
  const top = Number.isFinite(range[1]) ? high + 0.1 * span : high;
  return [bottom, top];
}

/**
 * Horizontal extent: wide enough for the saturation zones and the observed pre-activations, so a
 * layer stuck far in saturation is drawn where it is, not clipped to the pretty middle.
 */
export function chartHalfWidth(activation: string, percentiles: readonly number[] | null): number {
  const threshold = zoneReach(activation) ?? 3;
  let half = Math.max(6, threshold * 1.4);
  if (percentiles && percentiles.length > 0) {
    const spread = Math.max(Math.abs(percentiles[0]), Math.abs(percentiles[percentiles.length - 1]));
    if (Number.isFinite(spread)) half = Math.max(half, spread * 1.1);
  }
  return Math.min(half, 100);
}

const round = (v: number) => Math.round(v * 10) / 10;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The chart as SVG text. `percentiles` are the layer's pre-activations at HEALTH_PERCENTILES
 * (0, 7, 16, 31, 50, 69, 84, 93, 100), or null before training.
 */
export function activationChartSvg(activation: string, percentiles: readonly number[] | null): string {
  const half = chartHalfWidth(activation, percentiles);
  const [yMin, yMax] = yRange(activation, half);
  const plotW = CHART_WIDTH - PAD.left - PAD.right;
  const plotH = CHART_HEIGHT - PAD.top - PAD.bottom;
  const sx = (z: number) => round(PAD.left + ((Math.max(-half, Math.min(half, z)) + half) / (2 * half)) * plotW);
  const sy = (y: number) => round(PAD.top + (1 - (Math.max(yMin, Math.min(yMax, y)) - yMin) / (yMax - yMin)) * plotH);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="sans-serif" font-size="10">`,
  );
  // Hover backgrounds follow the theme and an image cannot read theme colours: mid-tone colours
  // with partial opacity stay readable on light, dark and high-contrast backgrounds alike.
  for (const zone of flatZones(activation, half)) {
    parts.push(
      `<rect class="zone" x="${sx(zone.from)}" y="${PAD.top}" width="${round(sx(zone.to) - sx(zone.from))}" height="${plotH}" fill="#e05050" fill-opacity="0.16"/>`,
    );
  }
  if (percentiles && percentiles.length === HEALTH_PERCENTILES.length && percentiles.every(Number.isFinite)) {
    const [p0, p7, p16, , p50, , p84, p93, p100] = percentiles;
    parts.push(`<rect class="band" x="${sx(p7)}" y="${PAD.top}" width="${round(Math.max(1, sx(p93) - sx(p7)))}" height="${plotH}" fill="#e0a030" fill-opacity="0.22"/>`);
    parts.push(`<rect class="band" x="${sx(p16)}" y="${PAD.top}" width="${round(Math.max(1, sx(p84) - sx(p16)))}" height="${plotH}" fill="#e0a030" fill-opacity="0.3"/>`);
    parts.push(`<line class="median" x1="${sx(p50)}" y1="${PAD.top}" x2="${sx(p50)}" y2="${PAD.top + plotH}" stroke="#e0a030" stroke-width="2"/>`);
    const base = PAD.top + plotH;
    parts.push(`<line class="range" x1="${sx(p0)}" y1="${base - 3}" x2="${sx(p100)}" y2="${base - 3}" stroke="#e0a030" stroke-width="1.5"/>`);
  }
  // Axes through the origin.
  parts.push(`<line x1="${PAD.left}" y1="${sy(0)}" x2="${PAD.left + plotW}" y2="${sy(0)}" stroke="#888" stroke-width="0.7"/>`);
  parts.push(`<line x1="${sx(0)}" y1="${PAD.top}" x2="${sx(0)}" y2="${PAD.top + plotH}" stroke="#888" stroke-width="0.7"/>`);
  // The curve, sampled densely enough that step/sign jumps look vertical.
  const samples = 160;
  const points: string[] = [];
  for (let i = 0; i <= samples; i++) {
    const z = -half + (2 * half * i) / samples;
    points.push(`${sx(z)},${sy(activationValue(activation, z))}`);
  }
  parts.push(`<polyline class="curve" points="${points.join(' ')}" fill="none" stroke="#3794ff" stroke-width="2"/>`);
  const labelY = CHART_HEIGHT - 6;
  parts.push(`<text x="${PAD.left}" y="${labelY}" fill="#888">${escapeXml(formatNumber(-half))}</text>`);
  parts.push(`<text x="${PAD.left + plotW}" y="${labelY}" fill="#888" text-anchor="end">${escapeXml(formatNumber(half))}</text>`);
  parts.push(`<text x="${sx(0)}" y="${labelY}" fill="#888" text-anchor="middle">z</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** A data URI for a Markdown image; base64 keeps parentheses and spaces out of the link target. */
export function svgDataUri(svg: string): string {
  // btoa takes one character per byte: the UTF-8 bytes, as such characters (no Buffer in the browser).
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
