// For the soak run only (scripts/soak.ts): when NN_PLAYGROUND_PROBE names a file, the extension
// writes its own counters there every half second: live sessions, running worker threads, and the
// extension host's active timers and handles. The soak reads it from outside to find leaks; with
// the variable unset (every real use), this does nothing.
import { writeFileSync } from 'node:fs';
import type * as vscode from 'vscode';
import type { SessionRegistry } from '../training/session-api';
import { WorkerClient } from '../training/worker-client';

export const PROBE_ENV = 'NN_PLAYGROUND_PROBE';
const PROBE_INTERVAL_MS = 500;

/** What the probe file holds. */
export interface ProbeCounters {
  pid: number;
  at: number;
  sessions: number;
  workers: number;
  /** process.getActiveResourcesInfo() counted by kind (Timeout, TCPWrap, …). */
  resources: Record<string, number>;
}

export function registerSoakProbe(context: vscode.ExtensionContext, registry: SessionRegistry): void {
  const path = process.env[PROBE_ENV];
  if (!path) return;
  const write = () => {
    const resources: Record<string, number> = {};
    for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
    const counters: ProbeCounters = { pid: process.pid, at: Date.now(), sessions: registry.all().length, workers: WorkerClient.running, resources };
    try {
      writeFileSync(path, JSON.stringify(counters));
    } catch {
      // The soak reads what it can; a failed write is seen there as a stale `at`.
    }
  };
  const timer = setInterval(write, PROBE_INTERVAL_MS);
  context.subscriptions.push({ dispose: () => clearInterval(timer) });
  write();
}
