// Files a model names may be hostile: a CSV that is a device, a pipe, too big, or outside the
// model's folder; a weights sidecar that is a symbolic link (to the model itself), a folder, or
// someone else's file. Each ends in a clear message and the right exit code, without reading or
// writing what it must not. These failed before: /dev/zero grew without bound, a FIFO hung, the
// sidecar link was written through and destroyed the model, a sidecar folder exited 2.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCsvFile } from '../../../src/cli/files';
import { MAX_CSV_BYTES } from '../../../src/model/index';
import { runCli } from '../helpers/cli-in-process';

const run = runCli;

const csvModel = (csv: string) => `{\n  "data": { "csv": ${JSON.stringify(csv)}, "target": "y" },\n  "layers": [{ "units": 2, "activation": "tanh" }, { "units": 1, "activation": "linear" }],\n  "training": { "epochs": 2 }\n}\n`;
const XOR = '{\n  "data": { "generator": "xor", "samples": 40 },\n  "layers": [{ "units": 2 }, { "units": 1 }],\n  "training": { "epochs": 2 }\n}\n';

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-hostile-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('CSV files the CLI refuses to read', () => {
  test('a device (/dev/zero) is refused as not a regular file, at the csv path', () => {
    const dir = folder({ 'm.nn.json': csvModel('/dev/zero') });
    const r = run('check', join(dir, 'm.nn.json'), '--allow-data-outside');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/m\.nn\.json:2:\d+: error \[csv-unreadable\] Cannot read the CSV file "\/dev\/zero" \(it is not a regular file/);
  });

  test('a FIFO is refused without opening it (opening would hang)', () => {
    const dir = folder({ 'm.nn.json': csvModel('pipe.csv') });
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    const r = run('check', join(dir, 'm.nn.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[csv-unreadable\] .*pipe\.csv" \(it is not a regular file/);
  });

  test(`a CSV over ${MAX_CSV_BYTES} bytes is refused unread; one at the limit is read`, () => {
    const dir = folder({ 'm.nn.json': csvModel('big.csv'), 'big.csv': 'x,y\n' });
    truncateSync(join(dir, 'big.csv'), MAX_CSV_BYTES + 1); // sparse: no disk, no memory
    const above = run('check', join(dir, 'm.nn.json'));
    expect(above.code).toBe(1);
    expect(above.stdout).toMatch(/\[csv-unreadable\] .*big\.csv" \(it holds 64\.0 MiB; CSV files of at most 64 MiB are read\)/);
    // At the limit exactly it is read (sparse again: the size gate is what is tested here).
    truncateSync(join(dir, 'big.csv'), MAX_CSV_BYTES);
    expect(readCsvFile(join(dir, 'big.csv'), dir).length).toBe(MAX_CSV_BYTES);
  }, 120_000);

  test('a path outside the model folder is refused, and nothing of the file is quoted; the flag allows it', () => {
    const outside = folder({ 'secret.csv': 'root:x:0:0:root:/root:/bin/bash,y\n1,2\n' });
    const dir = folder({ 'm.nn.json': csvModel(join(outside, 'secret.csv')) });
    const relativeDir = folder({ 'sub/m.nn.json': csvModel(`../../${outside.split('/').pop()}/secret.csv`) });
    for (const model of [join(dir, 'm.nn.json'), join(relativeDir, 'sub/m.nn.json')]) {
      const r = run('check', model);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/\[csv-unreadable\] .*it is outside the model's folder .* unless --allow-data-outside is given/);
      expect(r.stdout).not.toMatch(/root:x/);
    }
    const allowed = run('check', join(dir, 'm.nn.json'), '--allow-data-outside');
    expect(allowed.stdout).not.toMatch(/csv-unreadable/);
    expect(allowed.stdout).not.toMatch(/root:x/);
  });

  test('a link inside the folder that leads outside it is refused too', () => {
    const outside = folder({ 'secret.csv': 'a,y\n1,2\n' });
    const dir = folder({ 'm.nn.json': csvModel('data.csv') });
    symlinkSync(join(outside, 'secret.csv'), join(dir, 'data.csv'));
    expect(run('check', join(dir, 'm.nn.json')).stdout).toMatch(/it is outside the model's folder/);
  });
});

describe('the weights sidecar', () => {
  test('a sidecar that is a link to the model is never written through: the model survives', () => {
    const dir = folder({ 'm.nn.json': XOR });
    symlinkSync(join(dir, 'm.nn.json'), join(dir, 'm.weights.json'));
    const r = run('train', join(dir, 'm.nn.json'), '--save-weights');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/m\.weights\.json is a symbolic link, and weights are never written through a link/);
    expect(readFileSync(join(dir, 'm.nn.json'), 'utf8')).toBe(XOR);
  });

  test('a sidecar that is someone else\'s file is left as it is', () => {
    const dir = folder({ 'm.nn.json': XOR, 'm.weights.json': '{"notes": "mine"}\n' });
    const r = run('train', join(dir, 'm.nn.json'), '--save-weights');
    expect(r.stderr).toMatch(/exists and is not an nn-playground weights file, so it is left as it is/);
    expect(readFileSync(join(dir, 'm.weights.json'), 'utf8')).toBe('{"notes": "mine"}\n');
  });

  test('our own sidecar is replaced', () => {
    const dir = folder({ 'm.nn.json': XOR });
    expect(run('train', join(dir, 'm.nn.json'), '--save-weights').code).toBe(0);
    expect(run('train', join(dir, 'm.nn.json'), '--save-weights').code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'm.weights.json'), 'utf8')).format).toBe('nn-playground-weights');
  });

  test('a sidecar that is a folder is a warning, not exit 2', () => {
    const dir = folder({ 'm.nn.json': XOR });
    mkdirSync(join(dir, 'm.weights.json'));
    const r = run('train', join(dir, 'm.nn.json'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).problems.some((p: { severity: string }) => p.severity === 'warning')).toBe(true);
  });
});
