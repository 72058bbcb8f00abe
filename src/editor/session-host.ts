// The SessionHost a training session runs against in VS Code: files through `workspace.fs` (so
// remote and virtual workspaces work), paths relative to the model file, settings read live. The
// platform (platform.ts) starts the worker and, on desktop, adds the checks only the local disk can
// make; in Restricted Mode nothing beyond the model file is read.

import * as vscode from 'vscode';
import { CSV_REFUSALS, MAX_CSV_BYTES } from '../model/index';
import { t } from '../shared/l10n';
import { TRUST_MESSAGES } from '../model/trust-messages';
import { decodeCsv, type CsvEncoding } from '../engine/data/encoding';
import type { WeightsFile } from '../engine/trainer-api';
import type { SessionHost } from '../session/session-api';
import { modelFileName, weightsSidecarUri } from './model-documents';
import { isInsideFolderPath } from './model-paths';
import { errorMessage, type Log } from './output';
import type { HostPlatform, LocalDisk } from './platform';
import { readSettings } from './settings';

const decoder = new TextDecoder('utf-8');

/**
 * The folder relative paths in a model resolve against. An untitled model that was given a path
 * (New Model from Example does that) resolves against that path's folder on disk.
 */
function baseFolder(modelUri: vscode.Uri): vscode.Uri | undefined {
  if (modelUri.scheme !== 'untitled') return vscode.Uri.joinPath(modelUri, '..');
  // `untitled:Untitled-1` has no folder; `untitled:/home/me/xor.nn.json` has one.
  if (!modelUri.path.startsWith('/')) return undefined;
  return vscode.Uri.joinPath(vscode.Uri.file(modelUri.path), '..');
}

export function resolveRelative(modelUri: vscode.Uri, relativePath: string): vscode.Uri | undefined {
  if (/^([a-zA-Z]:[\\/]|\/)/.test(relativePath)) {
    // An absolute path is on the model's own file system: a local disk, or a remote or virtual one.
    const local = modelUri.scheme === 'file' || modelUri.scheme === 'untitled';
    return local ? vscode.Uri.file(relativePath) : modelUri.with({ path: relativePath });
  }
  const folder = baseFolder(modelUri);
  return folder ? vscode.Uri.joinPath(folder, relativePath) : undefined;
}

/** A refusal whose message is the whole reason, passed on as it is. */
class DataFileRefused extends Error {}

/**
 * Before a CSV is read: inside the model's workspace folder (links followed, for files on disk)
 * unless the setting allows more, a regular file (not a device, a pipe or a folder), and at most
 * MAX_CSV_BYTES. Throws DataFileRefused with the reason for csvReadProblem's sentence.
 */
async function checkDataFile(modelUri: vscode.Uri, target: vscode.Uri, allowOutside: boolean, disk: LocalDisk | undefined): Promise<void> {
  if (!allowOutside) {
    const folder = vscode.workspace.getWorkspaceFolder(modelUri) ?? (modelUri.scheme === 'untitled' ? undefined : { uri: vscode.Uri.joinPath(modelUri, '..') });
    const where = folder ? t('the workspace folder ({path})', { path: folder.uri.scheme === 'file' ? folder.uri.fsPath : folder.uri.toString() }) : t('the workspace');
    const refuse = () => {
      throw new DataFileRefused(CSV_REFUSALS.outside(where, t('the setting nnPlayground.allowDataOutsideWorkspace is on')));
    };
    if (!folder) refuse();
    else if (!(await isInside(folder.uri, target, disk))) refuse();
  }
  const stat = await vscode.workspace.fs.stat(target);
  if ((stat.type & vscode.FileType.File) === 0) throw new DataFileRefused(CSV_REFUSALS.notRegular);
  // workspace.fs reports a FIFO or a device as a File: on a local disk, the disk tells them apart.
  if (target.scheme === 'file' && disk && !(await disk.isRegularFile(target.fsPath))) throw new DataFileRefused(CSV_REFUSALS.notRegular);
  if (stat.size > MAX_CSV_BYTES) throw new DataFileRefused(CSV_REFUSALS.tooBig(stat.size));
}

/** Whether target lies in folder; on a local disk, after following links (a link may lead out). */
async function isInside(folder: vscode.Uri, target: vscode.Uri, disk: LocalDisk | undefined): Promise<boolean> {
  if (folder.scheme !== target.scheme || folder.authority !== target.authority) return false;
  if (target.scheme === 'file' && disk) {
    // Undefined when not there: the read that follows says "file not found"; the lexical check still applies.
    const inside = await disk.inside(folder.fsPath, target.fsPath);
    if (inside !== undefined) return inside;
  }
  return isInsideFolderPath(folder.path, target.path);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function isWeightsFile(value: unknown): value is WeightsFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<WeightsFile>;
  return file.format === 'nn-playground-weights' && file.version === 1 && Array.isArray(file.shape) && Array.isArray(file.layers);
}

/**
 * Reads a data file named relative to the model, as training and the export both do: confined to
 * the workspace folder unless the user allows more, regular files only, within the size limit.
 * Desktop and browser hosts both read through here; the bytes are decoded as the CLI decodes them.
 */
export async function readDataRelative(modelUri: vscode.Uri, relativePath: string, disk: LocalDisk | undefined, encoding?: CsvEncoding): Promise<string> {
  const target = resolveRelative(modelUri, relativePath);
  // The session wraps these messages ("Cannot read the CSV file …"): they say only where and why.
  if (!target) throw new Error(t('the model is not saved yet, and paths are relative to its file: save it first'));
  try {
    await checkDataFile(modelUri, target, readSettings().allowDataOutsideWorkspace, disk);
    return decodeCsv(await vscode.workspace.fs.readFile(target), encoding);
  } catch (error) {
    if (error instanceof DataFileRefused) throw error;
    const reason = error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? t('file not found') : errorMessage(error);
    throw new Error(`${target.scheme === 'file' ? target.fsPath : target.toString()}: ${reason}`);
  }
}

export function createSessionHost(modelUri: vscode.Uri, extensionUri: vscode.Uri, log: Log, platform: HostPlatform): SessionHost {
  return {
    startWorker: () => platform.startWorker(extensionUri),
    settings: readSettings,
    log: (message) => log.info(message),
    isTrusted: () => vscode.workspace.isTrusted,

    readRelative: (relativePath, encoding) => {
      // prepareRun asks isTrusted first; this keeps any other caller from reading in Restricted Mode.
      if (!vscode.workspace.isTrusted) return Promise.reject(new Error(TRUST_MESSAGES.csvNeedsTrust({ path: relativePath })));
      return readDataRelative(modelUri, relativePath, platform.disk, encoding);
    },

    async loadWeights() {
      if (modelUri.scheme === 'untitled') return undefined;
      const sidecar = weightsSidecarUri(modelUri);
      if (!(await exists(sidecar))) return undefined;
      if (!vscode.workspace.isTrusted) {
        log.info(TRUST_MESSAGES.weightsNotLoaded({ sidecar: vscode.workspace.asRelativePath(sidecar), model: modelFileName(modelUri) }));
        return undefined;
      }
      try {
        const parsed: unknown = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(sidecar)));
        if (isWeightsFile(parsed)) return parsed;
        log.warn(t("Ignoring {file}: not an nn-playground weights file (format 'nn-playground-weights', version 1).", { file: describe(sidecar) }));
      } catch (error) {
        log.warn(t('Ignoring {file}: {reason}', { file: describe(sidecar), reason: (error as Error).message }));
      }
      return undefined;
    },
  };
}

/** A file's name for messages: its path on a local disk, else the URI. */
function describe(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}
