// The desktop extension host's wiring (its own bundle, dist/wiring.js, loaded by src/extension.ts
// just after activation, so VS Code's activation figure does not include loading the model parser,
// the training session and the panel: see extension.ts for why): the shared wiring with the
// desktop platform (worker_threads, the local disk's link checks, the soak's probe).

import type * as vscode from 'vscode';
import { wireExtension, type NnPlaygroundApi } from './extension-wiring';
import { desktopPlatform } from './editor/platform-node';

export type { NnPlaygroundApi } from './extension-wiring';

export function wire(context: vscode.ExtensionContext): NnPlaygroundApi {
  return wireExtension(context, desktopPlatform);
}
