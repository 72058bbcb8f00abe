// The toolbar's pace control and Step's unit, in words. Pure (no DOM), so the choices and their
// tooltips are tested without a browser.

import { FASTEST_PACE, PACE_CHOICES } from '../pace';
import { formatNumber, t } from '../l10n';

/** What the panel's Step trains: a whole epoch (as the CodeLens Step does), one minibatch, or one sample. */
export type StepUnit = 'epoch' | 'batch' | 'sample';

/** The panel's choices, fastest first, with the session's pace among them when a setting chose another. */
export function paceOptions(current: number): number[] {
  const choices = PACE_CHOICES.includes(current) ? [...PACE_CHOICES] : [...PACE_CHOICES, current];
  return choices.sort((a, b) => (a === FASTEST_PACE ? -1 : b === FASTEST_PACE ? 1 : b - a));
}

export function paceLabel(epochsPerSecond: number): string {
  return epochsPerSecond === FASTEST_PACE ? t('as fast as possible') : t('{count} epochs/s', { count: formatNumber(epochsPerSecond) });
}

/** The Step button's tooltip for a unit, at the model's batch size. */
export function stepUnitTitle(unit: StepUnit, batchSize: number): string {
  switch (unit) {
    case 'epoch':
      return t('Train one epoch');
    case 'batch':
      return batchSize === 1 ? t('Train one minibatch: here one sample (the batch size is 1)') : t('Train one minibatch of {count} samples', { count: String(batchSize) });
    case 'sample':
      return batchSize === 1
        ? t('Train one sample: one update of the weights (the batch size is 1)')
        : t('One sample at a time needs batch size 1: with a larger batch the engine updates once per minibatch, from the mean over its samples, so one sample alone would be another algorithm.');
  }
}
