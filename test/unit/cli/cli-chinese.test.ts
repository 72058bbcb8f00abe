// `nn-playground check` in Chinese: the built bundle run as a process under LANG=zh_CN.UTF-8 and
// under LANG=C on the same models. Each problem keeps its place (file:line:column, severity, code)
// and its sentence follows the language: parser errors (JSON syntax, unknown fields and names, the
// CSV's columns and encoding), a static rule's message and the summary line.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildWasmPlugin } from '../../../scripts/wasm.mjs';
import { beforeAll, describe, expect, test } from 'vitest';

const root = join(__dirname, '../../..');
let bundle = '';
let dir = '';

const MODELS: Record<string, string> = {
  // A warning from the parser (a misspelt field) and one from a static rule (a linear hidden layer).
  'warnings.nn.json': '{\n  "data": { "generator": "xor", "samples": 200, "encodng": "gbk" },\n  "layers": [\n    { "units": 4, "activation": "linear" },\n    { "units": 1, "activation": "sigmoid" }\n  ],\n  "loss": "cross-entropy"\n}\n',
  'syntax.nn.json': '{\n  "data": { "generator": "xor" },\n  "layers": [{ "units": 1, "activation": "sigmoid" }]\n  "loss": "mse"\n}\n',
  'encoding.nn.json': '{\n  "data": { "csv": "iris-gb18030.csv", "target": "品种", "encoding": "latin1" },\n  "layers": [{ "units": 3, "activation": "softmax" }]\n}\n',
  'column.nn.json': '{\n  "data": { "csv": "iris-gb18030.csv", "target": "品类" },\n  "layers": [{ "units": 3, "activation": "softmax" }]\n}\n',
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nn-cli-zh-'));
  bundle = join(dir, 'cli.js');
  await build({ entryPoints: [join(root, 'src/cli/main.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'error', plugins: [esbuildWasmPlugin] });
  for (const [name, text] of Object.entries(MODELS)) writeFileSync(join(dir, name), text);
  copyFileSync(join(root, 'test/fixtures/iris-zh/iris-gb18030.csv'), join(dir, 'iris-gb18030.csv'));
});

function check(lang: string, file: string) {
  const r = spawnSync(process.execPath, [bundle, 'check', file], { encoding: 'utf8', cwd: dir, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: lang } });
  return { code: r.status, lines: r.stdout.trimEnd().split('\n'), stderr: r.stderr };
}

/** `file:line:col: severity [code]`: what must not change with the language. */
const place = (line: string) => line.slice(0, line.indexOf(']') + 1);
const HAN = /[\u4e00-\u9fff]/;

describe('check under LANG=zh_CN.UTF-8 and LANG=C', () => {
  const expectations: [string, number, RegExp[], RegExp[]][] = [
    [
      'warnings.nn.json',
      0,
      [/\[unknown-field\] "encodng" 不是数据部分（生成器）的字段，所以被忽略。这里的字段有：/, /\[linear-collapse\] 第 1 个隐藏层是线性的/],
      [/\[unknown-field\] "encodng" is not a field of the data \(a generator\), so it is ignored\. Fields here:/, /\[linear-collapse\] Hidden layer 1 is linear/],
    ],
    ['syntax.nn.json', 1, [/\[syntax-error\] 这两项之间需要一个逗号 ","。/], [/\[syntax-error\] Expected a comma "," between these two entries\./]],
    ['encoding.nn.json', 1, [/\[unknown-encoding\] 未知的 encoding "latin1"。可用的有：utf-8, gb18030, gbk。省略 "encoding" 则由字节决定/], [/\[unknown-encoding\] Unknown encoding "latin1"\. Known: utf-8, gb18030, gbk\. Omit "encoding"/]],
    ['column.nn.json', 1, [/\[csv-missing-column\] CSV 文件 "iris-gb18030\.csv" 中没有目标列 "品类"。你是不是想写 "品种"？它有 5 列。/], [/\[csv-missing-column\] The CSV file "iris-gb18030\.csv" has no target column "品类"\. Did you mean "品种"\? It has 5 columns\./]],
  ];

  for (const [file, code, chinese, english] of expectations) {
    test(`${file}: the same problems in the same places, in Chinese and in English`, () => {
      const zh = check('zh_CN.UTF-8', file);
      const en = check('C', file);
      expect([zh.code, en.code]).toEqual([code, code]);
      expect([zh.stderr, en.stderr]).toEqual(['', '']);
      expect(zh.lines.map(place)).toEqual(en.lines.map(place));
      expect(zh.lines).toHaveLength(chinese.length);
      chinese.forEach((pattern, i) => expect(zh.lines[i]).toMatch(pattern));
      english.forEach((pattern, i) => expect(en.lines[i]).toMatch(pattern));
      // The English messages hold no Chinese of their own (only what the model and the CSV wrote).
      for (const line of en.lines) expect(line.replace(/"[^"]*"/g, '')).not.toMatch(HAN);
    });
  }

  test('the summary line of a model without problems', () => {
    copyFileSync(join(root, 'examples/xor.nn.json'), join(dir, 'xor.nn.json'));
    expect(check('zh_CN.UTF-8', 'xor.nn.json').lines).toEqual(['xor.nn.json：没有问题']);
    expect(check('C', 'xor.nn.json').lines).toEqual(['xor.nn.json: no problems']);
  });
});
