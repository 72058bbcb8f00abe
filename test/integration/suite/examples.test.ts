// New Model from Example: the quick pick lists the examples bundled in the installed extension, in
// the UI's language (examples/zh-cn/ when VS Code runs in Chinese), and the chosen one opens as an
// untitled `.nn.json` that is a model like any other.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { examplePath, EXAMPLE_TABLE, lessonLanguage } from '../../../src/editor/example-table';
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
    const language = lessonLanguage(vscode.env.language);
    const texts = new Map<string, string>();
    for (const { file } of EXAMPLE_TABLE) {
      const uri = vscode.Uri.joinPath(extension.extensionUri, examplePath(language, file));
      const bytes = await vscode.workspace.fs.readFile(uri).then(undefined, () => undefined);
      if (bytes) texts.set(file, new TextDecoder().decode(bytes));
    }
    const bundled = [...texts.keys()];
    if (bundled.length === 0) this.skip();
    // The quick pick lists the lessons in the table's order: the first item is its first lesson.
    const first = EXAMPLE_TABLE.find((entry) => texts.has(entry.file))?.file;

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
    assert.equal(copied, first, 'the first item of the quick pick is not the first lesson');
    assert.equal(document.getText(), texts.get(copied), `the copy is not the ${language} lesson`);
    assert.equal(document.languageId, 'jsonc');
    await sessionOf(document.uri);
    const titles = await until(async () => {
      const found = await lensTitles(document.uri);
      return found.some((title) => title.endsWith('Step')) ? found : undefined;
    }, 'lenses on the new model');
    log(`      ${bundled.length} bundled examples (${language}); opened ${document.uri.path} with lenses ${titles.slice(0, 4).join(' | ')}`);
  });
});
