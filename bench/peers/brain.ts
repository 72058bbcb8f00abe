// brain.js 2 (beta) NeuralNetwork on the CPU, trained with its own train() as its users call it.
// It cannot follow the spec exactly, and the table says so:
// - it has no minibatches: it updates the weights after every sample (more update work, not less);
// - every layer, the output included, uses the one activation; its loss is always MSE, so (b) and
//   (c) run with a ReLU/tanh output and MSE against one-hot targets instead of softmax cross-entropy;
// - its validation rejects momentum 0, so its default 0.1 stays (the arithmetic is the same);
// - it measures the training error on every iteration (errorCheckInterval = 1), which is its
//   normal cost: that pass trains too, it only adds the error sum.

import { NeuralNetwork } from 'brain.js';
import type { BenchSession, Peer } from '../session';
import type { Workload } from '../workloads';

/** brain.js stops once the error falls below this; it must be > 0, so make it unreachable. */
const NEVER_STOP = 1e-300;

export const brainJs: Peer = {
  impl: 'brain.js',
  note(w) {
    const parts = ['per-sample updates (no minibatches)'];
    if (w.output.loss !== 'mse') parts.push(`${w.hiddenActivation} output + MSE on one-hot targets (no softmax cross-entropy)`);
    return parts.join('; ');
  },
  async open(w: Workload): Promise<BenchSession> {
    const n = w.data.train.n;
    const outputs = w.output.units;
    // Plain arrays: brain.js treats typed arrays as key/value hashes; it converts these to Float32Array.
    const samples = Array.from({ length: n }, (_, r) => ({
      input: Array.from(w.data.train.x.subarray(r * w.inputSize, (r + 1) * w.inputSize)),
      output: Array.from(w.targets.subarray(r * outputs, (r + 1) * outputs)),
    }));
    const net = new NeuralNetwork({ inputSize: w.inputSize, outputSize: outputs, hiddenLayers: w.hidden, activation: w.hiddenActivation, learningRate: w.learningRate });
    const options = { iterations: 1, errorThresh: NEVER_STOP, learningRate: w.learningRate, activation: w.hiddenActivation, log: false };
    return {
      train(epochs) {
        net.train(samples, { ...options, iterations: epochs });
      },
      dispose() {},
    };
  },
};
