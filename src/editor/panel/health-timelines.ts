// Health over time for every session the panel has seen, kept on the extension side so a panel
// opened late, hidden or reloaded still draws distributions and gradient flow since the last
// reset. Recording happens whether or not a panel is visible.

import type { Disposable, SessionRegistry, TrainingSession } from '../../session/session-api';
import type { HealthSample } from '../../shared/protocol/webview-messages';
import { appendSample, healthSample, snapshotSamples } from '../../shared/view-models/health-timeline';

interface Entry {
  session: TrainingSession;
  timeline: HealthSample[];
  subscription: Disposable;
}

export class HealthTimelines implements Disposable {
  private readonly entries = new Map<TrainingSession, Entry>();
  private readonly subscriptions: Disposable[] = [];

  constructor(private readonly sessions: SessionRegistry) {
    this.subscriptions.push(sessions.onDidChangeActive((s) => s && this.track(s)));
    // A disposed session's timeline goes with it, not only when the next one is tracked.
    const changed = sessions.onDidChangeSessions?.(() => this.prune());
    if (changed) this.subscriptions.push(changed);
    for (const s of sessions.all()) this.track(s);
  }

  /** Starts recording a session (idempotent) and forgets sessions the registry no longer has. */
  track(session: TrainingSession): void {
    this.prune();
    if (this.entries.has(session)) return;
    const timeline: HealthSample[] = [];
    const latest = session.latest && healthSample(session.latest);
    if (latest) timeline.push(latest);
    const subscription = session.onDidChange((change) => {
      if (change.kind === 'snapshot' && session.latest) {
        for (const sample of snapshotSamples(session.latest)) appendSample(timeline, sample);
      } else if (change.kind === 'model' && change.reset) {
        timeline.length = 0;
      }
    });
    this.entries.set(session, { session, timeline, subscription });
  }

  timeline(session: TrainingSession): HealthSample[] {
    this.track(session);
    return [...(this.entries.get(session)?.timeline ?? [])];
  }

  /** Samples after `epoch`, oldest first: what a panel has not sent to its webview yet. */
  since(session: TrainingSession, epoch: number): HealthSample[] {
    this.track(session);
    const timeline = this.entries.get(session)?.timeline ?? [];
    let first = timeline.length;
    while (first > 0 && (timeline[first - 1] as HealthSample).epoch > epoch) first--;
    return timeline.slice(first);
  }

  private prune(): void {
    const live = new Set(this.sessions.all());
    for (const [session, entry] of this.entries) {
      if (!live.has(session)) {
        entry.subscription.dispose();
        this.entries.delete(session);
      }
    }
  }

  /** Sessions whose health is being recorded. */
  get tracked(): number {
    return this.entries.size;
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    for (const entry of this.entries.values()) entry.subscription.dispose();
    this.entries.clear();
  }
}
