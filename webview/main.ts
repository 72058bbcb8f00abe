// Entry point of the webview bundle (dist/webview/webview.js).

// First: the language, before any module that reads a string.
import './l10n-setup';
import { App } from './app';
import { vscodeHost } from './vscode-api';

const root = document.getElementById('app');
if (root) {
  const app = new App(root, vscodeHost());
  // Read by the e2e test and the performance measurement: frames drawn and their cost.
  (window as unknown as { nnPanelStats: unknown }).nnPanelStats = app.loop.stats;
}
