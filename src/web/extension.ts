// The extension's entry in VS Code for the web (package.json `browser`, bundled to
// dist/web/extension.js for the browser): the same wiring as on desktop, with the browser
// platform. One bundle: the web worker extension host loads no sibling files, and wiring here
// does no file or process work, so activation is the bundle's evaluation plus the registrations.

import type * as vscode from 'vscode';
import { wireExtension, type NnPlaygroundApi } from '../editor/extension-wiring';
import { webPlatform } from './platform';

export type { NnPlaygroundApi } from '../editor/extension-wiring';

export function activate(context: vscode.ExtensionContext): NnPlaygroundApi {
  return wireExtension(context, webPlatform);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
