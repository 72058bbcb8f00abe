// Which documents are models: files named `*.nn.json`, saved or untitled-with-a-name, local or
// remote, so the same rules work in desktop VS Code and code-server.

import * as vscode from 'vscode';
import { MODEL_SUFFIX, weightsSidecarPath } from './model-paths';
import { fileName } from '../shared/l10n';

export { MODEL_SUFFIX };

/**
 * Schemes of documents a person edits. Others (`git:` in a diff view, an output channel) show a
 * model read-only: they get no session, lenses or problems of their own.
 */
const EDITABLE_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vsls'];

export const MODEL_SELECTOR: vscode.DocumentSelector = EDITABLE_SCHEMES.map((scheme) => ({ scheme, pattern: '**/*.nn.json' }));

export function isModelUri(uri: vscode.Uri): boolean {
  return EDITABLE_SCHEMES.includes(uri.scheme) && uri.path.toLowerCase().endsWith(MODEL_SUFFIX);
}

export function isModelDocument(document: vscode.TextDocument): boolean {
  return isModelUri(document.uri);
}

/** Short name for messages: `xor.nn.json`. */
export function modelFileName(uri: vscode.Uri): string {
  return fileName(uri.path) || uri.toString();
}

/** The `.weights.json` sidecar next to a model: `xor.nn.json` → `xor.weights.json`. */
export function weightsSidecarUri(modelUri: vscode.Uri): vscode.Uri {
  return modelUri.with({ path: weightsSidecarPath(modelUri.path) });
}

/** Text documents currently open that are models. */
export function openModelDocuments(): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter(isModelDocument);
}
