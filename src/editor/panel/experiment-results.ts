// The latest bias-variance measurement of each model, kept for the panel: the command stores it,
// the panel shows the one of the model it shows (also after the webview reloads and asks again).

import * as vscode from 'vscode';
import type { BiasVarianceReport } from '../../shared/protocol/experiment';

export class ExperimentResults implements vscode.Disposable {
  private readonly reports = new Map<string, BiasVarianceReport>();
  private readonly emitter = new vscode.EventEmitter<string>();
  /** Fires with the model's key when its measurement changes. */
  readonly onDidChange = this.emitter.event;

  get(key: string): BiasVarianceReport | undefined {
    return this.reports.get(key);
  }

  set(key: string, report: BiasVarianceReport): void {
    this.reports.set(key, report);
    this.emitter.fire(key);
  }

  dispose(): void {
    this.reports.clear();
    this.emitter.dispose();
  }
}
