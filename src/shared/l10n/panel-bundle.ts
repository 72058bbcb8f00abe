// How the panel's page carries the host's message bundle: the host writes it into the HTML as JSON
// in an attribute of the app's root element (src/editor/panel/panel-html.ts: no second script) and the webview reads it before anything renders
// (webview/l10n-setup.ts), so the panel's t() reads the host's own translations and no copy of a
// bundle lives in the webview. Both ends use this file.

import type { Bundle } from './messages';

/** The `data-` attribute of the app's root element (`<main id="app">`) that holds the bundle. */
export const PANEL_BUNDLE_ATTRIBUTE = 'data-l10n';

export interface PanelBundle {
  locale: string | undefined;
  contents: Bundle | undefined;
}

/** The attribute's value, before the HTML escapes it. */
export function panelBundleJson(locale: string, contents: Readonly<Record<string, string>>): string {
  return JSON.stringify({ locale, contents });
}

/** What the attribute held; English (no bundle) when it is missing or not ours. */
export function readPanelBundle(text: string | null | undefined): PanelBundle {
  if (!text) return { locale: undefined, contents: undefined };
  try {
    const parsed = JSON.parse(text) as { locale?: unknown; contents?: unknown };
    const locale = typeof parsed.locale === 'string' ? parsed.locale : undefined;
    const contents = parsed.contents && typeof parsed.contents === 'object' && !Array.isArray(parsed.contents) ? (parsed.contents as Bundle) : undefined;
    return { locale, contents };
  } catch {
    return { locale: undefined, contents: undefined };
  }
}
