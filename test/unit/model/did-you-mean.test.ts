import { expect, test } from 'vitest';
import { didYouMean, editDistance } from '../../../src/model/index';

test('edit distance counts insertions, deletions, substitutions and swaps', () => {
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('kitten', 'sitting')).toBe(3);
  expect(editDistance('sigmiod', 'sigmoid')).toBe(1);
  expect(editDistance('abc', 'abc')).toBe(0);
});

test('suggestions fold case, dashes and underscores', () => {
  const keys = ['learningRate', 'batchSize', 'epochs'];
  expect(didYouMean('learning_rate', keys)).toBe('learningRate');
  expect(didYouMean('BatchSize', keys)).toBe('batchSize');
  expect(didYouMean('epoch', keys)).toBe('epochs');
  expect(didYouMean('leaky_relu', ['relu', 'leaky-relu'])).toBe('leaky-relu');
});

test('aliases from other libraries', () => {
  expect(didYouMean('lr', ['learningRate', 'batchSize'])).toBe('learningRate');
  expect(didYouMean('Glorot', ['xavier', 'he'])).toBe('xavier');
  expect(didYouMean('logistic', ['sigmoid', 'tanh'])).toBe('sigmoid');
});

test('no guess when nothing is close', () => {
  expect(didYouMean('banana', ['sigmoid', 'tanh', 'relu'])).toBeUndefined();
  expect(didYouMean('', ['a'])).toBeUndefined();
  expect(didYouMean('xyz', ['xor'])).toBeUndefined();
});
