// Batches redraws: messages only mark what changed; one requestAnimationFrame draws it all, so a
// burst of snapshots costs one frame, and a hidden panel (no frames) costs nothing. It also counts
// frames and their cost, which the e2e test and the README's performance figures read.

import type { Change } from '../src/panel/view-models/panel-state';
import type { RenderStats } from '../src/panel/view-models/render-stats';

export class RenderLoop {
  private changes = new Set<Change>();
  private frame = 0;
  readonly stats: RenderStats = { frames: 0, totalMs: 0, maxMs: 0, since: 0, snapshots: 0, viewMs: {}, changes: {} };

  constructor(private readonly draw: (changes: ReadonlySet<Change>) => void) {}

  request(changes: Iterable<Change>): void {
    for (const c of changes) this.changes.add(c);
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.run());
  }

  private run(): void {
    this.frame = 0;
    const changes = this.changes;
    this.changes = new Set();
    const start = performance.now();
    this.draw(changes);
    const spent = performance.now() - start;
    if (this.stats.frames === 0) this.stats.since = start;
    this.stats.frames++;
    for (const c of changes) this.stats.changes[c] = (this.stats.changes[c] ?? 0) + 1;
    this.stats.totalMs += spent;
    this.stats.maxMs = Math.max(this.stats.maxMs, spent);
  }
}
