// The panel's language, set before any other module of the webview runs (main.ts imports this
// first, and some strings are read when a module loads): the host puts its own bundle in the page
// (src/shared/l10n/panel-bundle.ts), so the panel's t() reads the host's translations and numbers
// are formatted for the same locale.

import { configureL10n } from '../src/shared/l10n';
import { PANEL_BUNDLE_ATTRIBUTE, readPanelBundle } from '../src/shared/l10n/panel-bundle';

configureL10n(readPanelBundle(document.getElementById('app')?.getAttribute(PANEL_BUNDLE_ATTRIBUTE)));
