// What differs between the desktop (Node) extension host and the browser's (web worker) one, handed
// to the wiring by each entry: src/wiring.ts passes desktopPlatform (platform-node.ts),
// src/web/extension.ts its own. Everything else, files included, goes through `vscode` APIs
// (workspace.fs and URIs), so both hosts run the same adapters, sessions and panel.

import type * as vscode from 'vscode';
import type { ExperimentResults } from './panel/experiment-results';
import type { SessionRegistry } from '../session/session-api';
import type { ModelCommands } from './model-commands';
import type { Log } from './output';
import type { WorkerTransport } from '../session/worker-transport';

/** What is at a path on the local disk, a link not followed. */
export type DiskEntry = 'absent' | 'symlink' | 'directory' | 'file' | 'other';

/**
 * Checks that only a local disk can make, for `file:` URIs: workspace.fs follows links and reports
 * a FIFO as a file. Absent in the browser, where no model is on a local disk.
 */
export interface LocalDisk {
  /** Whether target lies in folder once links are followed; undefined when either cannot be resolved. */
  inside(folderPath: string, targetPath: string): Promise<boolean | undefined>;
  /** False for a FIFO, a device or a folder; true when it cannot tell (the read then says why). */
  isRegularFile(path: string): Promise<boolean>;
  /** What is at the path, a link not followed. */
  entry(path: string): Promise<DiskEntry>;
}

export interface HostPlatform {
  /** Starts a training worker from the extension's bundled worker script. */
  startWorker(extensionUri: vscode.Uri): WorkerTransport;
  disk?: LocalDisk;
  /** The soak's counters (desktop only: it reads them from a file). */
  registerProbe?(context: vscode.ExtensionContext, registry: SessionRegistry): void;
  /** True when a test harness asked for no walkthrough on first start (desktop: NN_PLAYGROUND_NO_WALKTHROUGH=1). */
  keepWalkthroughClosed?(): boolean;
  /** Measure Bias and Variance, whose runs train in worker threads (desktop only for now). */
  registerExperiments?(context: vscode.ExtensionContext, commands: ModelCommands, results: ExperimentResults, log: Log): void;
}
