// Text that the editor adapters show (CodeLens, status bar, hovers), as pure functions of a
// session's numbers. Kept free of `vscode` so the wording is unit-tested without an editor.

import { MAX_QUOTED_CHARS } from '../engine/quote';
import { DIGITS, formatCount, formatNumber, formatPercent, t, tn } from '../shared/l10n';

export { formatCount, formatNumber, formatPercent };
import type { LayerHealth } from '../engine/health-types';
import type { LayerSpec } from '../model/spec';
import type { HistoryPoint, SessionState } from '../shared/protocol/snapshot';
import { isPastLimit, pastLimitText, stateWord } from '../shared/view-models/status-view';

/** formatPercent for Markdown (hovers), where a leading `<` would break `**bold**` around it. */
export function markdownPercent(share: number): string {
  return formatPercent(share).startsWith('<') ? t('under {share}', { share: formatPercent(share).slice(1) }) : formatPercent(share);
}

/** Weight with a fixed two decimals for formulas, the sign written separately by the caller. */
function formatCoefficient(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 0.005 || magnitude >= 1000)) return formatNumber(magnitude);
  return magnitude.toFixed(2);
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
export function subscript(n: number): string {
  return String(n)
    .split('')
    .map((digit) => SUBSCRIPTS[Number(digit)] ?? digit)
    .join('');
}


export interface StatusNumbers {
  state: SessionState;
  epoch: number;
  epochs: number;
  /** The last epoch's numbers, when at least one epoch ran. */
  last: HistoryPoint | undefined;
  /** Why training stopped when it diverged. */
  message?: string;
}

/**
 * One line for the status lens and the status bar: `epoch 120/300 · loss 0.031 · test acc 97%`,
 * prefixed with the state when it is not simply training. A run stopped past its limit (lowered
 * below the epoch reached) says so instead of "finished", which it did not.
 */
export function statusText(numbers: StatusNumbers): string {
  const parts: string[] = [];
  const pastLimit = isPastLimit(numbers.state, numbers.epoch, numbers.epochs);
  if (numbers.state !== 'training' && !pastLimit) parts.push(stateWord(numbers.state));
  parts.push(t('epoch {epoch}/{epochs}', { epoch: String(numbers.epoch), epochs: String(numbers.epochs) }));
  const last = numbers.last;
  if (last) {
    parts.push(t('loss {loss}', { loss: formatNumber(last.trainCost, DIGITS.compact) }));
    if (last.testAccuracy !== undefined) parts.push(t('test acc {accuracy}', { accuracy: formatPercent(last.testAccuracy) }));
    else if (last.trainAccuracy !== undefined) parts.push(t('acc {accuracy}', { accuracy: formatPercent(last.trainAccuracy) }));
    else if (last.testCost !== null) parts.push(t('test loss {loss}', { loss: formatNumber(last.testCost, DIGITS.compact) }));
  }
  let text = parts.join(' · ');
  if (numbers.state === 'diverged' && numbers.message) text += ` — ${numbers.message}`;
  if (pastLimit) text += ` — ${pastLimitText(numbers.epoch, numbers.epochs)}`;
  return text;
}

/** What a layer lens says: `tanh · 4 units · 12% saturated · ‖∇W‖ 3e-4`. */
export function layerText(layer: LayerSpec, health: LayerHealth | undefined, isOutput: boolean): string {
  const parts = [layer.activation, tn(layer.units, '{count} unit', '{count} units')];
  if (isOutput) parts.push(t('output'));
  if (layer.dropout) parts.push(t('dropout {p}', { p: formatNumber(layer.dropout, DIGITS.compact) }));
  if (health) {
    if (health.saturatedFraction !== null) parts.push(t('{share} saturated', { share: formatPercent(health.saturatedFraction) }));
    if (health.deadFraction !== null) parts.push(t('{share} dead', { share: formatPercent(health.deadFraction) }));
    parts.push(`‖∇W‖ ${formatNumber(health.gradNorm, DIGITS.compact)}`);
  }
  return parts.join(' · ');
}

/** Symbol for a unit's output in a formula: h for hidden layers, ŷ for the output. */
export function unitSymbol(layerIndex: number, unit: number, isOutput: boolean): string {
  if (isOutput) return `ŷ${subscript(unit + 1)}`;
  return `h${layerIndex > 0 ? `⁽${toSuperscript(layerIndex + 1)}⁾` : ''}${subscript(unit + 1)}`;
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function toSuperscript(n: number): string {
  return String(n)
    .split('')
    .map((digit) => SUPERSCRIPTS[Number(digit)] ?? digit)
    .join('');
}

/**
 * One unit's formula with its numbers: `h₁ = tanh(0.82·x1 − 1.10·x2 + 0.05)`. Long sums keep
 * their first terms and say how many were left out, so a hover stays readable for wide layers.
 */
export function unitFormula(options: {
  output: string;
  activation: string;
  inputs: readonly string[];
  weights: readonly number[];
  bias: number;
  maxTerms?: number;
}): string {
  const maxTerms = options.maxTerms ?? 6;
  const shown = Math.min(options.weights.length, maxTerms);
  let sum = '';
  for (let i = 0; i < shown; i++) {
    const weight = options.weights[i];
    const sign = weight < 0 ? '−' : '+';
    const term = `${formatCoefficient(weight)}·${options.inputs[i] !== undefined ? codeSpanText(options.inputs[i]) : `x${i + 1}`}`;
    sum += i === 0 ? (weight < 0 ? `−${term}` : term) : ` ${sign} ${term}`;
  }
  const hidden = options.weights.length - shown;
  if (hidden > 0) sum += ` + … (${t('{count} more', { count: hidden })})`;
  sum += ` ${options.bias < 0 ? '−' : '+'} ${formatCoefficient(options.bias)}`;
  const inner = options.activation === 'linear' ? sum : `${options.activation}(${sum})`;
  return `${options.output} = ${inner}`;
}

/**
 * User text (a CSV column name, a name written in the model) made safe inside a Markdown code span
 * in a hover: a backtick would close the span and let the rest render as Markdown (a command link,
 * a remote image), so it becomes ˋ; line breaks become spaces; the text is cut like every quote.
 */
export function codeSpanText(text: string): string {
  const cut = text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
  return cut.replace(/`/g, 'ˋ').replace(/[\r\n]+/g, ' ');
}

