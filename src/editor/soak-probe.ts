// For the soak run and the host-load measurement only (scripts/soak.ts, scripts/host-load.ts): when
// NN_PLAYGROUND_PROBE names a file, the extension writes its own counters there every half second:
// live sessions, running worker threads, the extension host's active timers and handles, its
// event-loop delay over the last half second, and the message and handler totals of
// src/session/host-counters.ts. Those scripts read it from outside to find leaks and to see
// what loads the host; with the variable unset (every real use), this does nothing.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type * as vscode from 'vscode';
import { counterTotals, startCounting, type CounterTotals } from '../session/host-counters';
import type { SessionRegistry } from '../session/session-api';
import { WorkerClient } from '../session/worker-client';

export const PROBE_ENV = 'NN_PLAYGROUND_PROBE';
const PROBE_INTERVAL_MS = 500;
/** Resolution of the event-loop delay histogram. */
const LAG_RESOLUTION_MS = 10;

/** The extension host's event-loop delay over one probe interval, in milliseconds. */
export interface LagWindow {
  at: number;
  p50: number;
  p99: number;
  max: number;
}

/** What the probe file holds. */
export interface ProbeCounters {
  pid: number;
  at: number;
  sessions: number;
  workers: number;
  /** process.getActiveResourcesInfo() counted by kind (Timeout, TCPWrap, …). */
  resources: Record<string, number>;
  /** Event-loop delay over the last interval. */
  lag: LagWindow;
  /** The worst event-loop delay seen since the probe started. */
  worstLagMs: number;
  totals: CounterTotals;
}

export function registerSoakProbe(context: vscode.ExtensionContext, registry: SessionRegistry): void {
  const path = process.env[PROBE_ENV];
  if (!path) return;
  startCounting();
  const delay = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  delay.enable();
  let worstLagMs = 0;
  const ms = (ns: number) => Math.max(0, ns / 1e6 - LAG_RESOLUTION_MS);
  const write = () => {
    const resources: Record<string, number> = {};
    for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
    const lag: LagWindow = { at: Date.now(), p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) };
    delay.reset();
    worstLagMs = Math.max(worstLagMs, lag.max);
    const counters: ProbeCounters = {
      pid: process.pid,
      at: Date.now(),
      sessions: registry.all().length,
      workers: WorkerClient.running,
      resources,
      lag,
      worstLagMs,
      totals: counterTotals(),
    };
    try {
      writeFileSync(path, JSON.stringify(counters));
    } catch {
      // The soak reads what it can; a failed write is seen there as a stale `at`.
    }
  };
  const timer = setInterval(write, PROBE_INTERVAL_MS);
  context.subscriptions.push({ dispose: () => (clearInterval(timer), delay.disable()) });
  write();
}
