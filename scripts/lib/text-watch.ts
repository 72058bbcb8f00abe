// Records, inside the page itself, each time an element's text changes and when (Date.now() of the
// page's process). A figure polled through Playwright is only as fresh as the poll, and on a loaded
// machine one round trip into the panel's nested frames can take most of a second; the page's own
// log tells when the screen changed, which is what a student sees.

import type { Locator } from 'playwright-core';

export interface TextChange {
  at: number;
  text: string;
}

/** Minimal DOM surface the evaluated functions use (the scripts' TypeScript has no DOM library). */
interface ElementLike {
  textContent: string | null;
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}
interface ObserverLike {
  observe(target: ElementLike, options: Record<string, boolean>): void;
  disconnect(): void;
}
type Watches = Record<string, { log: TextChange[]; observer: ObserverLike } | undefined>;

/**
 * Starts (or restarts) the log `key` under `root`: the text of the first element matching `pick`
 * whose text matches `filter` (a regular expression's source), or '' while there is none.
 */
export async function watchText(root: Locator, key: string, pick: string, filter = ''): Promise<void> {
  await root.evaluate(
    (element, args) => {
      const scope = globalThis as unknown as { __nnWatches?: Watches; MutationObserver: new (callback: () => void) => ObserverLike };
      const rootElement = element as unknown as ElementLike;
      const pattern = new RegExp(args.filter);
      const read = (): string => {
        const found = Array.from(rootElement.querySelectorAll(args.pick)).find((e) => pattern.test(e.textContent ?? ''));
        return found?.textContent ?? '';
      };
      const watches = (scope.__nnWatches ??= {});
      watches[args.key]?.observer.disconnect();
      const log: TextChange[] = [{ at: Date.now(), text: read() }];
      const observer = new scope.MutationObserver(() => {
        const text = read();
        if (text !== log[log.length - 1]!.text) log.push({ at: Date.now(), text });
      });
      observer.observe(rootElement, { subtree: true, childList: true, characterData: true });
      watches[args.key] = { log, observer };
    },
    { key, pick, filter },
  );
}

/** The log `key` so far (empty when it was never started in this page). */
export async function textLog(root: Locator, key: string): Promise<TextChange[]> {
  return root.evaluate((_, k) => {
    const scope = globalThis as unknown as { __nnWatches?: Watches };
    return scope.__nnWatches?.[k]?.log.slice() ?? [];
  }, key);
}

/**
 * When the log first showed `value` (read from each text by `parse`) and kept showing it to the
 * end, or undefined when its last entry does not show it.
 */
export function settledAt(log: readonly TextChange[], parse: (text: string) => number | undefined, value: number): number | undefined {
  let since: number | undefined;
  for (const change of log) {
    if (parse(change.text) === value) since ??= change.at;
    else since = undefined;
  }
  return since;
}
