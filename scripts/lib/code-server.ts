// Starting and stopping code-server (VS Code 1.100.3 served to a browser) for tests and `npm start`.
// Every run gets its own profile (config, user data, extensions, HOME), so nothing leaks between runs
// or into the developer's own ~/.config/code-server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY, CODE_SERVER_STAMP, ROOT } from './paths';

/** Installs code-server (and the Debian packages) when the cache is missing; fails with the script's message. */
export function ensureCodeServer(): void {
  if (existsSync(CODE_SERVER_STAMP) && existsSync(CODE_SERVER_ENTRY)) return;
  const setup = spawnSync('bash', [join(ROOT, 'scripts', 'setup-e2e.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) throw new Error('scripts/setup-e2e.sh failed; see its message above');
}

export interface Profile {
  /** Root of the throwaway profile; removed by dispose(). */
  dir: string;
  config: string;
  userDataDir: string;
  extensionsDir: string;
  home: string;
  dispose(): void;
}

/** User settings that keep the workbench quiet and deterministic: no welcome page, tips, trust prompt, telemetry or updates. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'editor.hover.delay': 200,
  'workbench.colorTheme': 'Default Dark Modern',
};

export function createProfile(settings: Record<string, unknown> = {}, parent = tmpdir()): Profile {
  const dir = mkdtempSync(join(parent, 'nnp-code-server-'));
  const profile: Profile = {
    dir,
    config: join(dir, 'config.yaml'),
    userDataDir: join(dir, 'user-data'),
    extensionsDir: join(dir, 'extensions'),
    home: join(dir, 'home'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const d of [profile.userDataDir, profile.extensionsDir, profile.home, join(profile.userDataDir, 'User')]) mkdirSync(d, { recursive: true });
  // The command line repeats bind-addr and auth; the file exists so code-server does not write its own under HOME.
  writeFileSync(profile.config, 'auth: none\ncert: false\n');
  writeUserSettings(profile, settings);
  return profile;
}

/** Replaces the user settings; a running code-server picks the change up (used to switch themes). */
export function writeUserSettings(profile: Profile, settings: Record<string, unknown>): void {
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

function profileEnv(profile: Profile, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: profile.home,
    XDG_CONFIG_HOME: join(profile.home, '.config'),
    XDG_DATA_HOME: join(profile.home, '.local', 'share'),
    XDG_CACHE_HOME: join(profile.home, '.cache'),
    ...extra,
  };
}

function codeServerArgs(profile: Profile): string[] {
  return [CODE_SERVER_ENTRY, '--config', profile.config, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** Installs a VSIX into the profile the way a user would (`code-server --install-extension`). */
export function installVsix(profile: Profile, vsix: string): void {
  if (!existsSync(vsix)) throw new Error(`no VSIX at ${vsix}: run \`npm run package\` first`);
  const run = spawnSync(process.execPath, [...codeServerArgs(profile), '--install-extension', vsix, '--force'], {
    env: profileEnv(profile),
    encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`;
  // code-server prints the failure but may still exit 0, so the output is checked as well.
  if (run.status !== 0 || /failed|not compatible|error/i.test(output)) {
    throw new Error(`installing ${vsix} into code-server failed:\n${output.trim()}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningCodeServer {
  url: string;
  port: number;
  log: string;
  process: ChildProcess;
  /** The page address that opens `folder` (absolute path) in the workbench. */
  folderUrl(folder: string, extraQuery?: string): string;
  /** Stops code-server and every process it started (watchers, extension host, pty host). */
  stop(): Promise<void>;
}

export interface StartOptions {
  profile: Profile;
  workspace?: string;
  port?: number;
  log: string;
  /** Extra environment for code-server and so for its extension host. */
  env?: Record<string, string>;
  /**
   * Leave workspace trust on (default off: --disable-workspace-trust). With it on, a folder never
   * trusted opens in Restricted Mode; the profile's settings must enable trust too.
   */
  workspaceTrust?: boolean;
  /** The display language (`--locale`); other than en it needs installStubLanguagePack() first. */
  locale?: string;
  timeoutMs?: number;
}

export async function startCodeServer(options: StartOptions): Promise<RunningCodeServer> {
  const port = options.port ?? (await freePort());
  const logFd = openSync(options.log, 'a');
  const args = [
    ...codeServerArgs(options.profile),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...(options.locale ? ['--locale', options.locale] : []),
    ...(options.workspace ? [options.workspace] : []),
  ];
  // detached: its own process group, so stop() can signal the whole tree at once.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: profileEnv(options.profile, options.env),
  });
  closeSync(logFd);
  let exited: number | null = null;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', (code, signal) => ((exited = code ?? (signal ? 128 : 1)), resolve())));
  const url = `http://127.0.0.1:${port}`;

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (exited !== null || child.pid === undefined) return;
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 5000);
    await exitedPromise;
    clearTimeout(timer);
    // Stragglers (file watchers) may outlive the main process for a moment.
    signalGroup(child.pid, 'SIGKILL');
  };
  const killOnExit = (): void => {
    if (exited === null && child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  };
  process.on('exit', killOnExit);

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited with ${exited} before it was healthy; log: ${options.log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within ${options.timeoutMs ?? 60_000} ms; log: ${options.log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port,
    log: options.log,
    process: child,
    folderUrl: (folder, extraQuery = '') => `${url}/?folder=${encodeURIComponent(folder)}${extraQuery}`,
    stop,
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

/**
 * The remote authority the workbench uses for files on the server (`vscode-remote://<authority>/path`),
 * read from the page's configuration meta tag, as the browser would.
 */
export async function remoteAuthority(server: RunningCodeServer, folder: string): Promise<string> {
  const html = await (await fetch(server.folderUrl(folder))).text();
  const meta = /<meta id="vscode-workbench-web-configuration" data-settings="([^"]*)"/.exec(html);
  if (!meta) throw new Error('code-server page has no workbench configuration meta tag');
  const settings = JSON.parse(meta[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as { remoteAuthority?: string };
  if (!settings.remoteAuthority) throw new Error('workbench configuration has no remoteAuthority');
  return settings.remoteAuthority;
}
