// Colours come only from the VS Code theme's --vscode-* variables, read when the panel loads and
// again whenever VS Code switches theme (it changes the body's class: vscode-light, vscode-dark,
// vscode-high-contrast, vscode-high-contrast-light).

import { cssRgba, parseCssColour, type Rgba } from '../src/shared/view-models/colour';

export interface Palette {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  train: string;
  test: string;
  objective: string;
  accuracy: string;
  error: string;
  warning: string;
  ok: string;
  positive: string;
  negative: string;
  /** The keyboard focus ring (the network diagram's selected unit). */
  focus: string;
  /** Series colours for per-layer lines. */
  series: string[];
  /** Class colours for the decision boundary, class 0 first. */
  classes: string[];
  fontFamily: string;
  highContrast: boolean;
  rgb(css: string): Rgba;
  alpha(css: string, a: number): string;
}

const probe = () => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  return canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
};
let probeContext: CanvasRenderingContext2D | undefined;

/** Any CSS colour as numbers: parsed when simple, else resolved by the browser through a 1-px canvas. */
function toRgba(css: string): Rgba {
  const parsed = parseCssColour(css);
  if (parsed) return parsed;
  probeContext ??= probe();
  probeContext.clearRect(0, 0, 1, 1);
  probeContext.fillStyle = css;
  probeContext.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probeContext.getImageData(0, 0, 1, 1).data;
  return { r: r ?? 0, g: g ?? 0, b: b ?? 0, a: (a ?? 255) / 255 };
}

export function readPalette(): Palette {
  const style = getComputedStyle(document.body);
  const v = (...names: string[]) => {
    for (const n of names) {
      const value = style.getPropertyValue(n).trim();
      if (value) return value;
    }
    return style.color;
  };
  const blue = v('--vscode-charts-blue');
  const orange = v('--vscode-charts-orange');
  const green = v('--vscode-charts-green');
  const purple = v('--vscode-charts-purple');
  const red = v('--vscode-charts-red');
  const yellow = v('--vscode-charts-yellow');
  const foreground = v('--vscode-foreground', '--vscode-editor-foreground');
  return {
    foreground,
    muted: v('--vscode-descriptionForeground', '--vscode-foreground'),
    grid: v('--vscode-charts-lines', '--vscode-panel-border', '--vscode-widget-border'),
    background: v('--vscode-editor-background', '--vscode-sideBar-background'),
    train: blue,
    test: orange,
    objective: purple,
    accuracy: green,
    error: v('--vscode-editorError-foreground', '--vscode-errorForeground', '--vscode-charts-red'),
    warning: v('--vscode-editorWarning-foreground', '--vscode-charts-yellow'),
    ok: green,
    positive: blue,
    negative: orange,
    focus: v('--vscode-focusBorder', '--vscode-foreground'),
    series: [blue, orange, green, purple, red, yellow, foreground],
    classes: [orange, blue, green, purple, red, yellow],
    fontFamily: v('--vscode-font-family') || 'sans-serif',
    highContrast: document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light'),
    rgb: toRgba,
    alpha: (css, a) => cssRgba(toRgba(css), a),
  };
}

/** Calls `onChange` when VS Code switches theme. */
export function observeTheme(onChange: () => void): MutationObserver {
  const observer = new MutationObserver(() => onChange());
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return observer;
}
