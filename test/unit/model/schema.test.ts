// schemas/nn.schema.json: every example validates against it, it rejects what the parser rejects,
// its enums and defaults are the engine's and the parser's, and every field explains itself.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, test } from 'vitest';
import { ACTIVATIONS, BUNDLED_DATASETS, DROPOUT_MODES, GENERATORS, INIT_DISTRIBUTIONS, LOSSES, OPTIMIZERS, REGULARIZATIONS } from '../../../src/engine/types';
import { DEFAULTS } from '../../../src/model/index';
import { XOR_TEXT, model } from './helpers';
import { propertySchemas, validate } from './json-schema-check';

const root = join(__dirname, '../../..');
const schema = JSON.parse(readFileSync(join(root, 'schemas/nn.schema.json'), 'utf8'));
const defs = schema.definitions;

function examples(): { file: string; text: string }[] {
  const dir = join(root, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.nn.json'))
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

test('the schema is draft-07', () => {
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
});

test('every example validates', () => {
  const all = examples();
  expect(all.length).toBeGreaterThanOrEqual(10);
  for (const { file, text } of all) expect(validate(schema, parseJsonc(text)), file).toEqual([]);
});

test('the issue example validates', () => {
  expect(validate(schema, parseJsonc(XOR_TEXT))).toEqual([]);
});

test('the checker can fail: invalid models are rejected', () => {
  const bad = [
    { data: { generator: 'xor' }, layers: [] },
    { data: { generator: 'xorr' }, layers: [{ units: 1 }] },
    { data: { generator: 'xor', dataset: 'iris' }, layers: [{ units: 1 }] },
    { data: { generator: 'xor' }, layers: [{ units: 0 }] },
    { data: { generator: 'xor' }, layers: [{ units: 1, activation: 'sigmod' }] },
    { data: { generator: 'xor' }, layers: [{ units: 1, dropout: 1 }] },
    { data: { generator: 'xor' }, layers: [{ units: 1 }], training: { learningRate: 0 } },
    { data: { generator: 'xor' }, layers: [{ units: 1 }], init: 'glorot' },
    { data: { generator: 'xor' }, layers: [{ units: 1 }], init: { std: 1 } },
    { data: { csv: 'a.csv' }, layers: [{ units: 1 }] },
    { layers: [{ units: 1 }] },
  ];
  for (const value of bad) expect(validate(schema, value), JSON.stringify(value)).not.toEqual([]);
});

describe('agrees with the code', () => {
  test('enums are the engine vocabulary', () => {
    expect(defs.layer.properties.activation.enum).toEqual([...ACTIVATIONS]);
    expect(schema.properties.loss.enum).toEqual([...LOSSES]);
    expect(defs.initName.enum).toEqual([...INIT_DISTRIBUTIONS]);
    expect(defs.initObject.properties.distribution.enum).toEqual([...INIT_DISTRIBUTIONS]);
    const training = schema.properties.training.properties;
    expect(training.optimizer.enum).toEqual([...OPTIMIZERS]);
    expect(training.dropoutMode.enum).toEqual([...DROPOUT_MODES]);
    expect(training.regularization.oneOf[0].enum).toEqual([...REGULARIZATIONS]);
    expect(defs.generatorData.properties.generator.enum).toEqual([...GENERATORS]);
    expect(defs.datasetData.properties.dataset.enum).toEqual([...BUNDLED_DATASETS]);
  });

  test('enum descriptions line up with the enums', () => {
    for (const { path, schema: s } of propertySchemas(schema)) {
      if (s.enumDescriptions !== undefined) expect((s.enumDescriptions as string[]).length, path).toBe((s.enum as string[]).length);
    }
  });

  test('defaults are the parser\'s', () => {
    const training = schema.properties.training.properties;
    expect(schema.properties.seed.default).toBe(DEFAULTS.seed);
    expect(schema.properties.name.default).toBe(DEFAULTS.name);
    expect(schema.properties.init.default).toBe(DEFAULTS.init.distribution);
    expect(training.optimizer.default).toBe(DEFAULTS.training.optimizer);
    expect(training.learningRate.default).toBe(DEFAULTS.training.learningRate);
    expect(training.batchSize.default).toBe(DEFAULTS.training.batchSize);
    expect(training.epochs.default).toBe(DEFAULTS.training.epochs);
    expect(training.momentum.default).toBe(DEFAULTS.training.momentum);
    expect(training.beta1.default).toBe(DEFAULTS.training.beta1);
    expect(training.beta2.default).toBe(DEFAULTS.training.beta2);
    expect(training.epsilon.default).toBe(DEFAULTS.training.epsilon);
    expect(training.dropoutMode.default).toBe(DEFAULTS.training.dropoutMode);
    expect(training.regularization.default).toBe(DEFAULTS.training.regularization.type);
    expect(training.regularization.oneOf[1].properties.lambda.default).toBe(DEFAULTS.training.lambda);
    expect(defs.layer.properties.dropout.default).toBe(DEFAULTS.dropout);
    expect(defs.initObject.properties.std.default).toBe(DEFAULTS.gaussian.std);
    expect(defs.initObject.properties.mean.default).toBe(DEFAULTS.gaussian.mean);
    expect(defs.initObject.properties.limit.default).toBe(DEFAULTS.uniform.limit);
    for (const form of ['generatorData', 'datasetData', 'inlineData', 'csvData']) {
      expect(defs[form].properties.testFraction.default).toBe(DEFAULTS.data.testFraction);
      expect(defs[form].properties.standardize.default).toBe(DEFAULTS.data.standardize);
    }
    expect(defs.generatorData.properties.samples.default).toBe(DEFAULTS.data.samples);
    expect(defs.generatorData.properties.noise.default).toBe(DEFAULTS.data.noise);
  });

  test('a model valid for the parser is valid for the schema', () => {
    const text = model({ data: { generator: 'spiral', classes: 3 }, layers: [{ units: 8, init: { distribution: 'gaussian', std: 0.5 } }, { units: 3, activation: 'softmax' }], training: { regularization: 'l2' } });
    expect(validate(schema, parseJsonc(text))).toEqual([]);
  });
});

test('every field has a description and a markdown description', () => {
  const all = propertySchemas(schema);
  expect(all.length).toBeGreaterThan(40);
  for (const { path, schema: s } of all) {
    if (path.endsWith('.$schema')) continue;
    expect(typeof s.description, path).toBe('string');
    expect(typeof s.markdownDescription, path).toBe('string');
    expect((s.description as string).length, path).toBeGreaterThan(15);
  }
});

test('descriptions teach the theory', () => {
  const text = JSON.stringify(schema);
  for (const idea of ['3σ rule', 'saturation zone', 'weight decay', 'keep probability', 'overfitting', 'linearly separable', 'w ← w − lr·∂L/∂w']) expect(text).toContain(idea);
});
