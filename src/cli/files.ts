// The CLI's file system: the model, its CSV (relative to the model file) and the weights sidecar.
// Failures become one-line messages, never stack traces.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { WeightsFile } from '../engine/index';

export class FileError extends Error {}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new FileError(`cannot read ${what} ${path}: ${reason(error)}`);
  }
}

/** `data/points.csv` in `models/a.nn.json` → `models/data/points.csv`. */
export function resolveBeside(modelPath: string, relative: string): string {
  return resolve(dirname(modelPath), relative);
}

/** `models/xor.nn.json` → `models/xor.weights.json`. */
export function weightsPath(modelPath: string): string {
  const name = basename(modelPath).replace(/\.nn\.json$/i, '').replace(/\.json$/i, '');
  return join(dirname(modelPath), `${name}.weights.json`);
}

/**
 * The sidecar when there is one. Its content is checked by the engine when loaded (a file that is
 * not JSON arrives as an empty object and is refused there, with a warning, like a wrong shape).
 */
export function loadWeights(modelPath: string): WeightsFile | undefined {
  const path = weightsPath(modelPath);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readText(path, 'the weights file')) as WeightsFile;
  } catch (error) {
    if (error instanceof FileError) throw error;
    return {} as WeightsFile;
  }
}

/** Writes a whole file (an export); `what` names it in the message when that fails. */
export function writeText(path: string, text: string, what: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new FileError(`cannot write ${what} ${path}: ${reason(error)}`);
  }
}

export function saveWeights(modelPath: string, weights: WeightsFile): string {
  const path = weightsPath(modelPath);
  try {
    writeFileSync(path, `${JSON.stringify(weights)}\n`);
  } catch (error) {
    throw new FileError(`cannot write the weights file ${path}: ${reason(error)}`);
  }
  return path;
}

