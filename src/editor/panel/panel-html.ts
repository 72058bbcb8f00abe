// The panel's HTML shell. Content Security Policy `default-src 'none'`: the one script runs only
// with this load's nonce, styles and the bundle come from the extension's own folders, nothing
// from the network. Pure, so the policy is unit-tested.

import { PANEL_BUNDLE_ATTRIBUTE, panelBundleJson } from '../../shared/l10n/panel-bundle';

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The codicon font's stylesheet, bundled in dist/webview/codicons/ (icons without emoji). */
  codiconsUri: string;
  /** The UI language (`vscode.env.language`, e.g. `en`, `zh-cn`): the document's `lang`. */
  language: string;
  /**
   * The host's message bundle (`currentBundle()`, the one its own t() reads): the webview's t()
   * reads it too, so every string the panel shows comes from the host's bundles. Empty in English.
   */
  bundle: Readonly<Record<string, string>>;
}

/** A BCP 47 tag for `lang` from VS Code's language id (`zh-cn` → `zh-CN`); `en` when it is not one. */
export function documentLanguage(language: string): string {
  const match = /^([a-z]{2,3})(?:-([a-z]{2}|[a-z]{4}))?$/i.exec(language.trim());
  if (!match) return 'en';
  const region = match[2];
  if (!region) return match[1]!.toLowerCase();
  return `${match[1]!.toLowerCase()}-${region.length === 2 ? region.toUpperCase() : region[0]!.toUpperCase() + region.slice(1).toLowerCase()}`;
}

/** 24 characters from 18 random bytes (Web Crypto: the same in Node and in the browser host). */
export function makeNonce(): string {
  let binary = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(18))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/[+/=]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function panelHtml(o: PanelHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="${escapeAttr(documentLanguage(o.language))}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(o.codiconsUri)}">
<link rel="stylesheet" href="${escapeAttr(o.styleUri)}">
<title>NN Playground</title>
</head>
<body>
<main id="app" aria-busy="true" ${PANEL_BUNDLE_ATTRIBUTE}="${escapeAttr(panelBundleJson(o.language, o.bundle))}"><p class="loading">Loading the playground…</p></main>
<script nonce="${escapeAttr(o.nonce)}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>`;
}
