// What the Compare view's buttons do in the editor: pin the shown run, pick another open model to
// add (a quick pick of the open models not yet pinned), train or pause every pinned run, unpin all.

import * as vscode from 'vscode';
import type { SessionRegistry, TrainingSession } from '../../session/session-api';
import type { CompareAction } from '../../shared/protocol/webview-messages';
import { MAX_COMPARED_RUNS } from '../../shared/view-models/compare-view';
import { fileName, joinList, t } from '../../shared/l10n';
import { COMMANDS } from '../commands-ids';
import { ACTIVATION_COMPARISON } from '../example-table';
import type { Comparison, PinResult } from './comparison';

const fileOf = (key: string) => fileName(vscode.Uri.parse(key).path);

function reportPin(result: PinResult, session: TrainingSession): void {
  if (result === 'full') void vscode.window.showInformationMessage(t('NN Playground: the comparison holds at most {count} runs; remove one first.', { count: MAX_COMPARED_RUNS }));
  else if (result === 'already') void vscode.window.showInformationMessage(t('NN Playground: {file} is already in the comparison.', { file: fileOf(session.key) }));
}

async function pickOpenModel(comparison: Comparison, sessions: SessionRegistry): Promise<void> {
  const candidates = sessions.all().filter((s) => !comparison.has(s.key));
  const openExamples = { label: `$(files) ${t('The deep-net lessons: sigmoid, tanh and ReLU')}`, detail: t('Opens {files} and pins all three.', { files: joinList(ACTIVATION_COMPARISON.map(String)) }) };
  const items = [
    ...candidates.map((session) => ({ label: fileOf(session.key), description: vscode.Uri.parse(session.key).scheme === 'untitled' ? t('unsaved') : vscode.workspace.asRelativePath(vscode.Uri.parse(session.key)), session })),
    openExamples,
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: t('NN Playground: Add a Run to the Comparison'),
    placeHolder: candidates.length > 0 ? t('Pick an open model: its run joins the chart') : t('No other model is open: open one, or compare the three deep-net lessons'),
  });
  if (!picked) return;
  if ('session' in picked) reportPin(comparison.pin(picked.session), picked.session);
  else await vscode.commands.executeCommand(COMMANDS.compareExamples, ACTIVATION_COMPARISON);
}

export async function runCompareAction(action: CompareAction, comparison: Comparison, sessions: SessionRegistry, shown: TrainingSession | undefined): Promise<void> {
  switch (action) {
    case 'pin':
      if (!shown) return void vscode.window.showInformationMessage(t('Open a .nn.json model to train it.'));
      return reportPin(comparison.pin(shown), shown);
    case 'add':
      return pickOpenModel(comparison, sessions);
    case 'train-all':
      return comparison.trainAll();
    case 'pause-all':
      return comparison.pauseAll();
    case 'clear':
      return comparison.clear();
  }
}
