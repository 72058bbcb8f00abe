// The schema's field documentation in the UI language: package.json's jsonValidation url is an nls
// key, which VS Code replaces from package.nls.json (English) or package.nls.zh-cn.json (Chinese)
// before the JSON extension reads it. Checked in the installed VSIX: the url VS Code ended up with,
// and the JSON extension's hover on a field showing that schema's text.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { log } from '../runner/log';
import { closeAllEditors, EXTENSION_ID, hoverText, positionOf, show, until, writeModel, XOR_MODEL } from './helpers';

suite('schema documentation in the UI language', () => {
  suiteTeardown(closeAllEditors);

  test('jsonValidation names the schema of the UI language, and a field\'s hover shows its text', async function () {
    this.timeout(40_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const chinese = vscode.env.language.toLowerCase() === 'zh-cn';
    const [validation] = (extension.packageJSON as { contributes: { jsonValidation: { url: string }[] } }).contributes.jsonValidation;
    assert.equal(validation?.url, chinese ? './schemas/nn.schema.zh-cn.json' : './schemas/nn.schema.json', `the nls key was not replaced for ${vscode.env.language}`);

    const schema = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, validation.url)))) as {
      properties: { seed: { markdownDescription: string } };
    };
    // The start of the seed's documentation, up to its first formatting character.
    const expected = schema.properties.seed.markdownDescription.split(/[`*:：]/)[0]!;
    const uri = await writeModel('schema-hover.nn.json', XOR_MODEL);
    await show(uri);
    const at = positionOf(XOR_MODEL, '"seed"').translate(0, 2);
    const text = await until(async () => {
      const found = await hoverText(uri, at);
      return found.includes(expected) ? found : undefined;
    }, `the JSON hover on "seed" to show ${JSON.stringify(expected)}`, 30_000);
    log(`      ${vscode.env.language}: ${validation.url}; hover ${JSON.stringify(text.slice(0, 60))}`);
  });
});
