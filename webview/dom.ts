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
 * Writes the latest value it is given at most every `intervalMs`: a value given while one waits
 * replaces it. The one timer behind the chart summaries and the live region.
 */
class LatestAtMost<T> {
  private pending: { value: T } | null = null;
  private timer: number | undefined;
  private last = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly write: (value: T) => void,
  ) {}

  push(value: T): void {
    this.pending = { value };
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.last + this.intervalMs - performance.now());
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      this.last = performance.now();
      if (this.pending !== null) this.write(this.pending.value);
      this.pending = null;
    }, wait);
  }
}

/**
 * A chart's text alternative for screen readers: what the chart shows, in sentences, linked to its
 * canvases with `aria-describedby` (app.ts). Not a live region: the panel has one of those
 * (Announcer), so seven charts do not talk over each other. Written at most every `intervalMs`.
 */
export class TextSummary {
  readonly element: HTMLParagraphElement = h('p', { className: 'sr-only' });
  private readonly writer: LatestAtMost<string>;

  constructor(intervalMs = 2000) {
    this.writer = new LatestAtMost(intervalMs, (text) => setText(this.element, text));
  }

  set(text: string): void {
    if (text !== this.element.textContent) this.writer.push(text);
  }
}

/**
 * The panel's one polite live region: a state change, a notice, a new set of problems, the unit
 * the keyboard moved to in the network diagram. The latest text wins, and it speaks at most every
 * `intervalMs` so a training run does not flood the screen reader.
 */
export class Announcer {
  readonly element: HTMLParagraphElement = h('p', { id: 'announcer', className: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  private readonly writer: LatestAtMost<string>;

  constructor(intervalMs = 1000) {
    // Set even when the text is the same as before: a screen reader says a repeated state again.
    this.writer = new LatestAtMost(intervalMs, (text) => (this.element.textContent = text));
  }

  say(text: string): void {
    if (text !== '') this.writer.push(text);
  }
}
