// A real session, with its real worker thread (the bundle esbuild makes of src/worker/worker.ts),
// driven the way the editor drives it: text in, commands, change events out.
import { describe, expect, it } from 'vitest';
import { createTrainingSession, kernelsMessage, type WorkerBackedSession } from '../../../src/session/session';
import { useWorkerSessions, createHost, recordChanges, sleep, spiralModel, waitFor, xorModel, type TestHost } from './session-harness';

const worker = useWorkerSessions();
const open = worker.open;

function session(text: string, host: TestHost = createHost(worker.path)): WorkerBackedSession {
  const created = createTrainingSession('file:///models/test.nn.json', text, host);
  open.push(created);
  return created;
}

const epochOf = (s: WorkerBackedSession) => s.latest?.epoch ?? 0;
/** spiralModel(): two hidden layers and the output layer, each with its health. */
const spiralLayerCount = (JSON.parse(spiralModel()) as { layers: unknown[] }).layers.length;

describe('training a model', () => {
  it('trains XOR to 100% accuracy and finishes', async () => {
    const s = session(xorModel({ epochs: 2000 }));
    s.train();
    await waitFor(s, () => s.state === 'finished', 'XOR to finish');
    const last = s.history[s.history.length - 1];
    expect(s.history.length).toBe(2000);
    expect(s.history.map((p) => p.epoch)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(last.trainAccuracy).toBe(1);
    expect(last.trainCost).toBeLessThan(0.1);
    const firstPerfect = s.history.find((p) => p.trainAccuracy === 1)?.epoch;
    console.log(`XOR (2-4-1 tanh/sigmoid, SGD lr 0.5, batch 4): 100% train accuracy first at epoch ${firstPerfect}`);
    expect(s.data?.train.x.length).toBe(4);
  });

  it('logs once which kernels the worker runs its products on', async () => {
    const host = createHost(worker.path);
    const s = session(xorModel({ epochs: 50 }), host);
    s.train();
    await waitFor(s, () => s.state === 'finished', 'XOR to finish');
    expect(host.logs.filter((line) => line.endsWith(kernelsMessage('wasm-simd')))).toHaveLength(1);
  });

  it('stops advancing epochs when paused', async () => {
    const s = session(spiralModel());
    s.train();
    await waitFor(s, () => s.state === 'training' && epochOf(s) > 2, 'training to start');
    s.pause();
    await waitFor(s, () => s.state === 'paused', 'the pause');
    const epoch = epochOf(s);
    const points = s.history.length;
    await sleep(400);
    expect(epochOf(s)).toBe(epoch);
    expect(s.history.length).toBe(points);
    expect(s.history[s.history.length - 1].epoch).toBe(epoch);
  });

  it('advances exactly one epoch per step', async () => {
    const s = session(spiralModel());
    s.step();
    await waitFor(s, () => epochOf(s) === 1, 'the first step');
    expect(s.history.map((p) => p.epoch)).toEqual([1]);
    s.step();
    s.step();
    await waitFor(s, () => epochOf(s) === 3, 'two more steps');
    await sleep(200);
    expect(s.history.map((p) => p.epoch)).toEqual([1, 2, 3]);
    expect(s.state).toBe('paused');
  });

  it('keeps health over time beside the losses, and a reset empties both', async () => {
    const s = session(spiralModel());
    s.train();
    await waitFor(s, () => epochOf(s) >= 5 && s.health.length >= 2, 'five epochs with health samples');
    s.pause();
    await waitFor(s, () => s.state === 'paused', 'the pause');
    const epochs = s.health.map((h) => h.epoch);
    // One sample per epoch end seen, oldest first, none past the last epoch trained.
    expect(epochs).toEqual([...new Set(epochs)].sort((a, b) => a - b));
    expect(epochs.at(-1)).toBeLessThanOrEqual(epochOf(s));
    expect(s.health[0]!.layers.length).toBe(spiralLayerCount);
    s.reset();
    await waitFor(s, () => s.history.length === 0 && s.state === 'idle', 'the reset');
    expect(s.health).toEqual([]);
  });

  it('resets to the same initial weights: the first epoch has the same loss again', async () => {
    const s = session(spiralModel());
    const changes = recordChanges(s);
    s.train();
    await waitFor(s, () => epochOf(s) >= 5, 'five epochs');
    s.pause();
    const firstRun = s.history[0];
    s.reset();
    await waitFor(s, () => s.history.length === 0 && s.state === 'idle' && s.latest?.epoch === 0, 'the reset');
    expect(changes).toContainEqual({ kind: 'model', reset: true, reason: 'Reset: re-initialised from the seed.' });
    s.step();
    await waitFor(s, () => s.history.length === 1, 'one epoch after the reset');
    expect(s.history[0]).toEqual(firstRun);
  });

  it('sends parameters and the decision boundary for small networks, a few times a second', async () => {
    const small = session(spiralModel({ units: 8 }));
    const withDiagram: number[] = [];
    let snapshots = 0;
    small.onDidChange((change) => {
      if (change.kind !== 'snapshot' || small.latest?.state !== 'training') return;
      snapshots += 1;
      if (small.latest.boundary) withDiagram.push(performance.now());
    });
    const started = performance.now();
    small.train();
    await waitFor(small, () => snapshots >= 30, 'thirty snapshots');
    small.pause();
    const latest = small.latest!;
    expect(withDiagram.length).toBeGreaterThan(0);
    // At most one diagram per 200 ms: fewer diagrams than snapshots, spaced out.
    expect(withDiagram.length).toBeLessThan(snapshots);
    // Each was sent at least 200 ms after the one before it, and before it arrived: arrival times
    // bunch up on a loaded machine, so the bound is on the count since Train, not on each gap.
    expect(withDiagram.length).toBeLessThanOrEqual(Math.floor(((withDiagram.at(-1) as number) - started) / 200) + 1);
    await waitFor(small, () => small.state === 'paused', 'the pause');
    // The snapshot that ends training always carries them, current to its epoch.
    const paused = small.latest!;
    expect(paused.parameters?.layers.map((l) => [l.inputs, l.units])).toEqual([[2, 8], [8, 8], [8, 1]]);
    expect(paused.parameters?.layers[0].weights).toHaveLength(16);
    expect(paused.boundary?.values).toHaveLength(48 * 48);
    expect(latest.health?.layers).toHaveLength(3);

    // 2-64-64-64-1 has 8,577 parameters: summaries only, never the weights.
    const big = session(spiralModel({ units: 64, hidden: 3 }));
    big.step();
    await waitFor(big, () => big.history.length === 1, 'one epoch');
    expect(big.latest?.parameters).toBeUndefined();
    expect(big.latest?.boundary).toBeUndefined();
    expect(big.latest?.health?.layers).toHaveLength(4);
  });

  it('answers gradient checks, weight exports and unit grids', async () => {
    const s = session(xorModel());
    const check = await s.gradientCheck();
    expect(check.maxRelativeError).toBeLessThan(1e-4);
    expect(check.parameters).toBe(17);
    const file = await s.exportWeights();
    expect(file.shape).toEqual([2, 4, 1]);
    const grid = await s.unitGrid(0, 2, 10);
    expect(grid.values).toHaveLength(100);
    // tanh units: every value of the unit's output lies in (−1, 1), and they are not all equal.
    expect(grid.values.every((v) => v > -1 && v < 1)).toBe(true);
    expect(new Set(grid.values).size).toBeGreaterThan(1);
  });
});

describe('editing the text while it trains', () => {
  it('applies a learning-rate change on the fly without losing epochs', async () => {
    const s = session(spiralModel({ learningRate: 0.1 }));
    const changes = recordChanges(s);
    s.train();
    await waitFor(s, () => epochOf(s) >= 10, 'ten epochs');
    // A learning rate of 1e-12 freezes the weights: if it applies, the cost stops changing.
    s.updateText(spiralModel({ learningRate: 1e-12 }));
    const editedAt = epochOf(s);
    // The worker may run a snapshot's worth of epochs before the edit reaches it: wait well past that.
    await waitFor(s, () => epochOf(s) >= editedAt + 300, 'three hundred more epochs');
    s.pause();
    expect(s.history[0].epoch).toBe(1);
    expect(s.history.map((p) => p.epoch)).toEqual(Array.from({ length: s.history.length }, (_, i) => i + 1));
    expect(changes.some((c) => c.kind === 'model' && c.reset)).toBe(false);
    const before = s.history.slice(0, 10).map((p) => p.trainCost);
    const after = s.history.slice(-10).map((p) => p.trainCost);
    expect(Math.max(...before) - Math.min(...before)).toBeGreaterThan(1e-4);
    expect(Math.max(...after) - Math.min(...after)).toBeLessThan(1e-6);
  });

  it('resets on an activation change and says why', async () => {
    const s = session(spiralModel({ activation: 'tanh' }));
    const changes = recordChanges(s);
    s.train();
    await waitFor(s, () => epochOf(s) >= 10, 'ten epochs');
    s.updateText(spiralModel({ activation: 'relu' }));
    await waitFor(s, () => changes.some((c) => c.kind === 'model' && c.reset), 'the reset');
    const reset = changes.find((c) => c.kind === 'model' && c.reset);
    expect(reset).toMatchObject({ reason: expect.stringMatching(/activation of layers\[0\] changed \(tanh → relu\)/) });
    // It keeps training the new network, from epoch 1.
    await waitFor(s, () => s.history.length > 0 && s.state === 'training', 'the new run');
    expect(s.history[0].epoch).toBe(1);
    expect(s.latest?.health?.layers[0].activation).toBe('relu');
  });

  it('pauses on an invalid edit, keeps every epoch, and resumes when the text is valid again', async () => {
    const text = spiralModel();
    const s = session(text);
    s.train();
    await waitFor(s, () => epochOf(s) >= 5, 'five epochs');
    s.updateText(text.replace('"layers"', '"layers" oops'));
    expect(s.parse.spec).toBeUndefined();
    expect(s.problems.some((p) => p.source === 'parse' && p.severity === 'error')).toBe(true);
    await waitFor(s, () => s.state === 'paused', 'the pause');
    const kept = s.history.length;
    expect(kept).toBeGreaterThanOrEqual(5);
    await sleep(200);
    expect(s.history.length).toBe(kept);
    s.updateText(text);
    await waitFor(s, () => s.state === 'training' && s.history.length > kept, 'training to resume');
    expect(s.history[0].epoch).toBe(1);
  });
});

describe('refusing and stopping', () => {
  it('refuses a network of 10 layers × 4,096 units, naming its parameter count', async () => {
    const text = JSON.stringify({
      name: 'huge',
      data: { generator: 'circle' },
      layers: [...Array.from({ length: 10 }, () => ({ units: 4096, activation: 'relu' })), { units: 1, activation: 'sigmoid' }],
      loss: 'cross-entropy',
    });
    const host = createHost(worker.path);
    const s = session(text, host);
    s.train();
    // 2·4096+4096 + 9·(4096²+4096) + 4096+1
    const count = (2 * 4096 + 4096 + 9 * (4096 * 4096 + 4096) + 4096 + 1).toLocaleString('en-US');
    await waitFor(s, () => s.problems.some((p) => p.code === 'too-many-parameters'), 'the refusal');
    const problem = s.problems.find((p) => p.code === 'too-many-parameters');
    expect(problem?.message).toContain(`${count} parameters`);
    expect(problem?.severity).toBe('error');
    await expect(s.exportWeights()).rejects.toThrow(count);
    expect(s.state).toBe('idle');
    expect(host.logs.some((line) => line.includes('worker started'))).toBe(false);
  });

  it('stops a diverging run and names the layer', async () => {
    // Linear output, MSE, learning rate 100: every step overshoots further, until NaN.
    const text = JSON.stringify({
      name: 'diverge',
      data: { generator: 'plane', samples: 200, noise: 0.1 },
      layers: [
        { units: 8, activation: 'relu' },
        { units: 1, activation: 'linear' },
      ],
      loss: 'mse',
      training: { optimizer: 'sgd', learningRate: 100, batchSize: 10, epochs: 5000 },
    });
    const s = session(text);
    s.train();
    await waitFor(s, () => s.state === 'diverged', 'divergence');
    expect(s.latest?.message).toMatch(/Training diverged at epoch \d+/);
    expect(s.latest?.message).toMatch(/layers\[[01]\]/);
    const epoch = epochOf(s);
    await sleep(200);
    expect(epochOf(s)).toBe(epoch);
  });

  it('reports a missing CSV as a problem on the data, without a worker', async () => {
    const text = JSON.stringify({
      name: 'csv',
      data: { csv: 'missing.csv', target: 'label' },
      layers: [{ units: 1, activation: 'sigmoid' }],
      loss: 'cross-entropy',
    });
    const host = createHost(worker.path);
    const s = session(text, host);
    s.train();
    await waitFor(s, () => s.problems.some((p) => p.code === 'csv-unreadable'), 'the data problem');
    expect(s.problems.find((p) => p.code === 'csv-unreadable')?.message).toContain('missing.csv');
    expect(host.logs.some((line) => line.includes('worker started'))).toBe(false);
  });

  it('trains from a CSV read through the host', async () => {
    const rows = ['a,b,label'];
    // A text target makes classes (issue 3: a numeric target column is regression).
    for (let i = 0; i < 40; i++) rows.push(`${(i % 7) / 7},${(i % 5) / 5},${(i % 7) / 7 > 0.5 ? 'high' : 'low'}`);
    const host = createHost(worker.path, { 'points.csv': rows.join('\n') });
    const text = JSON.stringify({
      name: 'csv',
      data: { csv: 'points.csv', target: 'label', testFraction: 0.25 },
      layers: [{ units: 1, activation: 'sigmoid' }],
      loss: 'cross-entropy',
      training: { epochs: 20 },
    });
    const s = session(text, host);
    s.train();
    await waitFor(s, () => s.state === 'finished', 'the CSV run');
    expect(s.data?.featureNames).toEqual(['a', 'b']);
    expect(s.data!.train.x.length + s.data!.test.x.length).toBe(40);
  });
});

describe('runs that end, saved weights and settings', () => {
  it('continues a finished run when an edit raises its epochs, and restarts one that is over', async () => {
    const s = session(xorModel({ epochs: 50 }));
    const changes = recordChanges(s);
    s.train();
    await waitFor(s, () => s.state === 'finished' && epochOf(s) === 50, 'fifty epochs');
    s.updateText(xorModel({ epochs: 80 }));
    await waitFor(s, () => s.state === 'paused' && s.latest?.epochs === 80, 'the raised target');
    s.train();
    await waitFor(s, () => s.state === 'finished' && epochOf(s) === 80, 'eighty epochs');
    expect(s.history.map((p) => p.epoch)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(changes.some((c) => c.kind === 'model' && c.reset)).toBe(false);
    // Train on a run that is over starts again from the seed, and says so.
    s.train();
    await waitFor(s, () => changes.some((c) => c.kind === 'model' && c.reset), 'the restart');
    expect(changes.find((c) => c.kind === 'model' && c.reset)).toMatchObject({ reason: expect.stringMatching(/finished/) });
    await waitFor(s, () => s.state === 'finished' && epochOf(s) === 80, 'the second run');
    expect(s.history.length).toBe(80);
  });

  it('starts the first run from saved weights, and Reset goes back to the seed', async () => {
    const trained = session(xorModel({ epochs: 500 }));
    trained.train();
    await waitFor(trained, () => trained.state === 'finished', 'the first model to train');
    const weights = await trained.exportWeights();
    const fresh = session(xorModel());
    fresh.step();
    await waitFor(fresh, () => fresh.history.length === 1, 'a fresh epoch');
    const host = createHost(worker.path);
    host.weights = weights;
    const loaded = session(xorModel(), host);
    loaded.step();
    await waitFor(loaded, () => loaded.history.length === 1, 'an epoch from the saved weights');
    // Trained weights: the first epoch's loss is near the trained one, far below a fresh start's.
    expect(loaded.history[0].trainCost).toBeLessThan(fresh.history[0].trainCost / 5);
    loaded.reset();
    await waitFor(loaded, () => loaded.latest?.epoch === 0 && loaded.history.length === 0, 'the reset');
    loaded.step();
    await waitFor(loaded, () => loaded.history.length === 1, 'an epoch from the seed');
    expect(loaded.history[0]).toEqual(fresh.history[0]);
  });

  it('reports saved weights of another shape and starts from the seed', async () => {
    const host = createHost(worker.path);
    host.weights = { format: 'nn-playground-weights', version: 1, shape: [2, 3, 1], layers: [] };
    const s = session(xorModel(), host);
    s.step();
    await waitFor(s, () => s.history.length === 1, 'one epoch');
    await waitFor(s, () => s.problems.some((p) => p.code === 'weights-not-loaded'), 'the weights problem');
    expect(s.problems.find((p) => p.code === 'weights-not-loaded')?.severity).toBe('info');
  });

  it('restarts a diverged run when the learning rate is lowered', async () => {
    const model = (learningRate: number) =>
      JSON.stringify({
        data: { generator: 'plane', samples: 100, noise: 0.1 },
        layers: [{ units: 8, activation: 'relu' }, { units: 1, activation: 'linear' }],
        loss: 'mse',
        training: { optimizer: 'sgd', learningRate, batchSize: 10, epochs: 200 },
      });
    const s = session(model(100));
    const changes = recordChanges(s);
    s.train();
    await waitFor(s, () => s.state === 'diverged', 'divergence');
    expect(s.problems.some((p) => p.code === 'divergence' && p.severity === 'error')).toBe(true);
    s.updateText(model(0.01));
    await waitFor(s, () => changes.some((c) => c.kind === 'model' && c.reset), 'the restart');
    expect(changes.find((c) => c.kind === 'model' && c.reset)).toMatchObject({ reason: expect.stringMatching(/diverged.*learningRate/) });
    s.train();
    await waitFor(s, () => s.state === 'finished', 'the new run');
    expect(s.history.every((p) => Number.isFinite(p.trainCost))).toBe(true);
    expect(s.problems.some((p) => p.code === 'divergence')).toBe(false);
  });

  it('uses the default epoch count from the settings when the file has none, and re-reads settings on request', async () => {
    const host = createHost(worker.path);
    host.currentSettings.defaultMaxEpochs = 25;
    const text = xorModel().replace(/,\s*"epochs": \d+/, '');
    expect(text).not.toContain('epochs');
    const s = session(text, host);
    s.train();
    await waitFor(s, () => s.state === 'finished', 'the run');
    expect(epochOf(s)).toBe(25);
    host.currentSettings.maxParameters = 10;
    s.applySettings();
    await waitFor(s, () => s.problems.some((p) => p.code === 'too-many-parameters'), 'the lower limit');
    expect(s.problems.find((p) => p.code === 'too-many-parameters')?.message).toContain('17 parameters, above the limit of 10');
  });
});
