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

/**
 * Whether a '/'-separated path lies inside a folder, by its segments (`..` and `.` resolved), so
 * `/ws/a/../../etc/passwd` is outside `/ws` and `/ws2/x` is not inside `/ws`.
 */
export function isInsideFolderPath(folderPath: string, targetPath: string): boolean {
  const normalise = (path: string): string[] => {
    const out: string[] = [];
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') out.pop();
      else out.push(segment);
    }
    return out;
  };
  const folder = normalise(folderPath);
  const target = normalise(targetPath);
  return target.length > folder.length && folder.every((segment, i) => target[i] === segment);
}
