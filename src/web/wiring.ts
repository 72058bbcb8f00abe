// The browser host's wiring (its own bundle, dist/web/wiring.js, loaded by src/web/extension.ts
// just after activation, as dist/wiring.js is on desktop): the shared wiring with the browser
// platform (a Web Worker from a Blob, no local disk).

import type * as vscode from 'vscode';
import { wireExtension, type NnPlaygroundApi } from '../extension-wiring';
import { webPlatform } from './platform';

export type { NnPlaygroundApi } from '../extension-wiring';

export function wire(context: vscode.ExtensionContext): NnPlaygroundApi {
  return wireExtension(context, webPlatform);
}
