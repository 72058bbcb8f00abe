// "Did you mean …?" for misspelt names. Names are compared after folding case and dropping `-`,
// `_` and spaces, so `learning_rate`, `LearningRate` and `leaky_relu` find their spelling, and a
// small alias table covers the names other libraries use for the same idea (logistic, glorot…).

import { ACTIVATIONS, activationRecord } from '../../engine/activations';

/** Optimal-string-alignment distance: Levenshtein plus transposition of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Other libraries' activation names, from the activation table (`silu` → swish, `logistic` → sigmoid). */
const ACTIVATION_ALIASES: Record<string, string> = Object.fromEntries(ACTIVATIONS.flatMap((name) => activationRecord(name).aliases.map((alias) => [fold(alias), name])));

/** Other libraries' names for ideas the format spells differently. Keys are folded. */
const ALIASES: Record<string, string> = {
  ...ACTIVATION_ALIASES,
  glorot: 'xavier',
  glorotuniform: 'xavier',
  glorotnormal: 'xavier',
  kaiming: 'he',
  normal: 'gaussian',
  zero: 'zeros',
  crossentropy: 'cross-entropy',
  categoricalcrossentropy: 'cross-entropy',
  softmaxcrossentropy: 'cross-entropy',
  logloss: 'binary-cross-entropy',
  bce: 'binary-cross-entropy',
  ce: 'cross-entropy',
  meansquarederror: 'mse',
  l2loss: 'mse',
  gd: 'sgd',
  gradientdescent: 'sgd',
  lr: 'learningRate',
  rate: 'learningRate',
  eta: 'learningRate',
  batch: 'batchSize',
  minibatch: 'batchSize',
  epoch: 'epochs',
  iterations: 'epochs',
  neurons: 'units',
  size: 'units',
  width: 'units',
  nodes: 'units',
  act: 'activation',
  weightdecay: 'regularization',
  decay: 'regularization',
  l2: 'regularization',
  dropoutrate: 'dropout',
  keepprob: 'dropout',
  testsplit: 'testFraction',
  validationsplit: 'testFraction',
  testsize: 'testFraction',
  n: 'samples',
  count: 'samples',
  points: 'samples',
  normalize: 'standardize',
  normalise: 'standardize',
  standardise: 'standardize',
  label: 'target',
  labels: 'targets',
  y: 'targets',
  x: 'inputs',
  columns: 'features',
  file: 'csv',
  path: 'csv',
  sigma: 'std',
  stddev: 'std',
  mu: 'mean',
};

/**
 * Names longer than this are never compared: no known name comes near it, and comparing a key of
 * millions of characters against every candidate would stall the parser (the table is
 * length × length).
 */
export const MAX_COMPARED_NAME = 64;

/**
 * The candidate the writer most likely meant, or undefined when nothing is close enough to be a
 * useful guess (a wrong suggestion teaches something false).
 */
export function didYouMean(written: string, candidates: readonly string[]): string | undefined {
  if (written.length > MAX_COMPARED_NAME) return undefined;
  const folded = fold(written);
  if (folded.length === 0) return undefined;
  const alias = ALIASES[folded];
  if (alias !== undefined && candidates.includes(alias)) return alias;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = fold(candidate);
    // The distance is at least the difference in length: skip candidates that cannot win.
    if (other.length > MAX_COMPARED_NAME || Math.abs(other.length - folded.length) >= bestDistance) continue;
    const distance = editDistance(folded, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Allow about one typo per three letters, at least one, so `sigmod` → sigmoid but `abc` → nothing.
  const allowed = Math.max(1, Math.floor(folded.length / 3));
  if (best !== undefined && bestDistance <= allowed) return best;
  // A prefix such as `cross` or `leaky` is a clear enough intent.
  if (folded.length >= 4) {
    const prefixed = candidates.filter((c) => fold(c).startsWith(folded));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}
