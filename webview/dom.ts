// A few DOM helpers, so view code reads as structure rather than createElement noise.

type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'className') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const c of children) el.append(c);
  return el;
}

/** Replaces el's children with nodes, appended one by one: a spread would overflow the stack on a long list. */
export function replaceChildrenWith(el: Element, nodes: Iterable<Node | string>): void {
  el.replaceChildren();
  for (const node of nodes) el.append(node);
}

/** Appends nodes to el one by one and returns el. */
export function withChildren<E extends Element>(el: E, nodes: Iterable<Node | string>): E {
  for (const node of nodes) el.append(node);
  return el;
}

/** Sets text only when it changed: cheap to call every frame. */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/**
 * Text for screen readers (aria-live polite), written at most every `intervalMs`: a live region
 * updated at 10 Hz would talk over itself.
 */
export class LiveSummary {
  readonly element: HTMLParagraphElement;
  private pending: string | null = null;
  private timer: number | undefined;
  private last = 0;

  constructor(private readonly intervalMs = 2000) {
    this.element = h('p', { className: 'sr-only', 'aria-live': 'polite' });
  }

  set(text: string): void {
    if (text === this.element.textContent) return;
    this.pending = text;
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.last + this.intervalMs - performance.now());
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      this.last = performance.now();
      if (this.pending !== null) setText(this.element, this.pending);
      this.pending = null;
    }, wait);
  }
}
