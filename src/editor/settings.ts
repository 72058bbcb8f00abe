// The extension's settings (contributes.configuration in package.json), read live: every call
// reads the current values, so a change applies without a reload.

import * as vscode from 'vscode';
import { DEFAULT_MAX_PARAMETERS } from '../run/run-core';
import type { SessionSettings } from '../session/session-api';
import { updateRateFrom } from './update-rate';
import { paceFrom } from '../shared/pace';

/** setTimeout fires at once for delays above 2^31 − 1 ms (~24.8 days), so a longer grace period is capped. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const SETTINGS_SECTION = 'nnPlayground';

export interface EditorSettings extends SessionSettings {
  /** Open the playground panel when Train starts. */
  autoOpenPanel: boolean;
  /** Read a model's CSV even when its path leads outside the workspace folder. */
  allowDataOutsideWorkspace: boolean;
  /** How long a closed model's session (and its worker) is kept in case the file is reopened. */
  sessionGracePeriodMs: number;
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function readSettings(): EditorSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const grace = config.get<number>('sessionGracePeriod');
  return {
    updateRate: updateRateFrom(config.get('updateRate')),
    pace: paceFrom(config.get('pace')),
    defaultMaxEpochs: Math.round(positive(config.get('defaultMaxEpochs'), 300)),
    maxParameters: Math.round(positive(config.get('maxParameters'), DEFAULT_MAX_PARAMETERS)),
    diagnostics: {
      static: config.get<boolean>('diagnostics.static') ?? true,
      live: config.get<boolean>('diagnostics.live') ?? true,
    },
    autoOpenPanel: config.get<boolean>('autoOpenPanel') ?? true,
    allowDataOutsideWorkspace: config.get<boolean>('allowDataOutsideWorkspace') === true,
    sessionGracePeriodMs: typeof grace === 'number' && grace >= 0 ? Math.min(grace * 1000, MAX_TIMER_MS) : 30_000,
  };
}

/** Fires when any of this extension's settings change. */
export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SETTINGS_SECTION)) listener();
  });
}
