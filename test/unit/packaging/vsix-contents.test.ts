// What the VSIX holds, as `vsce ls` reports it, and how big it is. The package is built from a
// temporary copy of the tree (tracked and untracked, not ignored files: what a clone plus local
// work holds), so this test never rewrites the working tree's dist/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, VSCE_FLAGS } from '../../../scripts/lib/paths';
import { versionProblems } from '../../../scripts/lib/release-checks';

const VSIX_BUDGET_BYTES = 1024 * 1024;
const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string };

/** Top-level entries an installed extension may need; anything else in the VSIX is a leak. */
const ALLOWED = [/^dist\/[^/]+\.js$/, /^dist\/webview\/webview\.js$/, /^dist\/webview\/codicons\/codicon\.(css|ttf)$/, /^dist\/web\/(extension|wiring)\.js$/, /^schemas\//, /^docs\/rules\//, /^examples\//, /^media\//, /^package\.json$/, /^package\.nls(\.[a-z-]+)?\.json$/, /^l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE(\.md|\.txt)?$/];

let copy = '';
let files: string[] = [];
let vsixBytes = 0;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'nnp-vsix-'));
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((path) => path !== '');
  for (const path of tracked) {
    try {
      if (!statSync(join(ROOT, path)).isFile()) continue;
    } catch {
      continue; // deleted in the working tree but still in the index
    }
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    cpSync(join(ROOT, path), join(copy, path));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  const vsix = join(copy, 'test.vsix');
  // vsce runs the vscode:prepublish script (the production build) first, as `npm run package` does.
  execFileSync(vsce, ['package', '--no-dependencies', ...VSCE_FLAGS, '--out', vsix], { cwd: copy, stdio: 'pipe' });
  vsixBytes = statSync(vsix).size;
  files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: copy, encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}, 120_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('the VSIX', () => {
  it('holds the production bundles', () => {
    for (const bundle of [manifest.main, manifest.browser].map((entry) => entry.replace(/^\.\//, ''))) expect(files).toContain(bundle);
    // The command line is run from the repository or npm, not from the installed extension.
    expect(files).not.toContain('dist/cli.js');
    for (const bundle of ['dist/worker.js', 'dist/web/wiring.js', 'dist/worker-web.js', 'dist/webview/webview.js']) expect(files).toContain(bundle);
    for (const bundle of ['dist/webview/codicons/codicon.css', 'dist/webview/codicons/codicon.ttf']) expect(files).toContain(bundle);
  });

  it('holds the schema, the examples, the icon and the documents', () => {
    expect(files).toContain('schemas/nn.schema.json');
    // The Chinese schema and the manifest strings that point VS Code at one schema per UI language.
    for (const file of ['schemas/nn.schema.zh-cn.json', 'package.nls.json', 'package.nls.zh-cn.json']) expect(files).toContain(file);
    expect(files.some((f) => /^examples\/.+\.nn\.json$/.test(f))).toBe(true);
    expect(files).toContain('media/icon.png');
    for (const doc of ['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']) expect(files).toContain(doc);
    // The strings VS Code shows, in English and Chinese: the manifest's and the messages' bundles.
    for (const strings of ['package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json']) expect(files).toContain(strings);
  });

  it('leaves out sources, tests, benchmarks, maps, caches and node_modules', () => {
    const leaks = files.filter((f) => /^(src|test|bench|scripts|out|webview|node_modules|\.cache|\.ci)\//.test(f) || /\.(ts|map|vsix)$/.test(f));
    expect(leaks).toEqual([]);
    expect(files.filter((f) => !ALLOWED.some((pattern) => pattern.test(f)))).toEqual([]);
  });

  it('is under 1 MB', () => {
    expect(vsixBytes).toBeGreaterThan(0);
    expect(vsixBytes).toBeLessThan(VSIX_BUDGET_BYTES);
  });
});

describe('the versions', () => {
  it('agree across package.json, CHANGELOG.md and @types/vscode', () => {
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')) as { version: string };
    expect(
      versionProblems({
        manifest: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')),
        changelog: readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'),
        installedTypesVscode: installed.version,
      }),
    ).toEqual([]);
  });
});
