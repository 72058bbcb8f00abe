// TensorFlow.js with its `cpu` (plain JavaScript) and `wasm` (XNNPACK, SIMD) backends, run the way
// its guide recommends for a custom training loop: variables, optimizer.minimize per minibatch.
// The batches are sliced into tensors once, untimed, and visited in the same order every epoch
// (no reshuffling, which only saves TensorFlow.js work). Dense layers use tf.fused.matMul, which
// folds the bias add (and ReLU) into the matrix product, as tf.layers.dense does.

import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import type { BenchSession, Peer } from '../session';
import { layerSizes, type Workload } from '../workloads';
import { initialWeights } from './initial-weights';

/** What the wasm backend really ran with, for the table's notes. */
export async function wasmSetup(): Promise<string> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  await useBackend('wasm');
  return `tfjs-wasm: SIMD ${simd ? 'on' : 'off'}, ${getThreadsCount()} thread${getThreadsCount() === 1 ? '' : 's'}${
    threads ? '' : ' (tfjs-backend-wasm disables its threaded build under Node: WASM_HAS_MULTITHREAD_SUPPORT is false there)'
  }`;
}

async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (tf.getBackend() === name) return;
  if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js backend "${name}" failed to initialise`);
  await tf.ready();
}

function openSession(backend: 'cpu' | 'wasm') {
  return async (w: Workload): Promise<BenchSession> => {
    await useBackend(backend);
    const sizes = layerSizes(w);
    const variables: tf.Variable[] = [];
    for (let l = 1; l < sizes.length; l++) {
      variables.push(tf.variable(tf.tensor2d(initialWeights(sizes[l - 1], sizes[l], w.init, 100 + l), [sizes[l - 1], sizes[l]])));
      variables.push(tf.variable(tf.zeros([sizes[l]])));
    }
    const n = w.data.train.n;
    const outputs = w.output.units;
    const batches: { x: tf.Tensor2D; y: tf.Tensor2D }[] = [];
    for (let start = 0; start < n; start += w.batchSize) {
      const rows = Math.min(w.batchSize, n - start);
      batches.push({
        x: tf.tensor2d(Float32Array.from(w.data.train.x.subarray(start * w.inputSize, (start + rows) * w.inputSize)), [rows, w.inputSize]),
        y: tf.tensor2d(Float32Array.from(w.targets.subarray(start * outputs, (start + rows) * outputs)), [rows, outputs]),
      });
    }
    const optimizer = tf.train.sgd(w.learningRate);
    const layers = sizes.length - 1;

    const loss = (x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar => {
      let h: tf.Tensor = x;
      for (let l = 0; l < layers; l++) {
        const last = l === layers - 1;
        const activation = last ? w.output.activation : w.hiddenActivation;
        const fused = activation === 'relu' ? 'relu' : 'linear';
        h = tf.fused.matMul({ a: h as tf.Tensor2D, b: variables[2 * l] as tf.Tensor2D, bias: variables[2 * l + 1], activation: fused });
        if (activation === 'tanh') h = tf.tanh(h);
      }
      return w.output.loss === 'mse' ? tf.losses.meanSquaredError(y, h) : tf.losses.softmaxCrossEntropy(y, h);
    };

    return {
      async train(epochs) {
        await useBackend(backend);
        for (let e = 0; e < epochs; e++) {
          for (const batch of batches) optimizer.minimize(() => loss(batch.x, batch.y), false, variables);
        }
        // Both backends run synchronously, but reading a weight back makes sure nothing is pending.
        await variables[0].data();
      },
      dispose() {
        optimizer.dispose();
        tf.dispose(variables);
        for (const batch of batches) tf.dispose([batch.x, batch.y]);
      },
    };
  };
}

const note = () => 'custom loop: optimizer.minimize per minibatch, batches pre-sliced once';

export const tfjsCpu: Peer = { impl: 'tfjs-cpu', note, open: openSession('cpu') };
export const tfjsWasm: Peer = { impl: 'tfjs-wasm', note, open: openSession('wasm'), setup: wasmSetup };
