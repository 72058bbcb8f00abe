// Theory §8-9: the cost is the mean loss over samples; a minibatch estimates its gradient from
// batchSize of them. A batch larger than the training split is simply the whole split: one
// update per epoch (full-batch gradient descent), worth knowing when comparing runs.

import { t } from '../../../shared/l10n';
import { problem } from '../../semantic';
import type { StaticRule } from '../rule';
import { DATASET_FACTS } from '../../vocabulary';
import type { ModelSpec } from '../../spec';

function sampleCount(spec: ModelSpec): number | undefined {
  const data = spec.data;
  if (data.kind === 'generator') return data.samples;
  if (data.kind === 'inline') return data.inputs.length;
  if (data.kind === 'dataset') return DATASET_FACTS[data.dataset].samples;
  return undefined;
}

export const batchExceedsData: StaticRule = {
  code: 'batch-exceeds-data',
  severity: 'info',
  summary: 'The batch is larger than the training split: one full-batch update per epoch.',
  check({ spec, locations }) {
    // Only about a batch size someone wrote: the default on a 4-row truth table is no news.
    if (locations.values['training.batchSize'] === undefined) return [];
    const n = sampleCount(spec);
    if (n === undefined) return [];
    const train = n - Math.round(n * spec.data.testFraction);
    const { batchSize } = spec.training;
    if (batchSize <= train || train <= 0) return [];
    const message = t(`batchSize {batchSize} is larger than the {train} training samples, so each epoch is one step of full-batch gradient descent on all {train}: smooth but few updates.`, { batchSize, train });
    return [problem({ locations }, 'batch-exceeds-data', 'info', 'static', message, 'training.batchSize')];
  },
};
