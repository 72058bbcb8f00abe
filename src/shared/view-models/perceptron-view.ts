// What the panel says of the perceptron rule's latest updates: one line per minibatch with its
// numbers, as the rule reads on the blackboard, w ← w + lr·(y − ŷ)·x, and which samples the
// boundary view rings. The numbers are the engine's (src/engine/perceptron-trace.ts): the weights
// before and after are read from the network, not recomputed here. Pure (no DOM).

import { unchanged, type PerceptronSample, type PerceptronUpdate } from '../../engine/perceptron-trace';
import { formatNumber, t } from '../l10n';

/** A target or an output of a threshold unit, signed as the rule is written: +1, -1, 0. */
function signed(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

function vector(values: readonly number[]): string {
  return values.map((v) => formatNumber(v)).join(', ');
}

/** One update as a line, e.g. `epoch 1, sample 3: x = (1, 0), y = -1, ŷ = +1 → w ← w + 1·(-1 − (+1))·x: (0, 0) → (-2, 0), b 0 → -2`. */
export function updateLine(update: PerceptronUpdate): string {
  const weights = { before: vector(update.weightsBefore), after: vector(update.weightsAfter), biasBefore: formatNumber(update.biasBefore), biasAfter: formatNumber(update.biasAfter) };
  const first = update.samples[0];
  if (update.rows === 1 && first) {
    const sample = { epoch: String(update.epoch), sample: String(first.position), x: vector(first.x), y: signed(first.y), yHat: signed(first.yHat) };
    if (unchanged(update)) return t('epoch {epoch}, sample {sample}: x = ({x}), y = {y}, ŷ = {yHat}: right, no change', sample);
    return t('epoch {epoch}, sample {sample}: x = ({x}), y = {y}, ŷ = {yHat} → w ← w + {lr}·({y} − ({yHat}))·x: ({before}) → ({after}), b {biasBefore} → {biasAfter}', {
      ...sample,
      lr: formatNumber(update.learningRate),
      ...weights,
    });
  }
  const last = (first?.position ?? 1) + update.rows - 1;
  const batch = { epoch: String(update.epoch), first: String(first?.position ?? 1), last: String(last), wrong: String(update.wrong), rows: String(update.rows) };
  if (unchanged(update)) return t('epoch {epoch}, samples {first}–{last}: all {rows} right, no change', batch);
  // The engine takes the mean of the rule over the batch (perceptronDelta): say so in the formula.
  return t('epoch {epoch}, samples {first}–{last}: {wrong} of {rows} wrong → w ← w + {lr}·(1/{rows})·Σ(y − ŷ)·x: ({before}) → ({after}), b {biasBefore} → {biasAfter}', {
    ...batch,
    lr: formatNumber(update.learningRate),
    ...weights,
  });
}

/** The samples the boundary view rings: the latest update's wrong ones, or its one sample when it had one. */
export function ringedSamples(updates: readonly PerceptronUpdate[] | undefined): PerceptronSample[] {
  const latest = updates?.at(-1);
  if (!latest) return [];
  if (latest.rows === 1) return latest.samples.slice(0, 1);
  return latest.samples.filter((s) => s.y !== s.yHat);
}

/** Identifies the latest update, so the list is rebuilt only when a new one came. */
export function latestUpdateKey(updates: readonly PerceptronUpdate[] | undefined): string {
  const latest = updates?.at(-1);
  return latest ? `${latest.epoch}/${latest.batch}/${updates?.length ?? 0}` : '';
}
