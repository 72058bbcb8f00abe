// The SessionHost a training session runs against in VS Code: files through `workspace.fs` (so
// remote and virtual workspaces work), paths relative to the model file, settings read live.

import * as vscode from 'vscode';
import type { WeightsFile } from '../engine/trainer-api';
import type { SessionHost } from '../training/session-api';
import { weightsSidecarUri } from './model-documents';
import { errorMessage, type Log } from './output';
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
  if (/^([a-zA-Z]:[\\/]|\/)/.test(relativePath)) return vscode.Uri.file(relativePath);
  const folder = baseFolder(modelUri);
  return folder ? vscode.Uri.joinPath(folder, relativePath) : undefined;
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

export function createSessionHost(modelUri: vscode.Uri, extensionUri: vscode.Uri, log: Log): SessionHost {
  return {
    workerPath: vscode.Uri.joinPath(extensionUri, 'dist', 'worker.js').fsPath,
    settings: readSettings,
    log: (message) => log.info(message),

    async readRelative(relativePath) {
      const target = resolveRelative(modelUri, relativePath);
      // The session wraps these messages ("Cannot read the CSV file …"): they say only where and why.
      if (!target) throw new Error('the model is not saved yet, and paths are relative to its file: save it first');
      try {
        return decoder.decode(await vscode.workspace.fs.readFile(target));
      } catch (error) {
        const reason = error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'file not found' : errorMessage(error);
        throw new Error(`${target.scheme === 'file' ? target.fsPath : target.toString()}: ${reason}`);
      }
    },

    async loadWeights() {
      if (modelUri.scheme === 'untitled') return undefined;
      const sidecar = weightsSidecarUri(modelUri);
      if (!(await exists(sidecar))) return undefined;
      try {
        const parsed: unknown = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(sidecar)));
        if (isWeightsFile(parsed)) return parsed;
        log.warn(`Ignoring ${sidecar.fsPath}: not an nn-playground weights file (format 'nn-playground-weights', version 1).`);
      } catch (error) {
        log.warn(`Ignoring ${sidecar.fsPath}: ${(error as Error).message}`);
      }
      return undefined;
    },
  };
}
