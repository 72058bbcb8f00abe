// Our engine, called exactly as the training worker calls it: createTrainer, then trainEpoch.

import { createTrainer } from '../../src/engine';
import type { BenchSession, Peer } from '../session';
import type { Workload } from '../workloads';

export const nnPlayground: Peer = {
  impl: 'nn-playground',
  note: () => undefined,
  async open(w: Workload): Promise<BenchSession> {
    const trainer = createTrainer(
      {
        network: {
          inputSize: w.inputSize,
          layers: [...w.hidden.map((units) => ({ units, activation: w.hiddenActivation })), { units: w.output.units, activation: w.output.activation }],
          loss: w.output.loss,
          init: { distribution: w.init },
        },
        training: {
          optimizer: 'sgd',
          learningRate: w.learningRate,
          batchSize: w.batchSize,
          epochs: 1_000_000_000,
          regularization: { type: 'none', lambda: 0 },
          dropoutMode: 'inverted',
        },
        seed: 1,
      },
      w.data,
    );
    return {
      train(epochs) {
        for (let e = 0; e < epochs; e++) trainer.trainEpoch();
      },
      dispose() {},
    };
  },
};
