// CSV bytes -> text (src/engine/data/encoding.ts), the one step the CLI, the desktop host and the
// browser host share. Checked against the fixture test/fixtures/iris-zh: the same table saved as
// GB18030 (what Chinese Excel writes) and as UTF-8 with a byte-order mark, so the two byte
// sequences differ and only a correct decoding makes them the same text.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { csvEncoding, decodeCsv, detectCsvEncoding, makeDataset } from '../../../src/engine/index';
import { checkCsv, toTrainerInputs } from '../../../src/model/index';
import { codes, expectRangeAt, model, only, parse } from '../model/helpers';

const fixtures = join(__dirname, '../../fixtures/iris-zh');
const gb18030 = readFileSync(join(fixtures, 'iris-gb18030.csv'));
const utf8Bom = readFileSync(join(fixtures, 'iris-utf8-bom.csv'));
const HEADER = '花萼长度,花萼宽度,花瓣长度,花瓣宽度,品种';
const softmax3 = [{ units: 8, activation: 'tanh' }, { units: 3, activation: 'softmax' }];

describe('decoding a CSV file', () => {
  test('the fixtures are really two encodings: GB18030 has no BOM, two bytes per character; UTF-8 starts with EF BB BF', () => {
    expect([...gb18030.subarray(0, 4)]).toEqual([0xbb, 0xa8, 0xdd, 0xe0]); // 花萼 in GB2312/GBK/GB18030
    expect([...utf8Bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(gb18030.length).toBeLessThan(utf8Bom.length);
  });

  test('without an encoding, each is detected and both give the same text, the BOM dropped', () => {
    expect(detectCsvEncoding(gb18030)).toBe('gb18030');
    expect(detectCsvEncoding(utf8Bom)).toBe('utf-8');
    expect(detectCsvEncoding(new TextEncoder().encode('x,y\n1,2\n'))).toBe('utf-8');
    const fromGb = decodeCsv(gb18030);
    expect(fromGb.split('\n')[0]).toBe(HEADER);
    expect(decodeCsv(utf8Bom)).toBe(fromGb);
    expect(fromGb.charCodeAt(0)).not.toBe(0xfeff);
  });

  test('a named encoding is used as named: GB18030 bytes read as UTF-8 are replacement characters', () => {
    expect(decodeCsv(gb18030, 'gb18030')).toBe(decodeCsv(utf8Bom));
    const wrong = decodeCsv(gb18030, 'utf-8');
    expect(wrong).toContain('\ufffd');
    expect(wrong).not.toContain('花萼');
  });

  test('"gbk" is read as its superset GB18030; "utf-8" and "gb18030" as themselves', () => {
    expect([csvEncoding('gbk'), csvEncoding('gb18030'), csvEncoding('utf-8')]).toEqual(['gb18030', 'gb18030', 'utf-8']);
  });
});

describe('"encoding" in the data section', () => {
  test('absent, the spec has none; "gbk" is carried as gb18030', () => {
    expect(parse(model({ data: { csv: 'a.csv', target: '品种' }, layers: softmax3 })).spec?.data).not.toHaveProperty('encoding');
    const r = parse(model({ data: { csv: 'a.csv', target: '品种', encoding: 'gbk' }, layers: softmax3 }));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.spec?.data).toMatchObject({ kind: 'csv', encoding: 'gb18030' });
  });

  test('an unknown name is a problem on the value, with a did-you-mean and the known names', () => {
    const text = model({ data: { csv: 'a.csv', target: '品种', encoding: 'gb-18030' }, layers: softmax3 });
    const r = parse(text);
    const p = only(r, 'unknown-encoding');
    expectRangeAt(text, p.range, '"gb-18030"');
    expect(p.message).toMatch(/^Unknown encoding "gb-18030"\. Did you mean "gb18030"\? Known: utf-8, gb18030, gbk\./);
    expect(r.spec).toBeUndefined();
  });

  test('not text: a type error on the value', () => {
    const text = model({ data: { csv: 'a.csv', target: '品种', encoding: 936 }, layers: softmax3 });
    expectRangeAt(text, only(parse(text), 'wrong-type').range, '936', '"encoding":');
  });

  test('for a generator it is an unknown field', () => {
    expect(codes(parse(model({ data: { generator: 'xor', encoding: 'gbk' }, layers: softmax3 })))).toContain('unknown-field');
  });
});

describe('Chinese column names and class labels', () => {
  const text = decodeCsv(gb18030);

  test('the table keeps the Chinese names: features in header order, classes in order of appearance', () => {
    const r = parse(model({ data: { csv: 'iris-gb18030.csv', target: '品种', testFraction: 0.3 }, layers: softmax3, loss: 'cross-entropy' }));
    expect(checkCsv(r, text)).toEqual([]);
    const inputs = toTrainerInputs(r.spec!, text);
    const built = makeDataset(inputs.data, inputs.dataOptions, inputs.options.seed);
    expect(built.featureNames).toEqual(['花萼长度', '花萼宽度', '花瓣长度', '花瓣宽度']);
    expect(built.classNames).toEqual(['山鸢尾', '变色鸢尾', '维吉尼亚鸢尾']);
    expect(built.train.n + built.test.n).toBe(150);
  });

  test('a misspelt Chinese column is named as written, with the real one suggested', () => {
    const model1 = model({ data: { csv: 'iris-gb18030.csv', target: '品类', features: ['花萼长度', '花瓣宽'] }, layers: softmax3 });
    const problems = checkCsv(parse(model1), text);
    expect(problems.map((p) => p.code)).toEqual(['csv-missing-column', 'csv-missing-column']);
    expect(problems[0].message).toContain('"品类"');
    expect(problems[1].message).toContain('"花瓣宽"');
    expect(problems[1].message).toContain('Did you mean "花瓣宽度"?');
    expectRangeAt(model1, problems[1].range, '"花瓣宽"');
  });
});
