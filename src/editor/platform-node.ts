// The desktop extension host's platform: training in a worker_threads thread, link and FIFO checks
// on the local disk, the soak's probe.

import { lstat, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import * as vscode from 'vscode';
import { startNodeWorker } from '../session/worker-node';
import type { DiskEntry, HostPlatform, LocalDisk } from './platform';
import { BiasVarianceCommand } from './bias-variance-command';
import { registerSoakProbe } from './soak-probe';

const disk: LocalDisk = {
  async inside(folderPath, targetPath) {
    try {
      const [root, real] = await Promise.all([realpath(folderPath), realpath(targetPath)]);
      const inside = relative(root, real);
      return !inside.startsWith('..') && !isAbsolute(inside);
    } catch {
      return undefined;
    }
  },
  async isRegularFile(path) {
    try {
      return (await stat(path)).isFile();
    } catch {
      return true;
    }
  },
  async entry(path): Promise<DiskEntry> {
    let stats;
    try {
      stats = await lstat(path);
    } catch {
      return 'absent';
    }
    if (stats.isSymbolicLink()) return 'symlink';
    if (stats.isDirectory()) return 'directory';
    return stats.isFile() ? 'file' : 'other';
  },
};

export const desktopPlatform: HostPlatform = {
  startWorker: (extensionUri) => startNodeWorker(vscode.Uri.joinPath(extensionUri, 'dist', 'worker.js').fsPath),
  disk,
  registerProbe: registerSoakProbe,
  keepWalkthroughClosed: () => process.env.NN_PLAYGROUND_NO_WALKTHROUGH === '1',
  registerExperiments: (context, commands, results, log) => BiasVarianceCommand.register(context, commands, results, log, disk),
};
