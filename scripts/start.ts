// `npm start`: build the extension, then open VS Code on examples/ with it.
//   - desktop VS Code when `code` is on the PATH (the repository as the extension under development);
//   - otherwise code-server from .cache/ (installed by scripts/setup-e2e.sh on first use) with the
//     freshly built VSIX installed, served on 127.0.0.1 only, at the address printed. Ctrl-C stops
//     it and everything it started.
//   - on the first start of a profile the extension opens its walkthrough (the lessons);
//   - `--locale zh-cn` shows it in Chinese (code-server: with a stub language pack, see
//     scripts/lib/language-pack.ts; desktop VS Code: needs its Chinese language pack installed).
// `npm start` runs scripts/bootstrap.mjs first, which installs the npm packages when missing.
// Usage: npm start [-- --code-server] [-- --port 8585] [-- --locale zh-cn]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { createProfile, ensureCodeServer, freePort, installVsix, startCodeServer } from './lib/code-server';
import { installStubLanguagePack, isStubLocale, STUB_LOCALES } from './lib/language-pack';
import { ROOT, VSCE_FLAGS } from './lib/paths';

const { values: options } = parseArgs({
  options: {
    'code-server': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '8585' },
    locale: { type: 'string' },
  },
});
const locale = options.locale?.toLowerCase();
if (locale !== undefined && locale !== 'en' && !isStubLocale(locale)) {
  console.error(`start: --locale must be en or one of ${Object.keys(STUB_LOCALES).join(', ')}; got "${options.locale}".`);
  process.exit(2);
}
const examples = join(ROOT, 'examples');
const say = (message: string): void => console.log(`start: ${message}`);

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`start: \`${[command, ...args].join(' ')}\` failed`);
    process.exit(1);
  }
}

async function portOrFree(wanted: number): Promise<number> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(wanted, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  return free ? wanted : freePort();
}

async function withDesktop(): Promise<void> {
  run(process.execPath, ['esbuild.mjs']);
  say('opening desktop VS Code on examples/ with this repository as the extension under development');
  const localeArgs = locale ? [`--locale=${locale}`] : [];
  const code = spawn('code', ['--new-window', ...localeArgs, `--extensionDevelopmentPath=${ROOT}`, examples], { stdio: 'inherit' });
  code.on('exit', (status) => process.exit(status ?? 0));
}

async function withCodeServer(): Promise<void> {
  ensureCodeServer();
  // A VSIX for this machine only: no release checks (those guard `npm run package`), same contents.
  const scratch = mkdtempSync(join(tmpdir(), 'nnp-start-'));
  const vsix = join(scratch, 'nn-playground-local.vsix');
  say('building the extension (production bundles) and packaging it');
  run(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', ...VSCE_FLAGS, '--out', vsix]);

  // A fresh profile per start (removed on Ctrl-C): the extension as a new user first sees it, so
  // it opens its walkthrough (the quiet test settings turn that off; a first start wants it).
  const profile = createProfile({ 'workbench.welcomePage.walkthroughs.openOnInstall': true });
  installVsix(profile, vsix);
  if (locale !== undefined && isStubLocale(locale)) {
    say(`adding a ${locale} display language (a stub language pack: VS Code's own menus stay English)`);
    installStubLanguagePack(profile, locale);
  }
  rmSync(scratch, { recursive: true, force: true });

  const server = await startCodeServer({
    profile,
    workspace: examples,
    port: await portOrFree(Number(options.port)),
    locale,
    log: join(profile.dir, 'code-server.log'),
  });
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('stopping code-server');
    await server.stop();
    profile.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  server.process.on('exit', (code) => {
    if (!stopping) {
      console.error(`start: code-server exited (${code}); log: ${server.log}`);
      process.exit(1);
    }
  });
  console.log('');
  say('NN Playground is running in code-server (VS Code in the browser). Open:');
  console.log(`\n    ${server.folderUrl(examples)}\n`);
  say('it listens on 127.0.0.1 only, without a password. Press Ctrl-C to stop.');
}

if (!options['code-server'] && onPath('code')) await withDesktop();
else await withCodeServer();
