// Sessions follow documents: one per open model, and after a model closes (and its grace period
// ends) its session, worker, timers and listeners are gone — checked over 50 open/close cycles.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { TrainingSession } from '../../../src/session/session-api';
import { log } from '../runner/log';
import { closeAllEditors, extensionApi, ourDiagnostics, sessionOf, show, until, withSetting, writeModel, XOR_MODEL } from './helpers';

interface Stoppable {
  whenStopped?(): Promise<void>;
}

suite('sessions follow documents', () => {
  const restore: (() => Promise<void>)[] = [];

  suiteSetup(async () => {
    restore.push(await withSetting('nnPlayground.autoOpenPanel', false));
    // No grace period: a closed model's session ends at once, so the test can count them.
    restore.push(await withSetting('nnPlayground.sessionGracePeriod', 0));
    await closeAllEditors();
  });

  suiteTeardown(async () => {
    for (const undo of restore.reverse()) await undo();
  });

  test('50 models opened, stepped (starting a worker each) and closed leave no session or worker behind', async function () {
    this.timeout(180_000);
    const { registry } = await extensionApi();
    // Sessions of earlier suites may still be in their grace period: count only new ones.
    const earlier = new Set(registry.all().map((session) => session.key));
    const newSessions = () => registry.all().filter((session) => !earlier.has(session.key));
    const sessions: TrainingSession[] = [];
    const uris: vscode.Uri[] = [];
    const started = Date.now();
    for (let i = 0; i < 50; i++) {
      const uri = await writeModel(`cycle-${i}.nn.json`, XOR_MODEL.replace('"seed": 1', `"seed": ${i + 1}`));
      uris.push(uri);
      await show(uri);
      const session = await sessionOf(uri);
      sessions.push(session);
      await vscode.commands.executeCommand('nnPlayground.step', uri.toString());
      await until(() => (session.latest?.epoch ?? 0) >= 1, `a worker epoch in model ${i}`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    await until(() => newSessions().length === 0, 'the 50 sessions to end', 20_000).catch(() => {
      throw new Error(`${newSessions().length} of the 50 sessions outlived their documents`);
    });
    for (const uri of uris) assert.equal(registry.get(uri.toString()), undefined, `${uri.path} still has a session`);
    for (const uri of uris) assert.deepEqual(ourDiagnostics(uri), [], `${uri.path} still has problems`);
    // Every worker thread has exited (the worker-backed session says when).
    await Promise.all(sessions.map((session) => (session as Stoppable).whenStopped?.()));
    log(`      50 open/step/close cycles in ${((Date.now() - started) / 1000).toFixed(1)} s; no session, worker or problem left`);
  });

  test('a model reopened within the grace period keeps its training', async () => {
    const undo = await withSetting('nnPlayground.sessionGracePeriod', 30);
    try {
      const uri = await writeModel('reopen.nn.json', XOR_MODEL);
      await show(uri);
      const session = await sessionOf(uri);
      await vscode.commands.executeCommand('nnPlayground.step', uri.toString());
      await until(() => (session.latest?.epoch ?? 0) >= 1, 'one epoch');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await show(uri);
      assert.equal(await sessionOf(uri), session, 'reopening created a new session');
      assert.ok((session.latest?.epoch ?? 0) >= 1, 'the epoch was lost');
    } finally {
      await undo();
      await closeAllEditors();
    }
  });
});
