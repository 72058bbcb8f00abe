// Save Trained Weights never overwrites a sidecar the person did not agree to replace, asks only
// when there is something to lose, and never writes the model itself.
import { describe, expect, it } from 'vitest';
import { MODEL_SUFFIX, weightsSidecarPath } from '../../../src/editor/model-paths';
import { replaceAction, replaceQuestion, saveReport, saveWeightsFile, shouldWrite, type SaveSteps } from '../../../src/editor/save-weights';
import { sidecarRefusal, type SidecarTarget } from '../../../src/session/sidecar';

const OWN = JSON.stringify({ format: 'nn-playground-weights', version: 1, shape: [2, 1], layers: [] });

/** A sidecar on a fake disk, and a person who answers the question with `answer`. */
function fakeSave(existing: string | undefined, answer: string | undefined, target?: SidecarTarget) {
  const state = { contents: existing, questions: 0, writes: 0 };
  const found: SidecarTarget = target ?? (existing === undefined ? { kind: 'absent' } : { kind: 'file', text: OWN });
  const steps: SaveSteps = {
    refusal: () => Promise.resolve(sidecarRefusal(found, 'xor.weights.json')),
    exists: () => Promise.resolve(state.contents !== undefined),
    askReplace: () => {
      state.questions++;
      return Promise.resolve(answer);
    },
    write: () => {
      state.writes++;
      state.contents = 'new weights';
      return Promise.resolve();
    },
  };
  return { state, steps };
}

describe('saving weights beside a model', () => {
  it('writes a new sidecar without asking', async () => {
    const { state, steps } = fakeSave(undefined, undefined);
    expect(await saveWeightsFile(steps)).toBe('created');
    expect(state).toEqual({ contents: 'new weights', questions: 0, writes: 1 });
  });

  it('replaces an existing sidecar only after Replace', async () => {
    const { state, steps } = fakeSave('old weights', replaceAction());
    expect(await saveWeightsFile(steps)).toBe('replaced');
    expect(state).toEqual({ contents: 'new weights', questions: 1, writes: 1 });
  });

  it('leaves an existing sidecar untouched on Cancel, Escape or any other answer', async () => {
    // A modal's Cancel button, Escape and closing the dialog all resolve to undefined.
    for (const answer of [undefined, 'Cancel', 'replace', '']) {
      const { state, steps } = fakeSave('old weights', answer);
      expect(await saveWeightsFile(steps), String(answer)).toBe('kept');
      expect(state, String(answer)).toEqual({ contents: 'old weights', questions: 1, writes: 0 });
    }
  });

  it('decides from existence and answer alone', () => {
    expect(shouldWrite(false, undefined)).toBe(true);
    expect(shouldWrite(true, replaceAction())).toBe(true);
    expect(shouldWrite(true, undefined)).toBe(false);
    expect(shouldWrite(true, 'Cancel')).toBe(false);
  });

  it('asks naming the file, the model, and where it is', () => {
    const question = replaceQuestion('xor.weights.json', 'xor.nn.json', 'examples/xor.weights.json');
    expect(question.message).toContain('xor.weights.json already exists');
    expect(question.message).toContain('xor.nn.json');
    expect(question.detail).toContain('examples/xor.weights.json');
    expect(question.detail).toContain('xor.nn.json itself is not changed');
  });

  it('says afterwards where the weights went', () => {
    expect(saveReport('created', 'xor.nn.json', 'examples/xor.weights.json')).toBe('Saved the trained weights of xor.nn.json to examples/xor.weights.json.');
    expect(saveReport('replaced', 'xor.nn.json', 'examples/xor.weights.json')).toBe('Replaced examples/xor.weights.json with the trained weights of xor.nn.json.');
    expect(saveReport('kept', 'xor.nn.json', 'examples/xor.weights.json')).toContain('Kept examples/xor.weights.json as it was');
  });
});

describe('a sidecar that is not ours to write', () => {
  it('is never written through a link, onto a folder, a device or someone else\'s file, and the person is told why', async () => {
    const cases: [SidecarTarget, RegExp][] = [
      [{ kind: 'symlink' }, /xor\.weights\.json is a symbolic link, and weights are never written through a link/],
      [{ kind: 'directory' }, /xor\.weights\.json is a folder/],
      [{ kind: 'other' }, /xor\.weights\.json is not a regular file/],
      [{ kind: 'file', text: '{"my": "notes"}' }, /xor\.weights\.json exists and is not an nn-playground weights file, so it is left as it is/],
      [{ kind: 'file', text: 'not json' }, /is not an nn-playground weights file/],
    ];
    for (const [target, message] of cases) {
      const { state, steps } = fakeSave('theirs', replaceAction(), target);
      const outcome = await saveWeightsFile(steps);
      expect(saveReport(outcome, 'xor.nn.json', 'xor.weights.json')).toMatch(message);
      expect(state, target.kind).toEqual({ contents: 'theirs', questions: 0, writes: 0 });
    }
  });

  it('our own sidecar is still offered for replacing', async () => {
    const { state, steps } = fakeSave(OWN, replaceAction());
    expect(await saveWeightsFile(steps)).toBe('replaced');
    expect(state.writes).toBe(1);
  });
});

describe('the sidecar path', () => {
  it('sits next to the model, with the model’s stem', () => {
    expect(weightsSidecarPath('/work/examples/xor.nn.json')).toBe('/work/examples/xor.weights.json');
    expect(weightsSidecarPath('/w/My Model.NN.JSON')).toBe('/w/My Model.weights.json');
    expect(weightsSidecarPath('/w/data.json')).toBe('/w/data.weights.json');
  });

  it('is never the model’s own path, so a save cannot overwrite the model', () => {
    const paths = ['/a/xor.nn.json', '/a/x.weights.json', '/a/x.weights.nn.json', '/a/.nn.json', '/a/b', '/a/b.JSON', `/a/${MODEL_SUFFIX}${MODEL_SUFFIX}`];
    for (const path of paths) expect(weightsSidecarPath(path), path).not.toBe(path);
  });
});
