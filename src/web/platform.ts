// The browser extension host's platform (VS Code for the web, code-server's web worker host):
// training in a Web Worker made from a Blob of dist/worker-web.js, since the host refuses a Worker
// at the extension's own URL. No local disk: every file is a URI read through workspace.fs.

import * as vscode from 'vscode';
import { TRUST_MESSAGES } from '../model/trust-messages';
import type { HostPlatform } from '../editor/platform';
import { startWebWorker } from '../session/worker-web';

/** The part of the browser's globals this file uses (src is type-checked without the DOM library). */
interface BrowserGlobals {
  fetch(url: string): Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
  Worker: new (url: string, options?: { name?: string }) => {
    postMessage(message: unknown): void;
    terminate(): void;
    onmessage: ((event: { data: unknown }) => void) | null;
    onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
  };
  Blob: new (parts: string[], options: { type: string }) => object;
  URL: { createObjectURL(blob: object): string };
}

const browser = globalThis as unknown as BrowserGlobals;

/** The worker script's text, loaded once per extension host and shared by every session. */
let script: Promise<string> | undefined;
let blobUrl: string | undefined;

function loadWorkerScript(extensionUri: vscode.Uri): Promise<string> {
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'worker-web.js');
  script ??= (async () => {
    // The host's fetch resolves the extension's own URIs (vscode-remote:, https:); workspace.fs is
    // the fallback where it does not.
    try {
      const response = await browser.fetch(uri.toString(true));
      if (response.ok) return await response.text();
    } catch {
      // tried below
    }
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      throw new Error(TRUST_MESSAGES.workerScriptUnreadable({ uri: uri.toString(true), reason: error instanceof Error ? error.message : String(error) }));
    }
  })();
  // A failed load is tried again by the next session rather than remembered.
  script.catch(() => (script = undefined));
  return script;
}

export const webPlatform: HostPlatform = {
  startWorker: (extensionUri) =>
    startWebWorker({
      loadScript: () => loadWorkerScript(extensionUri),
      create(text) {
        // One Blob URL for every worker: the host's bootstrap loads it from inside the new worker,
        // later than this call, so it is never revoked.
        blobUrl ??= browser.URL.createObjectURL(new browser.Blob([text], { type: 'text/javascript' }));
        return new browser.Worker(blobUrl, { name: 'nn-playground-training' });
      },
    }),
};
