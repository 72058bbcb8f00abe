// Marks a walkthrough step done when the student did what it teaches: trained one of its lessons
// to the end (the session reached `finished`; a diverged run is not the end, so the learning-rate
// step is done only once its quick fix has lowered the rate and the run completes). VS Code waits
// for the key in the step's `completionEvents` (`onContext:<key>`) and remembers the step itself.

import * as vscode from 'vscode';
import { stepDoneContextKey, stepOfModelFile } from './example-table';
import { modelFileName } from './model-documents';
import type { DocumentSessions } from './session-registry';

export function registerWalkthroughProgress(context: vscode.ExtensionContext, registry: DocumentSessions): void {
  const done = new Set<string>();
  context.subscriptions.push(
    registry.onDidChangeSession(({ change, uri }) => {
      if (change.kind !== 'state' || change.state !== 'finished') return;
      const step = stepOfModelFile(modelFileName(uri));
      if (step === undefined || done.has(step)) return;
      done.add(step);
      void vscode.commands.executeCommand('setContext', stepDoneContextKey(step), true);
    }),
  );
}
