// A sweep over one capacity setting: the same experiment at each value, so bias² and variance can
// be drawn against it (the U curve). One parser for the CLI's `--sweep units=2,4,8` and the
// editor's picker; one `withSetting` that changes the trainer inputs the same way for both.

import type { TrainerInputs } from '../model/to-trainer-inputs';
import { ExperimentError } from './errors';
import { bvMessage, BV_MESSAGES, type BvMessage } from './messages';

export const CAPACITY_SETTINGS = ['units', 'depth', 'lambda', 'epochs'] as const;
export type CapacitySetting = (typeof CAPACITY_SETTINGS)[number];
export const MAX_SWEEP_VALUES = 12;

export interface Sweep {
  setting: CapacitySetting;
  values: number[];
}

/** Each setting's allowed values, the rule's sentence and the setting's name in messages. */
const RULES: Record<CapacitySetting, { ok: (v: number) => boolean; rule: BvMessage; name: BvMessage }> = {
  units: { ok: (v) => Number.isInteger(v) && v >= 1 && v <= 4096, rule: 'ruleUnits', name: 'settingUnits' },
  depth: { ok: (v) => Number.isInteger(v) && v >= 1 && v <= 16, rule: 'ruleDepth', name: 'settingDepth' },
  lambda: { ok: (v) => v >= 0 && v <= 10, rule: 'ruleLambda', name: 'settingLambda' },
  epochs: { ok: (v) => Number.isInteger(v) && v >= 1 && v <= 100_000, rule: 'ruleEpochs', name: 'settingEpochs' },
};

/** The setting's name as a person reads it ("hidden units", "λ (L2)"). */
export function settingName(setting: CapacitySetting): string {
  return BV_MESSAGES[RULES[setting].name];
}

/** `units=2,4,8` → the sweep, or the sentence saying what is wrong with it. */
export function parseSweep(text: string): Sweep | { error: string } {
  const match = /^\s*(\w+)\s*=\s*(.+)$/.exec(text);
  const setting = match?.[1] as CapacitySetting | undefined;
  if (match === null || setting === undefined || !CAPACITY_SETTINGS.includes(setting)) return { error: bvMessage('sweepSyntax', { settings: CAPACITY_SETTINGS.join(', '), value: text }) };
  const parts = match[2].split(',').map((part) => part.trim());
  if (parts.length < 2 || parts.length > MAX_SWEEP_VALUES) return { error: bvMessage('sweepTooFew', { max: MAX_SWEEP_VALUES, count: parts.length }) };
  const values: number[] = [];
  for (const part of parts) {
    const value = part === '' ? NaN : Number(part);
    if (!Number.isFinite(value) || !RULES[setting].ok(value)) return { error: bvMessage('sweepValue', { value: part, setting, rule: BV_MESSAGES[RULES[setting].rule] }) };
    values.push(value);
  }
  return { setting, values };
}

/**
 * The inputs with one capacity setting changed: `units` sets every hidden layer's width, `depth`
 * the number of hidden layers (each a copy of the first), `lambda` an L2 penalty of that strength
 * (0: none), `epochs` the training length. The output layer is never changed.
 */
export function withSetting(inputs: TrainerInputs, setting: CapacitySetting, value: number): TrainerInputs {
  const { network, training } = inputs.options;
  const hidden = network.layers.slice(0, -1);
  const output = network.layers[network.layers.length - 1];
  if ((setting === 'units' || setting === 'depth') && hidden.length === 0) throw new ExperimentError(bvMessage('sweepNeedsHidden', { setting: settingName(setting) }));
  let layers = network.layers;
  let next = training;
  if (setting === 'units') layers = hidden.map((layer) => ({ ...layer, units: value })).concat([output]);
  else if (setting === 'depth') layers = Array.from({ length: value }, () => ({ ...hidden[0] })).concat([output]);
  else if (setting === 'lambda') next = { ...training, regularization: value === 0 ? { type: 'none', lambda: 0 } : { type: 'l2', lambda: value } };
  else next = { ...training, epochs: value };
  return { ...inputs, options: { ...inputs.options, network: { ...network, layers }, training: next } };
}

/** The sweeps the editor's picker offers (the lessons name one of them); any other is typed in. */
export const SWEEP_PRESETS: readonly Sweep[] = [
  { setting: 'lambda', values: [0, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1] },
  { setting: 'units', values: [1, 2, 4, 8, 16, 64] },
  { setting: 'depth', values: [1, 2, 3, 4] },
  { setting: 'epochs', values: [10, 30, 100, 300, 1000, 3000] },
];

/** The sweep as the CLI and the picker write it: `lambda=0,0.001,0.01`. */
export function sweepText(sweep: Sweep): string {
  return `${sweep.setting}=${sweep.values.join(',')}`;
}
