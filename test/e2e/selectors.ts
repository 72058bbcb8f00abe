// What the end-to-end tests look for, in one place. Workbench selectors were measured on
// VS Code 1.100 (code-server 4.100.3). The panel's are a contract with the webview (webview/):
// keep them in step with it, and tell the e2e owner when one must change.

export const WORKBENCH = {
  root: '.monaco-workbench',
  statusBar: '.part.statusbar',
  codeLens: '.monaco-editor .codelens-decoration a',
  hover: '.monaco-hover:not(.hidden)',
  quickInput: '.quick-input-widget input[type="text"]',
  quickInputRow: '.quick-input-list .monaco-list-row',
  notification: '.notifications-toasts .notification-list-item-message',
  activeTab: '.tabs-container .tab.active',
  editorLines: '.monaco-editor .view-lines',
  /** Monaco marks the editor that holds the keyboard focus. */
  focusedEditor: '.monaco-editor.focused',
  problemsRows: '.markers-panel .monaco-list-row',
  /** The webview element hosting an extension's panel (outer frame); its document is two frames in. */
  webview: 'iframe.webview.ready',
  webviewInner: 'iframe#active-frame',
  runningExtensions: '.runtime-extensions-editor',
  runningExtensionsRow: '.runtime-extensions-editor .monaco-list-row',
  walkthroughStep: '.getting-started-step',
};

/** Inside the panel's document. */
export const PANEL = {
  /** The loss chart's canvas: inside the loss view, or a canvas labelled as the loss chart. */
  lossCanvas: '[data-view="loss"] canvas, canvas[aria-label*="loss" i]',
  /** The epoch counter: an element whose text holds the current epoch as a number. */
  epoch: '[data-testid="epoch"]',
};

/** The editor's promised texts (issue 4). */
export const EDITOR = {
  lensTitles: [/Train/, /Step/, /Reset/] as const,
  /** A token inside the first layer of xor.nn.json to hover for that layer's live numbers. */
  layerHoverToken: '"units"',
  /** The lesson whose deep sigmoid net stays saturated (its live vanishing-gradient is tested in test/unit/examples/). */
  saturatedModel: 'deep-sigmoid.nn.json',
  /** Codes the Problems panel must show for a saturated deep sigmoid net (one of them). */
  saturationCodes: ['vanishing-gradient', 'sigmoid-saturation'],
};

/** The walkthrough step the e2e test follows (package.json contributes.walkthroughs). */
export const WALKTHROUGH = {
  title: 'Watch a network learn',
  step: 'A hidden layer solves XOR',
  button: 'Open lesson 4, xor.nn.json',
  /** The walkthrough's own tab, which stays open beside the lesson. */
  tabTitle: /Walkthrough|Welcome|Watch a network learn/,
  /** The opened copy's tab: `xor.nn.json`, or `xor-2.nn.json` beside an existing one. */
  tab: /\bxor(-\d+)?\.nn\.json/,
  /** Text of the example that proves the right file opened. */
  lessonText: 'Lesson 4',
};
