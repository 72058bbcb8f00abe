// Runs the CLI's `main` in this process with captured output: what a terminal would show, and the
// exit code, without spawning node (fast, and the code under test is the source, not a bundle).

import { main } from '../../../src/cli/main';
import type { Output } from '../../../src/cli/output';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(...args: string[]): CliRun {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false };
  // No locale from the environment: these runs read the English messages whatever LANG is.
  const code = main(args, io, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
