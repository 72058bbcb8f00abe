// What must agree before a VSIX is built. Pure functions over file contents, so the packaging
// unit test can show each check failing on a crafted input.

/** VS Code embedded in the code-server the tests run on: the extension must install there. */
export const TEST_VSCODE_VERSION = '1.100.3';

type Version = [number, number, number];

/** The lowest version a range such as `^1.100.0`, `~1.100.0`, `>=1.99.1` or `1.100.3` admits. */
export function minimumOf(range: string): Version | undefined {
  const match = /^\s*(?:\^|~|>=|=)?\s*v?(\d+)\.(\d+)\.(\d+)\s*$/.exec(range);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

const show = (v: Version): string => v.join('.');

/** The newest released version in a Keep-a-Changelog file: the first `## [x.y.z]` heading; `[Unreleased]` is skipped. */
export function changelogVersion(changelog: string): string | undefined {
  for (const match of changelog.matchAll(/^##\s*\[([^\]]+)\]/gm)) {
    const heading = match[1]!.trim();
    if (heading.toLowerCase() !== 'unreleased') return heading;
  }
  return undefined;
}

export interface ReleaseInputs {
  /** package.json, parsed. */
  manifest: { version: string; engines?: { vscode?: string }; devDependencies?: Record<string, string> };
  /** CHANGELOG.md's text. */
  changelog: string;
  /** The version of @types/vscode actually installed (node_modules/@types/vscode/package.json). */
  installedTypesVscode: string | undefined;
}

/** Every reason the package would be inconsistent; empty when it may be built. */
export function versionProblems({ manifest, changelog, installedTypesVscode }: ReleaseInputs): string[] {
  const problems: string[] = [];
  const version = manifest.version;
  if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`package.json version "${version}" is not x.y.z`);

  const logged = changelogVersion(changelog);
  if (logged === undefined) {
    problems.push(`CHANGELOG.md has no entry for ${version}: add a "## [${version}] - YYYY-MM-DD" heading above the changes it ships`);
  } else if (logged !== version) {
    problems.push(`CHANGELOG.md's newest entry is ${logged} but package.json's version is ${version}`);
  }

  const enginesRange = manifest.engines?.vscode;
  const engines = enginesRange ? minimumOf(enginesRange) : undefined;
  const typesRange = manifest.devDependencies?.['@types/vscode'];
  const types = typesRange ? minimumOf(typesRange) : undefined;
  if (!engines) problems.push(`package.json engines.vscode "${enginesRange ?? ''}" is not a plain version range like ^1.100.0`);
  if (!types) problems.push(`package.json devDependencies["@types/vscode"] "${typesRange ?? ''}" is not a plain version range like ~1.100.0`);
  if (engines && types && (types[0] !== engines[0] || types[1] > engines[1])) {
    problems.push(`@types/vscode ${typesRange} describes a newer API than engines.vscode ${enginesRange} promises: code compiled against it may call what VS Code ${show(engines)} lacks`);
  }
  if (engines && compare(engines, minimumOf(TEST_VSCODE_VERSION)!) > 0) {
    problems.push(`engines.vscode ${enginesRange} excludes VS Code ${TEST_VSCODE_VERSION}, the one code-server 4.100.3 embeds: the tests could not install the VSIX`);
  }
  if (types && installedTypesVscode !== undefined) {
    const installed = minimumOf(installedTypesVscode);
    if (!installed || installed[0] !== types[0] || installed[1] !== types[1]) {
      problems.push(`node_modules has @types/vscode ${installedTypesVscode} but package.json pins ${typesRange}: run npm ci`);
    }
  }
  return problems;
}

/** The paths `git status --porcelain` reports as changed or untracked (ignored files never appear). */
export function dirtyPaths(porcelain: string): string[] {
  return porcelain
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3));
}
