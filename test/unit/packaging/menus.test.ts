// Menus, the command palette and keybindings (package.json): one run button in the editor title,
// each command offered only where it applies, Pause only while training, and Ctrl+Alt+Enter left to
// Replace All while the Find widget is open. The `when` clauses are evaluated here by a small
// evaluator of VS Code's syntax (&&, ||, !, ==, !=, =~, parentheses) against the contexts a user is in.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';

interface MenuItem { command: string; when?: string; group?: string }
interface Keybinding { command: string; key: string; when: string }
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; icon?: string }[]; menus: Record<string, MenuItem[]>; keybindings: Keybinding[] };
};
const { menus, keybindings, commands } = manifest.contributes;

type Context = Record<string, string | boolean | undefined>;

/** Evaluates a `when` clause the way VS Code does for the operators the manifest uses. */
export function evaluateWhen(clause: string, context: Context): boolean {
  const tokens = clause.match(/\(|\)|&&|\|\||!(?!=)|==|!=|=~|\/(?:\\.|[^/])*\/[a-z]*|[^\s()!=&|~]+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const next = (): string => {
    const token = tokens[at++];
    if (token === undefined) throw new Error(`unexpected end of "${clause}"`);
    return token;
  };
  const value = (key: string): string | boolean | undefined => context[key];
  const primary = (): boolean => {
    const token = next();
    if (token === '!') return !primary();
    if (token === '(') {
      const inner = or();
      expect(next(), clause).toBe(')');
      return inner;
    }
    const op = peek();
    if (op === '==' || op === '!=') {
      next();
      const equal = String(value(token) ?? '') === next();
      return op === '==' ? equal : !equal;
    }
    if (op === '=~') {
      next();
      const literal = next();
      const regex = new RegExp(literal.slice(1, literal.lastIndexOf('/')).replace(/\\\//g, '/'), literal.slice(literal.lastIndexOf('/') + 1));
      return regex.test(String(value(token) ?? ''));
    }
    if (token === 'true') return true;
    if (token === 'false') return false;
    return Boolean(value(token));
  };
  const and = (): boolean => {
    let result = primary();
    while (peek() === '&&') {
      next();
      result = primary() && result;
    }
    return result;
  };
  const or = (): boolean => {
    let result = and();
    while (peek() === '||') {
      next();
      result = and() || result;
    }
    return result;
  };
  const result = or();
  expect(at, `all of "${clause}" was read`).toBe(tokens.length);
  return result;
}

const inModel = (state: string): Context => ({ resourceFilename: 'xor.nn.json', editorTextFocus: true, 'nnPlayground.activeState': state });
const inOtherFile: Context = { resourceFilename: 'notes.md', editorTextFocus: true, 'nnPlayground.activeState': '' };
const shown = (menu: string, command: string, context: Context): boolean =>
  (menus[menu] ?? []).some((item) => item.command === command && (item.when === undefined || evaluateWhen(item.when, context)));
const fires = (key: string, context: Context): string[] =>
  keybindings.filter((k) => k.key === key && evaluateWhen(k.when, context)).map((k) => k.command);

describe('the when-clause evaluator used here', () => {
  it('reads precedence, negation, equality and regex as VS Code does', () => {
    expect(evaluateWhen('a && b || c', { c: true })).toBe(true);
    expect(evaluateWhen('a && (b || c)', { c: true })).toBe(false);
    expect(evaluateWhen('!a && k != x', { k: 'y' })).toBe(true);
    expect(evaluateWhen('r =~ /\\.nn\\.json$/', { r: 'a.nn.json' })).toBe(true);
    expect(evaluateWhen('r =~ /\\.nn\\.json$/', { r: 'a.json' })).toBe(false);
  });
});

describe('the editor title', () => {
  it('has one run button: every icon of ours is in editor/title/run, none in the title bar itself', () => {
    const titleIcons = (menus['editor/title'] ?? []).filter((item) => item.group?.startsWith('navigation'));
    expect(titleIcons).toEqual([]);
    const run = (menus['editor/title/run'] ?? []).map((item) => item.command);
    expect(run).toContain('nnPlayground.train');
    expect(run).toContain('nnPlayground.pause');
  });

  it('offers Train when the model is idle and Pause, not Train, while it trains', () => {
    expect(shown('editor/title/run', 'nnPlayground.train', inModel('idle'))).toBe(true);
    expect(shown('editor/title/run', 'nnPlayground.pause', inModel('idle'))).toBe(false);
    expect(shown('editor/title/run', 'nnPlayground.train', inModel('training'))).toBe(false);
    expect(shown('editor/title/run', 'nnPlayground.pause', inModel('training'))).toBe(true);
  });

  it('shows nothing of ours over a file that is not a model', () => {
    for (const menu of ['editor/title', 'editor/title/run']) {
      for (const item of menus[menu] ?? []) expect(shown(menu, item.command, inOtherFile), `${menu} ${item.command}`).toBe(false);
    }
  });
});

describe('the command palette', () => {
  it('gives every model command a when clause (the commands that open lessons apply everywhere)', () => {
    const palette = new Map((menus.commandPalette ?? []).map((item) => [item.command, item.when]));
    for (const { command } of commands) {
      if (command === 'nnPlayground.newFromExample') expect(palette.get(command)).toBeUndefined();
      // Reached from the walkthrough's link and the Compare view's picker, not the palette.
      else if (command === 'nnPlayground.compareExamples') expect(palette.get(command)).toBe('false');
      else expect(palette.get(command), command).toBeTruthy();
    }
  });

  it('lists Pause only while the active model trains', () => {
    for (const state of ['', 'idle', 'paused', 'finished', 'diverged']) {
      expect(shown('commandPalette', 'nnPlayground.pause', inModel(state)), state).toBe(false);
    }
    expect(shown('commandPalette', 'nnPlayground.pause', inModel('training'))).toBe(true);
    // The panel focused (no text editor), a model training: Pause is still there.
    expect(shown('commandPalette', 'nnPlayground.pause', { activeWebviewPanelId: 'nnPlayground.panel', 'nnPlayground.activeState': 'training' })).toBe(true);
  });

  it('hides the model commands until a model has been opened', () => {
    for (const item of menus.commandPalette ?? []) {
      expect(shown('commandPalette', item.command, inOtherFile), item.command).toBe(false);
      const never = ['nnPlayground.pause', 'nnPlayground.compareExamples'];
      expect(shown('commandPalette', item.command, { ...inOtherFile, 'nnPlayground.activeState': 'idle' }), item.command).toBe(!never.includes(item.command));
    }
  });
});

describe('keybindings', () => {
  it('Ctrl+Alt+Enter trains an idle model and pauses a training one, in a model editor only', () => {
    expect(fires('ctrl+alt+enter', inModel('idle'))).toEqual(['nnPlayground.train']);
    expect(fires('ctrl+alt+enter', inModel('training'))).toEqual(['nnPlayground.pause']);
    expect(fires('ctrl+alt+enter', inOtherFile)).toEqual([]);
  });

  it('leaves Ctrl+Alt+Enter to Replace All while the Find widget is open', () => {
    for (const state of ['idle', 'training']) expect(fires('ctrl+alt+enter', { ...inModel(state), findWidgetVisible: true })).toEqual([]);
    expect(fires('shift+alt+enter', { ...inModel('idle'), findWidgetVisible: true })).toEqual([]);
  });

  // The context key's name is VS Code's, not a guess: the workbench code-server ships defines it.
  const workbench = join(ROOT, '.cache/code-server/node_modules/code-server/lib/vscode/out/vs/code/browser/workbench/workbench.js');
  it.skipIf(!existsSync(workbench))('names a context key VS Code defines (findWidgetVisible)', () => {
    const source = readFileSync(workbench, 'utf8');
    for (const binding of keybindings) {
      for (const key of binding.when.match(/find\w+/g) ?? []) expect(source, key).toContain(`"${key}",!1`);
    }
  });
});

describe('context keys', () => {
  it('reads only keys the extension sets, with values a session state can take', () => {
    const contextKeys = readFileSync(join(ROOT, 'src/editor/context-keys.ts'), 'utf8');
    const states = /type SessionState = ([^;]+);/.exec(readFileSync(join(ROOT, 'src/shared/protocol/snapshot.ts'), 'utf8'))![1]!;
    const clauses = [...Object.values(menus).flat().map((item) => item.when ?? ''), ...keybindings.map((k) => k.when)];
    for (const clause of clauses) {
      for (const [, key, value] of clause.matchAll(/(nnPlayground\.\w+)(?:\s*[!=]=\s*(\w+))?/g)) {
        expect(contextKeys, key).toContain(`'${key}'`);
        if (value) expect(states, `${key} == ${value}`).toContain(`'${value}'`);
      }
    }
  });
});
