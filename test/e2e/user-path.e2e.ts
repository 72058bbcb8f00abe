// The path a person takes (issue 6), in a real VS Code UI: code-server serving the packaged VSIX,
// driven through Debian Chromium. The first block checks the harness itself (the VSIX installs,
// the workbench opens the workspace); the second walks the user path of issues 4-6 step by step,
// each step waiting on what the screen shows. A failing step leaves a screenshot in
// test-results/e2e/; the panel's theme screenshots are saved there too, pass or fail.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { E2E_RESULTS } from './code-server-session';
import { EDITOR, PANEL, WALKTHROUGH, WORKBENCH } from './selectors';
import { specSession } from './spec-session';
import { canvasInk, codeLensTitles, hoverToken, openFile, panelEpoch, problemsText, runCommand, waitFor } from './workbench';

/** The one browser global the theme step needs (the project's TypeScript has no DOM library). */
interface AnimationFrames {
  requestAnimationFrame(callback: () => void): void;
}

// A fresh results folder for this run's screenshots and logs (hooks run in the order they are added).
beforeAll(() => rmSync(E2E_RESULTS, { recursive: true, force: true }));
const s = specSession();
const { step } = s;

describe('harness: the packaged VSIX in code-server', () => {
  step('the extension is installed and listed in the Extensions view', async () => {
    const { page } = s();
    await page.keyboard.press('Control+Shift+X');
    // With no search typed, the Extensions view lists what is installed.
    await page.locator('.extension-list-item').filter({ hasText: 'NN Playground' }).first().waitFor({ timeout: 30_000 });
  });

  step('Quick Open opens xor.nn.json from the workspace', async () => {
    await openFile(s().page, 'xor.nn.json');
  });
});

describe('user path (issues 4-6)', () => {
  let hoverBeforeTraining = '';

  step('the CodeLens above the model reads Train | Step | Reset', async () => {
    const { page } = s();
    await openFile(page, 'xor.nn.json');
    const titles = await waitFor('Train, Step and Reset lenses', async () => {
      const shown = await codeLensTitles(page);
      return EDITOR.lensTitles.every((title) => shown.some((t) => title.test(t))) ? shown : undefined;
    });
    const order = EDITOR.lensTitles.map((title) => titles.findIndex((t) => title.test(t)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    hoverBeforeTraining = await hoverToken(page, EDITOR.layerHoverToken).catch(() => '');
    await page.keyboard.press('Escape');
  });

  step('Train Network from the palette opens the panel; its loss chart draws and the epoch advances', async () => {
    const { page } = s();
    await runCommand(page, 'NN Playground: Train Network');
    await page.locator(WORKBENCH.webview).first().waitFor({ timeout: 30_000 });
    const epoch = await waitFor('the panel epoch counter to pass 0', async () => {
      const e = await panelEpoch(page);
      return e !== undefined && e > 0 ? e : undefined;
    });
    const ink = await waitFor('drawn pixels on the loss chart', async () => {
      const i = await canvasInk(page, PANEL.lossCanvas);
      return i && i.drawn > 0 ? i : undefined;
    });
    expect(epoch).toBeGreaterThan(0);
    expect(ink.drawn).toBeGreaterThan(0);
  });

  step('hovering a layer shows its live numbers', async () => {
    const { page } = s();
    await page.mouse.move(0, 0);
    const text = await hoverToken(page, EDITOR.layerHoverToken);
    expect(text).toMatch(/\d\.\d/);
    // Trained weights differ from the initial ones: the hover's numbers follow them.
    expect(text).not.toBe(hoverBeforeTraining);
    await page.keyboard.press('Escape');
  });

  step('the panel in dark, light and high-contrast themes (screenshots saved as artefacts)', async () => {
    const { page } = s();
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      await s().setTheme(theme);
      // The webview document follows the workbench theme through its body class.
      const bodyClass = { dark: 'vscode-dark', light: 'vscode-light', 'high-contrast': 'vscode-high-contrast' }[theme];
      const frame = page.frameLocator(WORKBENCH.webview).frameLocator(WORKBENCH.webviewInner);
      await frame.locator(`body.${bodyClass}`).waitFor({ timeout: 20_000 });
      // Two animation frames: charts redraw on the theme change before the picture is taken.
      await frame.locator('body').evaluate(
        () => new Promise<void>((resolve) => (globalThis as unknown as AnimationFrames).requestAnimationFrame(() => (globalThis as unknown as AnimationFrames).requestAnimationFrame(() => resolve()))),
      );
      await page.locator(WORKBENCH.webview).first().screenshot({ path: join(E2E_RESULTS, `panel-${theme}.png`) });
      await s().screenshot(`workbench-${theme}`);
    }
    await s().setTheme('dark');
  });

  step('Reset returns the epoch to 0', async () => {
    const { page } = s();
    await page.locator(WORKBENCH.codeLens).filter({ hasText: /Reset/ }).first().click();
    await waitFor('the panel epoch counter to read 0', async () => ((await panelEpoch(page)) === 0 ? true : undefined));
  });

  step('a saturated deep sigmoid net shows vanishing-gradient or sigmoid-saturation in Problems', async () => {
    const { page } = s();
    await openFile(page, EDITOR.saturatedModel);
    await runCommand(page, 'NN Playground: Train Network');
    const rows = await waitFor(
      `one of ${EDITOR.saturationCodes.join(', ')} in the Problems panel`,
      async () => {
        const text = await problemsText(page);
        return text.some((row) => EDITOR.saturationCodes.some((code) => row.includes(code))) ? text : undefined;
      },
      60_000,
      500,
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  step('VS Code reports the extension activation time (Developer: Show Running Extensions)', async () => {
    const { page } = s();
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator(WORKBENCH.runningExtensionsRow).filter({ hasText: 'NN Playground' }).first();
    // The list is sorted slowest first and draws only the rows in view: a fast activation sits below them.
    await waitFor('the NN Playground row in Running Extensions', async () => {
      if ((await row.count()) > 0) return true;
      const box = await page.locator(WORKBENCH.runningExtensions).boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, 600);
      }
      return undefined;
    }, 20_000);
    const text = await waitFor('an activation time in the row', async () => {
      const t = (await row.textContent()) ?? '';
      return /\d+\s*ms/.test(t) ? t : undefined;
    });
    const ms = Number(/(\d+)\s*ms/.exec(text)![1]);
    writeFileSync(join(E2E_RESULTS, 'activation-time.json'), JSON.stringify({ activationMs: ms, row: text.trim() }, null, 2));
    console.log(`activation time reported by VS Code: ${ms} ms (${text.trim()})`);
    expect(ms).toBeGreaterThanOrEqual(0);
  });
});

describe('walkthrough (package.json contributes.walkthroughs)', () => {
  step('the walkthrough lists the lessons and its button opens the lesson\'s example', async () => {
    const { page } = s();
    await runCommand(page, 'Welcome: Open Walkthrough...', true);
    await page.locator(WORKBENCH.quickInputRow).filter({ hasText: WALKTHROUGH.title }).first().click();
    const lesson = page.locator(WORKBENCH.walkthroughStep).filter({ hasText: WALKTHROUGH.step }).first();
    await lesson.waitFor({ timeout: 20_000 });
    await lesson.click();
    await lesson.locator('a.monaco-button').filter({ hasText: WALKTHROUGH.button }).click();
    // The button passes the file name: the example opens at once, with no quick pick in between.
    const opened = await waitFor('the example to open, or a picker to appear', async () => {
      if (await page.locator(WORKBENCH.quickInput).isVisible()) return 'picker';
      // Each editor group has an active tab (the panel's group too): look for the example's among them.
      return (await page.locator(WORKBENCH.activeTab).filter({ hasText: WALKTHROUGH.tab }).count()) > 0 ? 'editor' : undefined;
    });
    expect(opened, 'nnPlayground.newFromExample asked which example instead of opening the one the button names').toBe('editor');
    await page.locator(WORKBENCH.editorLines).filter({ hasText: WALKTHROUGH.lessonText }).first().waitFor();
    // Opened beside: the walkthrough is still the active tab of its own group, in view.
    expect(await page.locator(WORKBENCH.activeTab).filter({ hasText: WALKTHROUGH.tabTitle }).count()).toBeGreaterThan(0);
  });
});

