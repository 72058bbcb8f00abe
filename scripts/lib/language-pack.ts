// A display language for code-server without a real language pack. code-server ignores `--locale
// zh-cn` unless a language pack for it is installed *and* listed in the profile's
// languagepacks.json, which only a running server's installer writes (measured; see
// ../shared/notes/e2e-in-code-server.md). So a stub pack is built (its VS Code translations are
// empty: VS Code's own menus stay English), installed with the CLI, and listed by hand before the
// server starts. Then `vscode.env.language` is the locale and extensions load their own bundles for
// it (package.nls.<locale>.json, l10n/bundle.l10n.<locale>.json). `npm start -- --locale zh-cn` and
// the end-to-end sessions use it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installVsix, type Profile } from './code-server';
import { ROOT } from './paths';

/** The display languages a stub can be made for, with the names VS Code's language picker shows. */
export const STUB_LOCALES = {
  'zh-cn': { languageName: 'Chinese Simplified', localizedLanguageName: '中文(简体)' },
} as const;
export type StubLocale = keyof typeof STUB_LOCALES;

export function isStubLocale(locale: string): locale is StubLocale {
  return Object.hasOwn(STUB_LOCALES, locale);
}

const PUBLISHER = 'nn-playground-test';
const VERSION = '0.0.1';

/** The stub pack's manifest: a language pack that contributes only the locale. */
export function stubManifest(locale: StubLocale): Record<string, unknown> {
  return {
    name: `stub-language-pack-${locale}`,
    displayName: `Stub language pack (${locale})`,
    description: `Makes ${locale} selectable as the display language so extensions load their ${locale} bundles; VS Code's own text stays English.`,
    publisher: PUBLISHER,
    version: VERSION,
    license: 'MIT',
    repository: { type: 'git', url: 'https://example.invalid/stub-language-pack' },
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [{ languageId: locale, ...STUB_LOCALES[locale], translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
    },
  };
}

/**
 * The profile's languagepacks.json entry for the stub, as code-server's own installer writes it
 * (the translations path absolute, to a file that exists).
 */
export function languagePacksJson(locale: StubLocale, extensionsDir: string): Record<string, unknown> {
  const id = `${PUBLISHER}.stub-language-pack-${locale}`;
  return {
    [locale]: {
      hash: `stub-${locale}-${VERSION}`,
      extensions: [{ extensionIdentifier: { id }, version: VERSION }],
      translations: { vscode: join(extensionsDir, `${id}-${VERSION}`, 'translations', 'main.i18n.json') },
      label: STUB_LOCALES[locale].localizedLanguageName,
    },
  };
}

/** Builds the stub, installs it into the profile and lists it; start code-server with `locale` afterwards. */
export function installStubLanguagePack(profile: Profile, locale: StubLocale): void {
  const scratch = mkdtempSync(join(tmpdir(), 'nnp-langpack-'));
  try {
    const dir = join(scratch, 'pack');
    mkdirSync(join(dir, 'translations'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify(stubManifest(locale), null, 2));
    writeFileSync(join(dir, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
    writeFileSync(join(dir, 'README.md'), `# Stub language pack (${locale})\n\nFor tests and \`npm start -- --locale ${locale}\` only.\n`);
    writeFileSync(join(dir, 'LICENSE'), 'MIT\n');
    const vsix = join(scratch, 'pack.vsix');
    execFileSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], { cwd: dir, stdio: 'pipe' });
    installVsix(profile, vsix);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  writeFileSync(join(profile.userDataDir, 'languagepacks.json'), JSON.stringify(languagePacksJson(locale, profile.extensionsDir), null, 2));
}
