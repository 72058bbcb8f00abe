// The installed extension, as VS Code sees it: present, asleep until a model file is opened, then
// awake with every command it contributes registered.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { log } from '../runner/log';

const EXTENSION_ID = 'nn-playground.nn-playground';

interface Manifest {
  activationEvents?: string[];
  contributes?: { commands?: { command: string }[] };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A small valid model written into the workspace, so the test needs no example to exist. */
const PROBE_MODEL = JSON.stringify(
  {
    name: 'activation probe',
    data: { generator: 'xor', samples: 40 },
    layers: [
      { units: 3, activation: 'tanh' },
      { units: 1, activation: 'sigmoid' },
    ],
  },
  null,
  2,
);

async function writeProbeModel(): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, 'generated', 'activation-probe.nn.json');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(PROBE_MODEL));
  return uri;
}

suite('activation', () => {
  const extension = (): vscode.Extension<unknown> => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not installed in this VS Code`);
    return found;
  };

  test('is installed and declares no catch-all activation event', () => {
    const events = (extension().packageJSON as Manifest).activationEvents ?? [];
    assert.ok(!events.includes('*'), `activationEvents must not contain "*": ${JSON.stringify(events)}`);
  });

  test('is asleep until a model is opened, then activates', async () => {
    const ext = extension();
    const events = (ext.packageJSON as Manifest).activationEvents ?? [];
    if (ext.isActive) {
      // In a workspace holding models: only an event that fires without opening one explains it.
      const early = events.filter((event) => event.startsWith('workspaceContains:') || event === 'onStartupFinished');
      assert.ok(early.length > 0, `active before any .nn.json was opened, yet none of ${JSON.stringify(events)} explains it`);
      return;
    }
    const probe = await writeProbeModel();
    const opened = Date.now();
    await vscode.window.showTextDocument(probe);
    await until(() => ext.isActive, 15_000, `${EXTENSION_ID} to activate after opening a .nn.json`);
    // Opening to active: language detection, loading the bundle and activate() itself.
    log(`      (active ${Date.now() - opened} ms after a .nn.json was opened)`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('registers every command it contributes', async () => {
    const ext = extension();
    await ext.activate();
    const contributed = ((ext.packageJSON as Manifest).contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'the manifest contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
