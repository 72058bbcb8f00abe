// The `NN Playground` output channel: sessions, errors and command results, one line each, so a
// person (or a bug report) can see what happened without a debugger.

import * as vscode from 'vscode';
import { errorMessage } from '../shared/l10n';

export { errorMessage };

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  show(): void;
}


export class OutputLog implements Log, vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('NN Playground', { log: true });

  static register(context: vscode.ExtensionContext): OutputLog {
    const log = new OutputLog();
    context.subscriptions.push(log);
    return log;
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string, error?: unknown): void {
    if (error === undefined) this.channel.error(message);
    else this.channel.error(`${message}: ${errorMessage(error)}${error instanceof Error && error.stack ? `\n${error.stack}` : ''}`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
