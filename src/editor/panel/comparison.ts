// The runs a panel compares (issue 17, item 1): sessions pinned by the student, each still its own
// session with its own worker, so comparing costs nothing beyond the runs themselves. It keeps them
// alive while pinned (a closed document's run stays on the chart), follows their changes and sends
// the webview their curves at most every COMPARISON_INTERVAL_MS, a state change at once. No
// `vscode` here: the panel gives it the registry and a way to post.

import type { Disposable, SessionRegistry, TrainingSession } from '../../session/session-api';
import type { ComparedRun } from '../../shared/protocol/webview-messages';
import { comparedHistory, latestGradients, MAX_COMPARED_RUNS } from '../../shared/view-models/compare-view';
import { throttle } from '../timing';

/** Curves a few times a second are enough to watch runs race; the panel's own charts go faster. */
export const COMPARISON_INTERVAL_MS = 250;

export type PinResult = 'pinned' | 'already' | 'full';

interface Pinned {
  session: TrainingSession;
  subscription: Disposable;
  retention: Disposable | undefined;
}

export class Comparison implements Disposable {
  private readonly pinned = new Map<string, Pinned>();
  private readonly send = throttle(() => this.post(this.runs()), COMPARISON_INTERVAL_MS);
  private readonly lifecycle: Disposable | undefined;

  constructor(
    private readonly registry: SessionRegistry,
    private readonly post: (runs: ComparedRun[]) => void,
    private readonly labelOf: (key: string) => string,
  ) {
    // A pinned session that ends anyway (its document closed and the registry let it go) leaves.
    this.lifecycle = registry.onDidChangeSessions?.(() => {
      for (const [key, entry] of this.pinned) if (this.registry.get(key) !== entry.session) this.remove(key);
    });
  }

  get size(): number {
    return this.pinned.size;
  }

  has(key: string): boolean {
    return this.pinned.has(key);
  }

  /** The sessions, in the order they were pinned (their colours follow it). */
  sessions(): TrainingSession[] {
    return [...this.pinned.values()].map((p) => p.session);
  }

  pin(session: TrainingSession): PinResult {
    if (this.pinned.has(session.key)) return 'already';
    if (this.pinned.size >= MAX_COMPARED_RUNS) return 'full';
    const subscription = session.onDidChange((change) => {
      if (change.kind === 'state' || (change.kind === 'model' && change.reset)) {
        this.send.schedule();
        this.send.flush();
      } else if (change.kind === 'snapshot' || change.kind === 'model') {
        this.send.schedule();
      }
    });
    this.pinned.set(session.key, { session, subscription, retention: this.registry.retain?.(session.key) });
    this.changed();
    return 'pinned';
  }

  remove(key: string): void {
    const entry = this.pinned.get(key);
    if (!entry) return;
    this.pinned.delete(key);
    entry.subscription.dispose();
    entry.retention?.dispose();
    this.changed();
  }

  clear(): void {
    for (const key of [...this.pinned.keys()]) this.remove(key);
  }

  /** Train every pinned run that can (each in its own worker, at once). */
  trainAll(): void {
    for (const { session } of this.pinned.values()) if (session.state !== 'training' && session.state !== 'diverged') session.train();
  }

  pauseAll(): void {
    for (const { session } of this.pinned.values()) if (session.state === 'training') session.pause();
  }

  /** Each pinned run as it is now. */
  runs(): ComparedRun[] {
    return this.sessions().map((s) => {
      const { gradients, epoch } = latestGradients(s.health);
      return {
        key: s.key,
        label: this.labelOf(s.key),
        state: s.state,
        epoch: s.latest?.epoch ?? s.history.at(-1)?.epoch ?? 0,
        epochs: s.latest?.epochs ?? s.parse.spec?.training.epochs ?? 0,
        history: comparedHistory(s.history),
        gradients,
        gradientEpoch: epoch,
      };
    });
  }

  /** Sends the runs now (a pin, a removal: the person just asked for it). */
  private changed(): void {
    this.send.schedule();
    this.send.flush();
  }

  dispose(): void {
    this.send.dispose();
    this.lifecycle?.dispose();
    for (const entry of this.pinned.values()) {
      entry.subscription.dispose();
      entry.retention?.dispose();
    }
    this.pinned.clear();
  }
}
