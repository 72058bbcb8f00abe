// Training from the editor, through the real VS Code API: CodeLens, commands (Train, Pause, Step,
// Reset, Verify Gradients, Save Trained Weights) and live hovers on examples/xor.nn.json.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import type { TrainingSession } from '../../../src/session/session-api';
import { log } from '../runner/log';
import {
  exampleModel,
  hoverText,
  lensCommands,
  lensTitles,
  LONG_XOR_MODEL,
  MODEL_LENSES,
  pauseAndSettle,
  positionOf,
  SATURATED_SIGMOID_MODEL,
  sessionOf,
  show,
  until,
  writeModel,
  XOR_MODEL,
  keepPanelClosedDuringSuite,
  DIVERGING_MODEL,
} from './helpers';

const epochOf = (session: TrainingSession): number => session.latest?.epoch ?? 0;

suite('training from the editor', () => {
  keepPanelClosedDuringSuite();

  test('CodeLens above xor.nn.json offers Train, Step, Reset, Open Panel and a lens per layer', async () => {
    const uri = await exampleModel('xor.nn.json', XOR_MODEL);
    const editor = await show(uri);
    // Models may carry // comments (the examples do): JSON with comments, not plain JSON.
    assert.equal(editor.document.languageId, 'jsonc');
    const session = await sessionOf(uri);
    const lenses = await until(async () => {
      const found = await lensCommands(uri);
      return found.some((lens) => lens.command === 'nnPlayground.train') ? found : undefined;
    }, 'the Train lens');
    for (const [command, word] of MODEL_LENSES) {
      assert.ok(
        lenses.some((lens) => lens.command === command && lens.title.endsWith(word)),
        `no "${word}" lens running ${command} in ${JSON.stringify(lenses)}`,
      );
    }
    const titles = lenses.map((lens) => lens.title);
    const layers = session.parse.spec?.layers ?? [];
    assert.ok(layers.length >= 2, 'xor.nn.json should parse with at least two layers');
    for (const layer of layers) {
      assert.ok(
        titles.some((title) => title.startsWith(`${layer.activation} · ${layer.units} unit`)),
        `no lens for the ${layer.activation} layer of ${layer.units} units in ${JSON.stringify(titles)}`,
      );
    }
  });

  test('Train runs in the worker: the status lens counts epochs and the layer lenses go live', async () => {
    const uri = await exampleModel('xor.nn.json', XOR_MODEL);
    await show(uri);
    const session = await sessionOf(uri);
    await vscode.commands.executeCommand('nnPlayground.train', uri.toString());
    const status = await until(async () => (await lensTitles(uri)).find((title) => /epoch [1-9]\d*\/\d+/.test(title)), 'the status lens to count epochs');
    assert.match(status, /loss \d/);
    const titles = await until(async () => {
      const found = await lensTitles(uri);
      return found.some((title) => title.includes('‖∇W‖')) ? found : undefined;
    }, 'layer lenses with live gradient norms');
    log(`      status lens: "${status}"; layer lens: "${titles.find((title) => title.includes('‖∇W‖'))}"`);
    await pauseAndSettle(session);
  });

  test('hovering a layer shows its formula with live weights, statistics and the activation chart', async () => {
    const uri = await exampleModel('xor.nn.json', XOR_MODEL);
    const editor = await show(uri);
    const session = await sessionOf(uri);
    if (epochOf(session) === 0) {
      await vscode.commands.executeCommand('nnPlayground.step', uri.toString());
      await until(() => epochOf(session) >= 1, 'one epoch');
    }
    await until(() => session.latest?.health && session.latest.parameters, 'a snapshot with health and parameters');
    const text = editor.document.getText();
    const hover = await hoverText(uri, positionOf(text, '"units"').translate(0, 2));
    assert.match(hover, /\*\*Layer 1 of \d+\*\*/);
    // h₁ = tanh(0.82·x1 − 1.10·x2 + 0.05): numbers, not symbols, once weights are known.
    assert.match(hover, /h₁ = \w[\w-]*\(−?\d+\.\d\d·\S+ [+−] \d+\.\d\d·\S+ [+−] \d+\.\d\d\)/);
    assert.match(hover, /weights \| mean −?[\d.e+-]+ · std [\d.e+-]+/);
    assert.match(hover, /‖∂L\/∂W‖ [\d.e+-]+/);
    assert.match(hover, /data:image\/svg\+xml;base64,/);
    const activation = session.parse.spec!.layers[0].activation;
    const lesson = await hoverText(uri, positionOf(text, '"activation"').translate(0, 2));
    assert.ok(lesson.includes(`**Activation \`${activation}\`.**`), `no activation lesson in ${lesson.slice(0, 200)}`);
  });

  test('hovers on init, learningRate and loss teach the theory with this model’s numbers', async () => {
    const uri = await writeModel('lessons.nn.json', SATURATED_SIGMOID_MODEL);
    await show(uri);
    await sessionOf(uri);
    const init = await hoverText(uri, positionOf(SATURATED_SIGMOID_MODEL, '"std"').translate(0, 2));
    // N(0, 4): the 3σ rule with σ read as a standard deviation, and the saturation it predicts.
    assert.ok(init.includes('99.73% of initial weights lie in (-12, 12)'), init.slice(0, 400));
    assert.match(init, /Layer 2 \(sigmoid\): .*predicted \*\*\d+% saturated\*\*/);
    const rate = await hoverText(uri, positionOf(SATURATED_SIGMOID_MODEL, '"learningRate"').translate(0, 2));
    assert.ok(rate.includes('w ← w − LR·∂L/∂w') && rate.includes('Here: LR = 0.1'), rate.slice(0, 400));
    const loss = await hoverText(uri, positionOf(SATURATED_SIGMOID_MODEL, '"loss"').translate(0, 2));
    assert.ok(loss.includes('**Cross-entropy**'), loss.slice(0, 400));
  });

  test('Pause stops, Step trains exactly one epoch, Reset returns to epoch 0 with the same initial weights', async () => {
    const uri = await writeModel('xor-long.nn.json', LONG_XOR_MODEL);
    await show(uri);
    const session = await sessionOf(uri);
    const run = (command: string) => vscode.commands.executeCommand(`nnPlayground.${command}`, uri.toString());

    await run('train');
    await until(() => session.state === 'training' && epochOf(session) >= 3, 'training to pass epoch 3');
    await run('pause');
    await until(() => session.state === 'paused', 'the paused state');
    const pausedAt = epochOf(session);
    // Showing that nothing happens needs a wait: 400 ms is eight snapshot intervals at 20 a second.
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(epochOf(session), pausedAt, 'epochs advanced while paused');

    await run('step');
    await until(() => epochOf(session) === pausedAt + 1, `epoch ${pausedAt + 1} after one step`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(epochOf(session), pausedAt + 1, 'Step trained more than one epoch');
    assert.notEqual(session.state, 'training');

    await run('reset');
    await until(() => epochOf(session) === 0 && session.history.length === 0, 'epoch 0 after Reset');
    const status = await until(async () => (await lensTitles(uri)).find((title) => /epoch 0\//.test(title)), 'the status lens to read epoch 0');
    log(`      after Reset the status lens reads "${status}"`);

    // Same seed, same initial weights: the first epoch's cost is identical after every reset.
    await run('step');
    await until(() => session.history.length === 1, 'the first epoch after Reset');
    const firstCost = session.history[0].trainCost;
    await run('reset');
    await until(() => session.history.length === 0 && epochOf(session) === 0, 'the second Reset');
    await run('step');
    await until(() => session.history.length === 1, 'the first epoch after the second Reset');
    assert.equal(session.history[0].trainCost, firstCost);
  });

  test('after a run diverges, Train from the command starts again from the seed instead of refusing', async () => {
    const uri = await writeModel('diverging.nn.json', DIVERGING_MODEL);
    await show(uri);
    const session = await sessionOf(uri);
    const run = (command: string) => vscode.commands.executeCommand(`nnPlayground.${command}`, uri.toString());
    await run('train');
    await until(() => session.state === 'diverged', 'the run to diverge', 30_000);
    assert.ok(session.problems.some((p) => p.code === 'divergence' && p.severity === 'error'), 'no divergence error in the problems');
    // The divergence is an error, but the run's, not the text's: Train is not refused, it restarts.
    const reasons: string[] = [];
    const subscription = session.onDidChange((change) => change.kind === 'model' && change.reset && reasons.push(change.reason ?? ''));
    try {
      await run('train');
      await until(() => reasons.some((r) => /diverged/.test(r)), 'Train to restart the diverged run');
    } finally {
      subscription.dispose();
    }
    await pauseAndSettle(session);
  });

  test('Verify Gradients reports a max relative error that backpropagation passes', async () => {
    const uri = await exampleModel('xor.nn.json', XOR_MODEL);
    await show(uri);
    const result = await vscode.commands.executeCommand<{ maxRelativeError: number; parameters: number } | undefined>('nnPlayground.verifyGradients', uri.toString());
    assert.ok(result, 'Verify Gradients returned no result');
    log(`      gradient check: max relative error ${result.maxRelativeError.toExponential(2)} over ${result.parameters} parameters`);
    assert.ok(result.maxRelativeError < 1e-4, `max relative error ${result.maxRelativeError}`);
  });

  test('Save Trained Weights writes the sidecar and leaves the model untouched', async () => {
    const uri = await writeModel('xor-save.nn.json', XOR_MODEL);
    const editor = await show(uri);
    const session = await sessionOf(uri);
    await vscode.commands.executeCommand('nnPlayground.step', uri.toString());
    await until(() => epochOf(session) >= 1, 'one epoch');
    const before = editor.document.getText();
    const sidecar = await vscode.commands.executeCommand<vscode.Uri | undefined>('nnPlayground.saveWeights', uri.toString());
    assert.ok(sidecar, 'no sidecar URI returned');
    assert.ok(sidecar.path.endsWith('/xor-save.weights.json'), sidecar.path);
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar))) as { format: string; shape: number[] };
    assert.equal(saved.format, 'nn-playground-weights');
    assert.deepEqual(saved.shape, [2, 4, 1]);
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), XOR_MODEL);
  });
});
