// The long-training model and settings shared by panel-keys.e2e.ts and the soak (scripts/soak.ts).

/** A spiral that trains for far longer than the test runs, with every panel field in its text. */
export const LONG_MODEL = 'long-spiral.nn.json';
export const LONG_MODEL_TEXT = `// A spiral that trains for a long time: the panel's fields are edited while it runs.
{
  "name": "Long spiral",
  "seed": 2,
  "data": { "generator": "spiral", "samples": 400, "noise": 0.05, "testFraction": 0.25 },
  "layers": [
    { "units": 16, "activation": "tanh" },
    { "units": 16, "activation": "tanh" },
    { "units": 1, "activation": "sigmoid" }
  ],
  "loss": "cross-entropy",
  "training": {
    "optimizer": "adam",
    "learningRate": 0.01,
    "batchSize": 10,
    "epochs": 100000,
    "regularization": { "type": "l1", "lambda": 0.0001 }
  }
}
`;
/** Auto Save writes every edit to disk within a fraction of a second: the file shows what the keys did. */
export const AUTO_SAVE = { 'files.autoSave': 'afterDelay', 'files.autoSaveDelay': 100 };
