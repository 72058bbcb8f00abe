// The CLI's file system: the model, its CSV (relative to the model file) and the weights sidecar.
// Failures become one-line messages, never stack traces.

import { closeSync, constants, existsSync, lstatSync, openSync, readFileSync, realpathSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { decodeCsv, type CsvEncoding, type WeightsFile } from '../engine/index';
import { t } from '../shared/l10n/index';
import { CSV_REFUSALS, MAX_CSV_BYTES } from '../model/index';
import { exportRefusal, sidecarRefusal, type SidecarTarget } from '../session/sidecar';

export class FileError extends Error {
  /** The reason alone ("no such file"), for messages that name the file themselves. */
  constructor(
    message: string,
    readonly reason: string = message,
  ) {
    super(message);
  }
}

/** The flag that lets a model's data path lead outside the model's folder. */
export const ALLOW_OUTSIDE_FLAG = '--allow-data-outside';

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return t('no such file');
  if (code === 'EISDIR') return t('it is a directory');
  if (code === 'EACCES' || code === 'EPERM') return t('permission denied');
  return error instanceof Error ? error.message : String(error);
}

export function readText(path: string, what: 'model' | 'weights'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const why = reason(error);
    throw new FileError(what === 'model' ? t('cannot read the model {path}: {reason}', { path, reason: why }) : t('cannot read the weights file {path}: {reason}', { path, reason: why }), why);
  }
}

/**
 * A model's CSV: only a regular file (never a device such as /dev/zero or a pipe, which would
 * grow or hang), of at most MAX_CSV_BYTES, and, unless `confineTo` is undefined, inside that
 * folder once links are followed (so `../../etc/passwd` or an absolute path is refused unread).
 * Its bytes are decoded as the hosts decode them (decodeCsv: the model's `"encoding"`, or detected).
 * Throws FileError whose `reason` completes csvReadProblem's sentence.
 */
export function readCsvFile(path: string, confineTo: string | undefined, encoding?: CsvEncoding): string {
  const refuse = (why: string): never => {
    throw new FileError(t('cannot read the CSV file {path}: {reason}', { path, reason: why }), why);
  };
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    return refuse(reason(error));
  }
  if (confineTo !== undefined) {
    const root = realpathSync(confineTo);
    const inside = relative(root, real);
    if (inside.startsWith('..') || isAbsolute(inside)) refuse(CSV_REFUSALS.outside(`the model's folder (${root})`, `${ALLOW_OUTSIDE_FLAG} is given`));
  }
  const stats = statSync(real);
  if (!stats.isFile()) refuse(CSV_REFUSALS.notRegular);
  if (stats.size > MAX_CSV_BYTES) refuse(CSV_REFUSALS.tooBig(stats.size));
  try {
    return decodeCsv(readFileSync(real), encoding);
  } catch (error) {
    return refuse(reason(error));
  }
}

/** What is at the sidecar's path, without following a link. */
function sidecarTarget(path: string): SidecarTarget {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { kind: 'absent' };
    throw new FileError(t('cannot read the weights file {path}: {reason}', { path, reason: reason(error) }));
  }
  if (stats.isSymbolicLink()) return { kind: 'symlink' };
  if (stats.isDirectory()) return { kind: 'directory' };
  if (!stats.isFile()) return { kind: 'other' };
  return { kind: 'file', text: readText(path, 'weights') };
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
  // A folder (or a device) in the sidecar's place is not weights: the same warning as a wrong file.
  if (!statSync(path).isFile()) return {} as WeightsFile;
  try {
    return JSON.parse(readText(path, 'weights')) as WeightsFile;
  } catch (error) {
    if (error instanceof FileError) throw error;
    return {} as WeightsFile;
  }
}

/**
 * Writes a whole file (an export); `what` names it in the message when that fails. Never through a
 * link or onto a folder or device (exportRefusal), and O_NOFOLLOW for a link put there after the check.
 */
export function writeText(path: string, text: string, what: string): void {
  const refusal = exportRefusal(sidecarTarget(path), path);
  if (refusal !== undefined) throw new FileError(refusal);
  try {
    const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new FileError(t('cannot write {what} {path}: {reason}', { what, path, reason: reason(error) }));
  }
}

export function saveWeights(modelPath: string, weights: WeightsFile): string {
  const path = weightsPath(modelPath);
  const refusal = sidecarRefusal(sidecarTarget(path), path);
  if (refusal !== undefined) throw new FileError(refusal);
  try {
    // O_NOFOLLOW: a link put there after the check above is refused too, never written through.
    const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
    try {
      writeSync(fd, `${JSON.stringify(weights)}\n`);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new FileError(t('cannot write the weights file {path}: {reason}', { path, reason: reason(error) }));
  }
  return path;
}

