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
    { group: ['**/training/**', '**/editor/**', '**/panel/**', '**/cli/**', '**/extension'], message: 'Data flows one way: the pure core does not import adapters.' },
  ],
};

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'HTMLElement', 'HTMLCanvasElement', 'fetch', 'XMLHttpRequest', 'requestAnimationFrame', 'process', 'require', 'Buffer', '__dirname'].map(
  (name) => ({ name, message: 'src/engine and src/model are pure: no DOM or Node globals.' }),
);

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
    files: ['src/engine/**/*.ts', 'src/model/**/*.ts', 'src/experiments/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', pureImports],
      'no-restricted-globals': ['error', ...domGlobals],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded generator (src/engine/rng.ts).' }],
    },
  },
  {
    // The worker's loop is a training path too: its randomness must come from the seeded generator.
    files: ['src/training/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded generator (src/engine/rng.ts).' }],
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      // Protocol files hold types only, shared by both ends of each channel.
      'no-restricted-syntax': ['error', { selector: 'FunctionDeclaration, ClassDeclaration, VariableDeclaration', message: 'src/protocol holds types only.' }],
    },
  },
);
