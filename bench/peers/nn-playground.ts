// Our engine, called exactly as the training worker calls it: createTrainer, then trainEpoch.

import { createTrainer } from '../../src/engine';
import { availableKernels, forceKernels } from '../../src/engine/wasm/kernels';
import type { BenchSession, Peer } from '../session';
import type { Workload } from '../workloads';

export const nnPlayground: Peer = {
  impl: 'nn-playground',
  note: () => (availableKernels() === 'js' ? 'no WebAssembly SIMD on this host: scalar kernels' : undefined),
  open: (w) => openEngine(w),
};

/** The same engine held to its scalar JavaScript kernels. */
export const nnPlaygroundScalar: Peer = {
  impl: 'nn-playground-js',
  note: () => 'scalar JavaScript kernels only',
  open(w) {
    forceKernels('js');
    return openEngine(w);
  },
};

async function openEngine(w: Workload): Promise<BenchSession> {
  {
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
  }
}
