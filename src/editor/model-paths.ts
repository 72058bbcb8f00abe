// Names of model files and the files beside them, on URI paths (always '/'-separated, whatever the
// platform). Free of `vscode` so that unit tests can check them.

export const MODEL_SUFFIX = '.nn.json';
export const WEIGHTS_SUFFIX = '.weights.json';

/**
 * The path of the weights sidecar next to a model: `xor.nn.json` → `xor.weights.json`. Never the
 * model's own path, so saving weights cannot overwrite the model.
 */
export function weightsSidecarPath(modelPath: string): string {
  const base = modelPath.toLowerCase().endsWith(MODEL_SUFFIX) ? modelPath.slice(0, -MODEL_SUFFIX.length) : modelPath.replace(/\.json$/i, '');
  return `${base}${WEIGHTS_SUFFIX}`;
}
