// Batches redraws: messages only mark what changed; one requestAnimationFrame draws it all, so a
// burst of snapshots costs one frame, and a hidden panel (no frames) costs nothing. Whole frames
// keep to a share of the thread (src/shared/view-models/render-budget.ts): in between, urgent
// changes are drawn alone at the next frame. It also counts frames and their cost, which the e2e
// test and the README's performance figures read.

import type { Change } from '../src/shared/view-models/panel-state';
import { framePause, urgentPart } from '../src/shared/view-models/render-budget';
import type { RenderStats } from '../src/shared/view-models/render-stats';

export class RenderLoop {
  private changes = new Set<Change>();
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last whole frame started and what it cost. */
  private lastStart = -Infinity;
  private lastCost = 0;
  readonly stats: RenderStats = { frames: 0, totalMs: 0, maxMs: 0, since: 0, snapshots: 0, viewMs: {}, changes: {} };

  constructor(private readonly draw: (changes: ReadonlySet<Change>) => void) {}

  request(changes: Iterable<Change>): void {
    for (const c of changes) this.changes.add(c);
    this.arm();
  }

  private arm(): void {
    if (this.frame !== 0 || this.changes.size === 0) return;
    const wait = framePause(performance.now(), this.lastStart, this.lastCost);
    if (wait <= 0 || urgentPart(this.changes).size > 0) {
      this.frame = requestAnimationFrame(() => this.run());
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.arm();
      }, wait);
    }
  }

  private run(): void {
    this.frame = 0;
    const start = performance.now();
    const whole = framePause(start, this.lastStart, this.lastCost) <= 0;
    const changes = whole ? this.changes : urgentPart(this.changes);
    if (whole) this.changes = new Set();
    else for (const c of changes) this.changes.delete(c);
    if (whole && this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.draw(changes);
    const spent = performance.now() - start;
    if (whole) {
      this.lastStart = start;
      this.lastCost = spent;
    }
    if (this.stats.frames === 0) this.stats.since = start;
    this.stats.frames++;
    for (const c of changes) this.stats.changes[c] = (this.stats.changes[c] ?? 0) + 1;
    this.stats.totalMs += spent;
    this.stats.maxMs = Math.max(this.stats.maxMs, spent);
    // What was left for the budget waits for it.
    this.arm();
  }
}
