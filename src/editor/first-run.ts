// The first time the extension starts in a profile, it opens its walkthrough (the lessons), so a
// student who starts it sees where to begin rather than a bare Explorer. VS Code opens an
// extension's walkthrough by itself only when the extension is installed while VS Code runs; this
// covers the extension installed before the window opened (`npm start`, a VSIX installed from the
// command line). It follows VS Code's own setting for that (`workbench.welcomePage.walkthroughs.
// openOnInstall`; measured in code-server 4.100: the extension host does not see that workbench
// setting, so test harnesses that keep the workbench quiet also set NN_PLAYGROUND_NO_WALKTHROUGH=1),
// and happens once: the profile's global state remembers it.

import * as vscode from 'vscode';
import { t } from '../shared/l10n';

/** The walkthrough's id in package.json (contributes.walkthroughs). */
export const WALKTHROUGH_ID = 'nnPlayground.lessons';
const SHOWN_KEY = 'nnPlayground.walkthroughShown';

export function walkthroughCategory(extensionId: string): string {
  return `${extensionId}#${WALKTHROUGH_ID}`;
}

export function openWalkthroughOnFirstRun(context: vscode.ExtensionContext, log: (message: string) => void, keepClosed = false): void {
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  // Our own setting, which every extension host sees (code-server's does not see the workbench's
  // openOnInstall); the e2e harness turns it off except for the first-run spec.
  const ours = vscode.workspace.getConfiguration('nnPlayground').get<boolean>('openWalkthroughOnFirstStart', true);
  const wanted = vscode.workspace.getConfiguration().get<boolean>('workbench.welcomePage.walkthroughs.openOnInstall', true);
  if (!ours || !wanted || keepClosed) return;
  log(t('First start in this profile: opening the walkthrough.'));
  void context.globalState.update(SHOWN_KEY, true);
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughCategory(context.extension.id), false);
}
