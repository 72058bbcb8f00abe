// Wiring only, in two steps. VS Code times an activation as loading this file plus the activate()
// call, while the extension host does nothing else; opening a .nn.json also wakes the JSON,
// TypeScript and Emmet extensions (`onLanguage:jsonc`), and every settings.json does the same. So
// this bundle (dist/extension.js) stays a few hundred bytes, and the real wiring (src/wiring.ts:
// parser, sessions, adapters, panel; its own bundle, dist/wiring.js) is loaded on the next turn of
// the event loop. Activation resolves to the API once it is wired; VS Code waits for that before it
// runs one of our commands or restores the panel, so nothing can reach a half-wired extension.

import type * as vscode from 'vscode';
import type { NnPlaygroundApi } from './wiring';

export type { NnPlaygroundApi } from './wiring';

export function activate(context: vscode.ExtensionContext): Promise<NnPlaygroundApi> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      // esbuild.mjs keeps this import out of this bundle: it loads dist/wiring.js at run time.
      import('./wiring').then((wiring) => resolve(wiring.wire(context)), reject);
    });
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
