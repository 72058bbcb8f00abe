// The checks `npm run package` makes before building a VSIX, each shown failing on a crafted input.
import { describe, expect, it } from 'vitest';
import { changelogVersion, dirtyPaths, minimumOf, versionProblems, type ReleaseInputs } from '../../../scripts/lib/release-checks';

const good: ReleaseInputs = {
  manifest: { version: '0.2.0', engines: { vscode: '^1.100.0' }, devDependencies: { '@types/vscode': '~1.100.0' } },
  changelog: '# Changelog\n\n## [Unreleased]\n- work in progress\n\n## [0.2.0] - 2026-11-27\n- new\n\n## [0.1.0] - 2026-11-01\n',
  installedTypesVscode: '1.100.0',
};
const withManifest = (patch: Partial<ReleaseInputs['manifest']>): ReleaseInputs => ({ ...good, manifest: { ...good.manifest, ...patch } });

describe('versionProblems', () => {
  it('accepts consistent versions', () => {
    expect(versionProblems(good)).toEqual([]);
  });

  it('refuses a package.json version the CHANGELOG does not describe', () => {
    expect(versionProblems(withManifest({ version: '0.3.0' }))).toEqual([expect.stringContaining("newest entry is 0.2.0 but package.json's version is 0.3.0")]);
  });

  it('refuses a CHANGELOG with only an Unreleased section', () => {
    expect(versionProblems({ ...good, changelog: '## [Unreleased]\n- x\n' })).toEqual([expect.stringContaining('no entry for 0.2.0')]);
  });

  it('refuses @types/vscode newer than engines.vscode', () => {
    const problems = versionProblems({ ...withManifest({ devDependencies: { '@types/vscode': '~1.101.0' } }), installedTypesVscode: '1.101.0' });
    expect(problems).toEqual([expect.stringContaining('newer API than engines.vscode')]);
  });

  it('refuses engines.vscode that the test VS Code (1.100.3) cannot satisfy', () => {
    const problems = versionProblems({ ...withManifest({ engines: { vscode: '^1.101.0' }, devDependencies: { '@types/vscode': '~1.101.0' } }), installedTypesVscode: '1.101.2' });
    expect(problems).toEqual([expect.stringContaining('excludes VS Code 1.100.3')]);
  });

  it('refuses installed @types/vscode drifting from the pinned range', () => {
    expect(versionProblems({ ...good, installedTypesVscode: '1.104.0' })).toEqual([expect.stringContaining('run npm ci')]);
  });

  it('refuses unparseable versions and ranges', () => {
    const problems = versionProblems(withManifest({ version: 'next', engines: { vscode: 'latest' } }));
    expect(problems.some((p) => p.includes('"next" is not x.y.z'))).toBe(true);
    expect(problems.some((p) => p.includes('engines.vscode "latest"'))).toBe(true);
  });
});

describe('helpers', () => {
  it('reads the newest released version, skipping Unreleased', () => {
    expect(changelogVersion(good.changelog)).toBe('0.2.0');
    expect(changelogVersion('# nothing yet')).toBeUndefined();
  });

  it('reads the minimum of a range', () => {
    expect(minimumOf('^1.100.0')).toEqual([1, 100, 0]);
    expect(minimumOf('>=1.99.1')).toEqual([1, 99, 1]);
    expect(minimumOf('1.x')).toBeUndefined();
  });

  it('lists the paths git reports as changed or untracked', () => {
    expect(dirtyPaths(' M package.json\n?? examples/new.nn.json\n')).toEqual(['package.json', 'examples/new.nn.json']);
    expect(dirtyPaths('')).toEqual([]);
  });
});
