// Reads a model and what it refers to (its CSV, its weights sidecar) and prepares it for a
// command: the shared first step of check, train and gradcheck.

import type { WeightsFile } from '../engine/index';
import { csvReadProblem, parseModel } from '../model/index';
import { dirname, resolve } from 'node:path';
import { FileError, loadWeights, readCsvFile, readText, resolveBeside } from './files';
import { prepare, type Prepared, type RunOptions } from '../run/headless-run';

export interface Loaded {
  text: string;
  csvText?: string;
  weights?: WeightsFile;
  /** Problems found while reading (a CSV that cannot be read), before any preparation. */
  readProblems: Prepared['problems'];
}

/** Throws FileError (a one-line message) when the model file itself cannot be read. */
export function loadFiles(file: string, options: { weights: boolean; allowDataOutside?: boolean }): Loaded {
  const text = readText(file, 'model');
  const parse = parseModel(text, { lint: false });
  const loaded: Loaded = { text, readProblems: [] };
  const data = parse.spec?.data;
  if (data?.kind === 'csv') {
    const path = resolveBeside(file, data.path);
    try {
      loaded.csvText = readCsvFile(path, options.allowDataOutside ? undefined : dirname(resolve(file)), data.encoding);
    } catch (error) {
      const message = error instanceof FileError ? error.reason : String(error);
      loaded.readProblems.push(csvReadProblem(parse, path, message));
    }
  }
  if (options.weights) loaded.weights = loadWeights(file);
  return loaded;
}

export function prepareLoaded(loaded: Loaded, options: Omit<RunOptions, 'csvText' | 'weights' | 'onEpoch'> = {}): Prepared {
  if (loaded.readProblems.length > 0) {
    const parse = parseModel(loaded.text);
    return { parse, problems: [...parse.problems, ...loaded.readProblems], epochs: 0 };
  }
  return prepare(loaded.text, { ...options, ...(loaded.csvText !== undefined ? { csvText: loaded.csvText } : {}), ...(loaded.weights !== undefined ? { weights: loaded.weights } : {}) });
}
