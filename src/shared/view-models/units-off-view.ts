// Hidden units switched off in the network diagram, in words: which units may be switched, what the
// diagram's tooltip and summary say of them, and the effect line with the worker's own figures
// (the current weights evaluated with every unit on, then with these off). Pure, no DOM.

import type { TaskKind } from '../../engine/types';
import type { EvaluationView, UnitsOffView } from '../protocol/snapshot';
import { formatNumber, formatPercent, t, tn } from '../l10n';

/**
 * Diagram columns (0 = inputs, last = outputs) whose units a click switches: the hidden ones. An
 * output unit is the prediction itself, and an input is the data (the lessons' `inputFeatures`
 * choose inputs).
 */
export function isSwitchable(column: number, columns: number): boolean {
  return column >= 1 && column <= columns - 2;
}

/** Whether unit `unit` of network layer `layer` (0 = the first hidden layer) is off. */
export function isOff(view: UnitsOffView | undefined, layer: number, unit: number): boolean {
  return view?.units.some((u) => u.layer === layer && u.unit === unit) ?? false;
}

/** "layer 1 unit 3": 1-based, as a student counts them (the diagram's h1 is layer 1). */
export function unitLabel(layer: number, unit: number): string {
  return t('layer {layer} unit {unit}', { layer: String(layer + 1), unit: String(unit + 1) });
}

/** What a hidden unit's tooltip adds: whether it is off, and what a click does. */
export function switchHint(off: boolean): string {
  return off
    ? t('off: its output is held at 0. Click it (or press Enter) to switch it back on.')
    : t('click it (or press Enter) to switch it off.');
}

/** "a, b, c" in English, "a、b、c" in Chinese. */
function listed(items: readonly string[]): string {
  return items.reduce((list, item) => t('{list}, {item}', { list, item }));
}

function change(before: number | null | undefined, after: number | null | undefined, percent: boolean): string {
  const format = percent ? formatPercent : (v: number | null | undefined) => formatNumber(v);
  return `${format(before)} → ${format(after)}`;
}

/**
 * "Layer 1 unit 3 off: training cost 0.082 → 0.417, test accuracy 98% → 71%." The figures are the
 * worker's: every unit on → these units off, same weights. Accuracy for classifiers (on the test
 * split when there is one), else the test cost; undefined while every unit is on.
 */
export function unitsOffEffect(view: UnitsOffView | undefined, kind: TaskKind | undefined): string | undefined {
  if (!view || view.units.length === 0) return undefined;
  const first = view.units[0] as UnitsOffView['units'][number];
  const which =
    view.units.length === 1
      ? t('{unit} off', { unit: unitLabel(first.layer, first.unit) })
      : tn(view.units.length, '{count} unit off ({units})', '{count} units off ({units})', { units: listed(view.units.map((u) => unitLabel(u.layer, u.unit))) });
  const on: EvaluationView = view.allOn;
  const now: EvaluationView = view.now;
  const cost = t('training cost {change}', { change: change(on.trainCost, now.trainCost, false) });
  let second: string | undefined;
  if (kind === 'classification' && now.testAccuracy !== undefined) second = t('test accuracy {change}', { change: change(on.testAccuracy, now.testAccuracy, true) });
  else if (kind === 'classification' && now.trainAccuracy !== undefined) second = t('training accuracy {change}', { change: change(on.trainAccuracy, now.trainAccuracy, true) });
  else if (now.testCost !== null) second = t('test cost {change}', { change: change(on.testCost, now.testCost, false) });
  return second === undefined ? t('{which}: {cost}.', { which, cost }) : t('{which}: {cost}, {second}.', { which, cost, second });
}

/** What the effect line's numbers are, and what happens to units off afterwards. */
export function unitsOffNote(): string {
  return t(
    'Every unit on → with these off, the same weights evaluated now on the whole of each split (the curves show epoch averages). Training keeps them off, like a dropout mask that never changes and is not rescaled, so the other units learn to do without them. Reset or a new network switches every unit back on; the model file is not changed.',
  );
}

/** The diagram's hint while every unit is on (only where a click can switch one). */
export function unitsOffHint(): string {
  return t('Click a hidden unit (or select it with the arrow keys and press Enter) to switch it off and see what the network does without it.');
}
