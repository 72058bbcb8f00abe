// New Model from Example: the quick pick lists the examples bundled in the installed extension and
// the chosen one opens as an untitled `.nn.json` that is a model like any other.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { log } from '../runner/log';
import { closeAllEditors, EXTENSION_ID, lensTitles, sessionOf, until } from './helpers';

suite('new model from example', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
  });

  test('picking the first example opens it as an untitled model with its lenses', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const folder = vscode.Uri.joinPath(extension.extensionUri, 'examples');
    const bundled = (await vscode.workspace.fs.readDirectory(folder).then(undefined, () => [] as [string, vscode.FileType][]))
      .map(([name]) => name)
      .filter((name) => name.endsWith('.nn.json'));
    if (bundled.length === 0) this.skip();
    const texts = new Map<string, string>();
    for (const name of bundled) texts.set(name, new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name))));
    // The quick pick lists the lessons in order: the first item is lesson 1 (or, without lessons, any example).
    const first = [...texts.entries()].find(([, text]) => /^\/\/ Lesson 1\b/.test(text))?.[0];

    let settled = false;
    const opened = Promise.resolve(vscode.commands.executeCommand<vscode.TextEditor | undefined>('nnPlayground.newFromExample')).finally(() => {
      settled = true;
    });
    // The quick pick opens asynchronously: accept its first (selected) item once it is there.
    await until(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    }, 'the example quick pick to accept an item');
    const editor = await opened;
    assert.ok(editor, 'no editor was opened');
    const document = editor.document;
    assert.equal(document.uri.scheme, 'untitled');
    const copied = bundled.find((name) => document.uri.path.endsWith(`/${name}`));
    assert.ok(copied, `${document.uri.path} is not named after a bundled example`);
    if (first) assert.equal(copied, first, 'the first item of the quick pick is not lesson 1');
    assert.equal(document.getText(), texts.get(copied));
    assert.equal(document.languageId, 'jsonc');
    await sessionOf(document.uri);
    const titles = await until(async () => {
      const found = await lensTitles(document.uri);
      return found.some((title) => title.endsWith('Step')) ? found : undefined;
    }, 'lenses on the new model');
    log(`      ${bundled.length} bundled examples; opened ${document.uri.path} with lenses ${titles.slice(0, 4).join(' | ')}`);
  });
});
