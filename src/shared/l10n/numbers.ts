// How every number a person reads is written: one rule for significant digits, percents, counts
// and units, with Intl.NumberFormat in the UI's locale, so a hover, a problem and the panel write
// the same value the same way. Pure: the engine, the model and the webview import it.
// (Numbers written *into* the model file are JSON, not prose: see src/model/text/json-edits.ts.)

let numberLocale = 'en';
const formats = new Map<string, Intl.NumberFormat>();

/** Called by configureL10n; the Intl locale of `en`/`zh-cn`. */
export function setNumberLocale(locale: string): void {
  const tag = locale === 'zh-cn' ? 'zh-CN' : 'en-US';
  if (tag !== numberLocale) formats.clear();
  numberLocale = tag;
}

function format(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(numberLocale, options);
    formats.set(key, formatter);
  }
  return formatter;
}

/** Significant digits: `message` in problems, hovers and chart labels; `compact` in one-line lenses. */
export const DIGITS = { message: 3, compact: 2 } as const;

/** Below this magnitude, or at and above EXPONENT_ABOVE, a number is written 3.1e-4 / 1.2e5. */
const EXPONENT_BELOW = 1e-3;
const EXPONENT_ABOVE = 1e5;

/**
 * A measured value: `digits` significant digits (3 unless said), exponent form for very small or
 * large magnitudes (a two-digit mantissa, no "+" or ".0": 3e-4, 1.2e5), no grouping, and the
 * ASCII hyphen-minus for negatives: 0.031, 1200, -1.23.
 */
export function formatNumber(value: number | null | undefined, digits: number = DIGITS.message): string {
  if (value === null || value === undefined) return '–';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < EXPONENT_BELOW || magnitude >= EXPONENT_ABOVE) {
    const [mantissa, exponent] = value.toExponential(1).split('e');
    const m = format('mantissa', { maximumFractionDigits: 1, useGrouping: false }).format(Number(mantissa));
    return minus(`${m}e${Number(exponent)}`);
  }
  return minus(format(`sig${digits}`, { maximumSignificantDigits: digits, useGrouping: false }).format(value));
}

/**
 * Negative values keep the ASCII hyphen-minus that Intl writes for en and zh-CN: a student copies a
 * hovered bias or weight into the .nn.json, and JSON reads "-2.5", not "−2.5" (U+2212).
 */
function minus(text: string): string {
  return text.replace(/^\u2212/, '-');
}

/** A share in [0, 1] as a person reads it at a glance: 97%, 4.2%, 0.4%, <0.1%, 0%; – when unknown. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  const percent = share * 100;
  if (percent === 0) return format('pct0', { style: 'percent', maximumFractionDigits: 0 }).format(0);
  if (percent > 0 && percent < 0.1) return `<${format('pct1', { style: 'percent', maximumFractionDigits: 1 }).format(0.001)}`;
  if (Math.abs(percent) < 9.95) return format('pct1', { style: 'percent', maximumFractionDigits: 1 }).format(share);
  return format('pct0', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A whole count, grouped for the locale: 5,000,000. */
export function formatCount(n: number): string {
  return format('count', { maximumFractionDigits: 0 }).format(Math.round(n));
}

/** A number with a unit: `1.2 MB`, `35 ms`, `4,100 samples/s`; counts at or above 1000 are grouped. */
export function formatUnit(value: number, unit: 'ms' | 's' | 'MB' | 'KB' | 'samples/s'): string {
  const text = Math.abs(value) >= 1000 ? formatCount(value) : formatNumber(value, DIGITS.message);
  return `${text} ${unit}`;
}
