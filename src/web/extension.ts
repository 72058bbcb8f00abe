// The extension's entry in VS Code for the web (package.json `browser`, bundled for the browser to
// dist/web/extension.js). As on desktop (src/extension.ts), VS Code times an activation as loading
// this file plus the activate() call, so the entry stays small and the wiring (parser, sessions,
// adapters, panel: src/web/wiring.ts, its own bundle dist/web/wiring.js) is loaded on the next
// turn of the event loop. The web worker host has no module loader for sibling files: the entry
// fetches the bundle and runs it as the host runs extension code, a CommonJS function of
// (module, exports, require) whose only import is `vscode`. Activation resolves to the API once
// it is wired; VS Code waits for that before it runs a command or restores the panel.

import * as vscode from 'vscode';
import type { NnPlaygroundApi } from './wiring';

export type { NnPlaygroundApi } from './wiring';

interface WiringModule {
  wire(context: vscode.ExtensionContext): NnPlaygroundApi;
}

/** The browser's fetch, as far as this file needs it (src is type-checked without the DOM library). */
const browserFetch = (globalThis as unknown as { fetch(url: string): Promise<{ ok: boolean; status: number; text(): Promise<string> }> }).fetch;

async function loadWiring(extensionUri: vscode.Uri): Promise<WiringModule> {
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'wiring.js');
  let text: string;
  try {
    const response = await browserFetch(uri.toString(true));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch {
    // Where the host's fetch does not resolve the extension's own URIs, workspace.fs does.
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }
  const module = { exports: {} as Partial<WiringModule> };
  const require = (id: string): unknown => {
    if (id === 'vscode') return vscode;
    throw new Error(`dist/web/wiring.js asked for '${id}': the browser build imports only 'vscode'.`);
  };
  // The web worker host runs every extension's code this way (a function of module, exports, require).
  new Function('module', 'exports', 'require', text)(module, module.exports, require);
  if (typeof module.exports.wire !== 'function') throw new Error('dist/web/wiring.js does not export wire().');
  return module.exports as WiringModule;
}

export function activate(context: vscode.ExtensionContext): Promise<NnPlaygroundApi> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      loadWiring(context.extensionUri).then((wiring) => resolve(wiring.wire(context)), reject);
    }, 0);
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
