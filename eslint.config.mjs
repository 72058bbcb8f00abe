// Lint rules that hold the architecture: the engine and the model parser are pure TypeScript,
// so they may import neither VS Code nor Node nor touch the DOM, and training never uses
// Math.random (one seeded generator makes every run reproducible).
import tseslint from 'typescript-eslint';

const pureImports = {
  patterns: [
    { group: ['vscode'], message: 'src/engine and src/model are pure: no vscode.' },
    { group: ['node:*'], message: 'src/engine and src/model are pure: no Node built-ins.' },
    {
      group: ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'util', 'crypto', 'events', 'stream', 'perf_hooks'],
      message: 'src/engine and src/model are pure: no Node built-ins.',
    },
    { group: ['**/session/**', '**/worker/**', '**/run/**', '**/editor/**', '**/cli/**', '**/extension*', '**/wiring'], message: 'Data flows one way: the pure core does not import the run, the session, the worker or adapters.' },
  ],
};

// The one run path shared by the CLI and the training worker (src/run) is held to the same rules; it
// may import the pure core and its own files.
const runPathFiles = ['src/run/**/*.ts'];
const runPathImports = {
  patterns: [
    ...pureImports.patterns.slice(0, 3),
    { group: ['**/editor/**', '**/cli/**', '**/extension*', '**/wiring', '**/session/**', '**/worker/**'], message: 'The run path is pure: it does not import adapters, the session or the worker.' },
  ],
};

// What the browser build (package.json `browser`, issue 15) bundles runs in a web worker extension
// host: no Node built-ins or globals. The desktop-only files are the platform's own (worker_threads,
// the bias-variance pool of worker threads,
// the local disk, the soak probe); test/unit/packaging/browser-bundle.test.ts checks the bundle.
const browserFiles = ['src/*.ts', 'src/editor/**/*.ts', 'src/shared/**/*.ts', 'src/session/**/*.ts', 'src/run/**/*.ts', 'src/worker/**/*.ts', 'src/web/**/*.ts', 'src/export/**/*.ts'];
const desktopOnlyFiles = ['src/editor/platform-node.ts', 'src/editor/soak-probe.ts', 'src/worker/worker.ts', 'src/session/worker-node.ts', 'src/editor/bias-variance-command.ts', 'src/editor/experiment-pool.ts', 'src/worker/experiment-worker.ts'];
const browserImports = {
  patterns: [
    { group: ['node:*'], message: 'The browser build bundles this file: no Node built-ins (desktop-only code goes in src/editor/platform-node.ts).' },
    { group: pureImports.patterns[2].group, message: 'The browser build bundles this file: no Node built-ins (desktop-only code goes in src/editor/platform-node.ts).' },
  ],
};
const browserGlobals = ['Buffer', 'process', '__dirname', 'require'].map((name) => ({ name, message: 'The browser build bundles this file: no Node globals.' }));

/** Every training path draws from the one seeded generator. */
const noMathRandom = { object: 'Math', property: 'random', message: 'Use the seeded generator (src/engine/rng.ts).' };

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'HTMLElement', 'HTMLCanvasElement', 'fetch', 'XMLHttpRequest', 'requestAnimationFrame', 'process', 'require', 'Buffer', '__dirname'].map(
  (name) => ({ name, message: 'src/engine and src/model are pure: no DOM or Node globals.' }),
);

// Spreading an array into a call passes every element as an argument on the stack: past about
// 100,000 elements (samples, epochs, CSV rows) it throws "Maximum call stack size exceeded".
// Use a loop, a reduce or concat instead, whatever the array's size looks like today.
const noSpreadArguments = {
  selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
  message: 'No spread into a call (f(...xs)): a large array overflows the call stack. Use a loop, reduce or concat.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.cache/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', noSpreadArguments],
    },
  },
  {
    // Before the run path's block: its stricter import rule replaces this one for those files.
    files: browserFiles,
    ignores: desktopOnlyFiles,
    rules: {
      'no-restricted-imports': ['error', browserImports],
      'no-restricted-globals': ['error', ...browserGlobals],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/model/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', pureImports],
      'no-restricted-globals': ['error', ...domGlobals],
      'no-restricted-properties': ['error', noMathRandom],
    },
  },
  {
    // The experiments (bias-variance) and the export build their runs through the one run path, and
    // are held to its rules: pure, no adapters, no session or worker.
    files: [...runPathFiles, 'src/experiments/**/*.ts', 'src/export/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', runPathImports],
      'no-restricted-globals': ['error', ...domGlobals],
      'no-restricted-properties': ['error', noMathRandom],
    },
  },
  {
    // The worker's loop is a training path too: its randomness must come from the seeded generator.
    files: ['src/session/**/*.ts', 'src/run/**/*.ts', 'src/worker/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', noMathRandom],
    },
  },
  {
    files: ['src/shared/protocol/**/*.ts'],
    rules: {
      // Protocol files hold types only, shared by both ends of each channel.
      'no-restricted-syntax': ['error', noSpreadArguments, { selector: 'FunctionDeclaration, ClassDeclaration, VariableDeclaration', message: 'src/shared/protocol holds types only.' }],
    },
  },
);
