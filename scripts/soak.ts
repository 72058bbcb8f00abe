// `npm run soak -- --minutes N`: the extension in the real UI (code-server + Chromium, the packaged
// VSIX) for N minutes, doing what a student does, over and over: train, edit hyperparameters in the
// panel, break the JSON and mend it, switch models, reset, reload the window. It checks, and at the
// end prints as figures:
//   - the model files on disk (Auto Save on) are byte for byte what the edits made of them;
//   - after a pause in training, the panel's epoch and the status bar's agree within a second (the
//     moments each page drew the figure, logged in the pages: scripts/lib/text-watch.ts);
//   - the Problems panel shows no error once the JSON is mended;
//   - nothing leaks: with every editor closed, the extension's own counters (src/editor/soak-probe.ts)
//     read no session and no worker thread, and the extension host has no more threads and timers
//     than it had idle before the cycle.
// Exits 1 when a check fails. Artefacts: test-results/soak/ (figures.json, screenshots, logs).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSession, type E2ESession } from '../test/e2e/code-server-session';
import { AUTO_SAVE, LONG_MODEL_TEXT } from '../test/e2e/long-model';
import { PANEL, WORKBENCH } from '../test/e2e/selectors';
import { openFile, panelEpoch, panelFrame, parsePanelEpoch, parseStatusEpoch, runCommand, STATUS_WITH_EPOCH, statusEpoch, typeInto, waitFor, waitForWorkbench, withValue } from '../test/e2e/workbench';
import { settledAt, textLog, watchText } from './lib/text-watch';
import type { ProbeCounters } from '../src/editor/soak-probe';
import { TEST_RESULTS } from './lib/paths';

const RESULTS = join(TEST_RESULTS, 'soak');
const PROBE = join(RESULTS, 'probe.json');
const MODEL_A = 'soak-a.nn.json';
const MODEL_B = 'soak-b.nn.json';
const LEARNING_RATES = ['0.02', '0.005', '0.01'];
const BATCH_SIZES = ['16', '8', '10'];
/** Extra threads the idle extension host may show over its idle count before a cycle (none leak by design). */
const THREAD_SLACK = 1;
/** Longer than any timer that ends on its own (a notice is shown for 10 s, a lens retry waits up to 10 s). */
const TIMER_SETTLE_MS = 15_000;

type Probe = ProbeCounters;

const minutesArg = process.argv.indexOf('--minutes');
const minutes = Number(minutesArg >= 0 ? process.argv[minutesArg + 1] : 2);
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error('soak: --minutes needs a positive number');
  process.exit(2);
}

const figures = {
  minutes,
  cycles: 0,
  hyperparameterEdits: 0,
  breaksMended: 0,
  /** Breaks whose `}` never reached the text and was typed again (a lost keystroke, see breakJson). */
  breaksRetyped: 0,
  modelSwitches: 0,
  resets: 0,
  reloads: 0,
  epochSamples: 0,
  /** Worst time, in seconds, from a click on Pause until the panel shows Train. */
  worstPauseSeconds: 0,
  /** Worst time, in seconds, the panel's epoch and the status bar's differed after a pause (as the pages logged it). */
  worstEpochLagSeconds: 0,
  /** Worst time, in seconds, from a pause until polling read the same epoch in both. */
  worstEpochPolledSeconds: 0,
  problemsErrors: [] as number[],
  /** The extension host's worst event-loop delay, in ms, over the whole run (each host since its start). */
  worstHostLagMs: 0,
  idle: [] as { cycle: number; threadsBefore: number; threadsAfter: number; timeoutsBefore: number; timeoutsAfter: number; sessions: number; workers: number }[],
  filesMatch: false,
  failures: [] as string[],
};

const readProbe = (): Probe | undefined => {
  try {
    const probe = JSON.parse(readFileSync(PROBE, 'utf8')) as Probe;
    figures.worstHostLagMs = Math.max(figures.worstHostLagMs, Math.round(probe.worstLagMs ?? 0));
    return probe;
  } catch {
    return undefined;
  }
};
const threadsOf = (pid: number): number => Number(/Threads:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

function check(ok: boolean, failure: string): void {
  if (!ok) {
    figures.failures.push(failure);
    console.error(`soak: FAILED ${failure}`);
  }
}

async function main(): Promise<void> {
  process.env.NN_PLAYGROUND_PROBE = PROBE;
  // A grace period of 0: a closed model's session (and worker) ends at once, so idle means idle.
  const session = await startSession({ results: RESULTS, settings: { ...AUTO_SAVE, 'nnPlayground.sessionGracePeriod': 0 } });
  const expected = new Map<string, string>();
  const xorLong = readFileSync(join(session.workspace, 'xor.nn.json'), 'utf8').replace(/"epochs"\s*:\s*\d+/, '"epochs": 100000');
  for (const [name, text] of [
    [MODEL_A, LONG_MODEL_TEXT],
    [MODEL_B, xorLong],
  ] as const) {
    writeFileSync(join(session.workspace, name), text);
    expected.set(name, text);
  }
  const onDisk = (name: string) => readFileSync(join(session.workspace, name), 'utf8');
  const diskMatches = (name: string) => waitFor(`${name} on disk to hold the expected text`, async () => (onDisk(name) === expected.get(name) ? true : undefined), 60_000, 100);
  const { page } = session;
  const frame = () => panelFrame(page);
  const following = (name: string) => frame().locator('.following').filter({ hasText: name }).waitFor({ timeout: 60_000 });

  const openPanelOn = async (name: string) => {
    await open(name);
    await runCommand(page, 'NN Playground: Open Playground Panel');
    await following(name);
  };
  /**
   * Presses Train until the epoch advances: right after a mend the button can still read Pause
   * for a moment before the session's pause (from the broken text) reaches the panel.
   */
  const train = async () => {
    const button = frame().locator('#train-pause');
    const from = (await panelEpoch(page)) ?? 0;
    for (let attempt = 0; ; attempt++) {
      if ((await button.textContent()) === 'Train') await button.click();
      try {
        await waitFor('training to advance the epoch', async () => (((await panelEpoch(page)) ?? 0) > from ? true : undefined), 10_000);
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  };
  const edit = async (name: string, selector: string, key: string, value: string) => {
    await typeInto(page, frame().locator(selector), value);
    const before = expected.get(name)!;
    expected.set(name, withValue(before, key, value));
    await diskMatches(name);
    figures.hyperparameterEdits++;
  };
  const closeAllAndProbe = async (): Promise<Probe> => {
    await runCommand(page, 'View: Close All Editors');
    return waitFor('the extension to hold no session and no worker', async () => {
      const p = readProbe();
      return p && Date.now() - p.at < 3000 && p.sessions === 0 && p.workers === 0 ? p : undefined;
    }, 30_000, 200);
  };

  /**
   * Pauses training and returns how long, in seconds, the panel's epoch and the status bar's told
   * different figures after it: the gap between the moments each began to show the figure they end
   * on, as the pages themselves logged those moments (scripts/lib/text-watch.ts). Polling through
   * Playwright only decides when both agree (a stale figure never catches up: then the whole budget
   * is the answer); `polled` is how long that took, which on a loaded machine is mostly the polls'
   * own round trips.
   */
  const epochLag = async (budgetSeconds: number): Promise<{ seconds: number; polled: number }> => {
    const statusRoot = page.locator(WORKBENCH.statusBar);
    const panelRoot = frame().locator('body');
    await Promise.all([watchText(statusRoot, 'status', '.statusbar-item', STATUS_WITH_EPOCH.source), watchText(panelRoot, 'panel', PANEL.epoch)]);
    const clicked = Date.now();
    await frame().locator('#train-pause').click();
    await frame().locator('#train-pause').filter({ hasText: 'Train' }).waitFor({ timeout: 30_000 });
    const paused = Date.now();
    figures.worstPauseSeconds = Math.max(figures.worstPauseSeconds, (paused - clicked) / 1000);
    for (;;) {
      const [p, st] = await Promise.all([panelEpoch(page), statusEpoch(page)]);
      figures.epochSamples++;
      const polled = (Date.now() - paused) / 1000;
      if (polled > budgetSeconds) return { seconds: polled, polled };
      if (p !== undefined && p === st) {
        const [statusLog, panelLog] = await Promise.all([textLog(statusRoot, 'status'), textLog(panelRoot, 'panel')]);
        const statusAt = settledAt(statusLog, parseStatusEpoch, p);
        const panelAt = settledAt(panelLog, parsePanelEpoch, p);
        // Both logs end on the agreed figure unless it changed again after the poll read it.
        if (statusAt === undefined || panelAt === undefined) return { seconds: polled, polled };
        return { seconds: Math.abs(statusAt - panelAt) / 1000, polled };
      }
      await page.waitForTimeout(50);
    }
  };
  /** Quick Open from the text editor's group, so the file opens there and not over the panel. */
  const open = async (name: string) => {
    if ((await page.locator(WORKBENCH.editorLines).count()) > 0) await page.locator(WORKBENCH.editorLines).first().click();
    await openFile(page, name);
  };
  /**
   * Breaks the model's JSON with a `}` typed at its end and waits for the status bar's error count.
   * On the loaded CI machine a keystroke right after the click was once lost (no `}` in the text,
   * no error after 30 s): the text on disk (Auto Save) tells whether it arrived, so a lost one is
   * typed again, and one that arrived never twice.
   */
  const breakJson = async (name: string) => {
    const broken = `${expected.get(name)!}}`;
    const nnStatus = page.locator(`${WORKBENCH.statusBar} .statusbar-item`).filter({ hasText: /NN: / }).first();
    for (let attempt = 1; ; attempt++) {
      await page.locator(WORKBENCH.editorLines).first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('}');
      const arrived = await waitFor(`the typed } in ${name} on disk`, async () => (onDisk(name) === broken ? true : undefined), 15_000, 100).catch(() => false);
      if (arrived) break;
      // Typed but not yet saved: wait for Auto Save rather than type a second `}`.
      if ((await page.locator(`${WORKBENCH.activeTab}.dirty`).count()) > 0) {
        await waitFor(`Auto Save to write ${name}`, async () => (onDisk(name) === broken ? true : undefined), 30_000, 100);
        break;
      }
      check(onDisk(name) === expected.get(name), `${name} on disk is neither the model nor the model with one } typed at its end`);
      figures.breaksRetyped++;
      if (attempt === 3) throw new Error(`three } typed at the end of ${name} never reached its text`);
    }
    await nnStatus.filter({ hasText: /NN: \d+ errors?/ }).waitFor({ timeout: 30_000 });
  };

  const started = Date.now();
  let idle = await closeAllAndProbe();
  let idleThreads = threadsOf(idle.pid);
  try {
    for (let cycle = 0; Date.now() - started < minutes * 60_000 || cycle === 0; cycle++) {
      const i = cycle % LEARNING_RATES.length;
      // 1. Train the long model and edit its hyperparameters in the panel while it runs.
      await openPanelOn(MODEL_A);
      await train();
      await edit(MODEL_A, '#lr', 'learningRate', LEARNING_RATES[i]!);
      await edit(MODEL_A, '#batch', 'batchSize', BATCH_SIZES[i]!);
      // 2. Break the JSON in the editor, see the panel say so, mend it.
      await breakJson(MODEL_A);
      await page.keyboard.press('Backspace');
      await diskMatches(MODEL_A);
      await waitFor('the status bar to show the mended model', async () => ((await statusEpoch(page)) !== undefined ? true : undefined), 30_000);
      figures.breaksMended++;
      await train();
      // 3. The panel and the status bar tell the same epoch within a second.
      const lag = await epochLag(10);
      figures.worstEpochLagSeconds = Math.max(figures.worstEpochLagSeconds, lag.seconds);
      figures.worstEpochPolledSeconds = Math.max(figures.worstEpochPolledSeconds, lag.polled);
      check(lag.seconds <= 1, `cycle ${cycle}: the panel's and the status bar's epochs were ${lag.seconds.toFixed(2)} s apart`);
      // 4. Switch to the other model, train it, edit it, reset it.
      await open(MODEL_B);
      await following(MODEL_B);
      figures.modelSwitches++;
      await train();
      await edit(MODEL_B, '#lr', 'learningRate', LEARNING_RATES[(i + 1) % LEARNING_RATES.length]!);
      await frame().locator('#reset').click();
      await waitFor('Reset to bring the epoch back to 0', async () => ((await panelEpoch(page)) === 0 ? true : undefined), 30_000);
      figures.resets++;
      // 5. No error in Problems for mended, healthy models.
      await page.locator(WORKBENCH.editorLines).first().click();
      const markers = page.locator('.markers-panel');
      if (!(await markers.isVisible())) await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
      await markers.waitFor();
      await page.waitForTimeout(1500); // diagnostics follow the text after a debounce
      const errors = await page.locator(`${WORKBENCH.problemsRows} .codicon-error`).count();
      figures.problemsErrors.push(errors);
      check(errors === 0, `cycle ${cycle}: ${errors} error(s) in the Problems panel`);
      await session.screenshot(`cycle-${cycle}`);
      for (const name of [MODEL_A, MODEL_B]) check(onDisk(name) === expected.get(name), `cycle ${cycle}: ${name} on disk differs from the edits`);
      // 6. Nothing left behind with every editor closed.
      const after = await closeAllAndProbe();
      await page.waitForTimeout(1000);
      const afterThreads = threadsOf(after.pid);
      const timeoutsBefore = idle.resources.Timeout ?? 0;
      // A leaked timer stays; one still running out (a retry of a lens refresh, a notice's ten
      // seconds) ends on its own: wait for that, up to TIMER_SETTLE_MS, before counting.
      const timeoutsAfter = await waitFor('the timers to settle', async () => {
        const count = readProbe()?.resources.Timeout;
        return count !== undefined && count <= timeoutsBefore ? count : undefined;
      }, TIMER_SETTLE_MS, 500).catch(() => readProbe()?.resources.Timeout ?? NaN);
      const entry = {
        cycle,
        threadsBefore: idleThreads,
        threadsAfter: afterThreads,
        timeoutsBefore,
        timeoutsAfter,
        sessions: after.sessions,
        workers: after.workers,
      };
      figures.idle.push(entry);
      check(entry.threadsAfter <= entry.threadsBefore + THREAD_SLACK, `cycle ${cycle}: the extension host went from ${entry.threadsBefore} to ${entry.threadsAfter} threads`);
      check(entry.timeoutsAfter <= entry.timeoutsBefore, `cycle ${cycle}: active timers went from ${entry.timeoutsBefore} to ${entry.timeoutsAfter}`);
      figures.cycles++;
      if (Date.now() - started >= minutes * 60_000) break;
      // 7. Reload the window with the panel open: it comes back on the same model.
      await openPanelOn(MODEL_A);
      const reloaded = page.waitForEvent('load', { timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window').catch(() => undefined);
      await reloaded;
      await waitForWorkbench(page);
      await following(MODEL_A);
      figures.reloads++;
      idle = await closeAllAndProbe();
      await page.waitForTimeout(1000);
      idleThreads = threadsOf(idle.pid);
    }
    for (const name of [MODEL_A, MODEL_B]) check(onDisk(name) === expected.get(name), `${name} on disk differs from the edits at the end`);
  } catch (error) {
    figures.failures.push(`stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    await session.screenshot('failed').catch(() => undefined);
  } finally {
    // Also when a step timed out: what is on disk then is still what the edits made (an edit in
    // flight counts as made once its value is on disk).
    figures.filesMatch = [MODEL_A, MODEL_B].every((name) => onDisk(name) === expected.get(name));
    await dispose(session);
  }
}

async function dispose(session: E2ESession): Promise<void> {
  await session.dispose().catch(() => undefined);
}

const began = Date.now();
await main();
const seconds = ((Date.now() - began) / 1000).toFixed(0);
writeFileSync(join(RESULTS, 'figures.json'), JSON.stringify(figures, null, 2));
console.log(`soak: ${minutes} min asked, ${seconds} s run`);
console.log(
  `soak: ${figures.cycles} cycles, ${figures.hyperparameterEdits} hyperparameter edits, ${figures.breaksMended} breaks mended (${figures.breaksRetyped} typed again), ` +
    `${figures.modelSwitches} model switches, ${figures.resets} resets, ${figures.reloads} window reloads`,
);
console.log(`soak: model files as the edits left them: ${figures.filesMatch ? 'yes' : 'NO'}`);
console.log(`soak: worst panel/status-bar epoch lag after a pause ${figures.worstEpochLagSeconds.toFixed(2)} s as the pages logged it (${figures.worstEpochPolledSeconds.toFixed(2)} s until polling read both, ${figures.epochSamples} readings); worst pause ${figures.worstPauseSeconds.toFixed(2)} s`);
console.log(`soak: errors in Problems per cycle: ${figures.problemsErrors.join(', ') || 'none read'}`);
console.log(`soak: worst extension-host event-loop delay ${figures.worstHostLagMs} ms`);
for (const e of figures.idle) {
  console.log(`soak: cycle ${e.cycle} idle: ext host threads ${e.threadsBefore} -> ${e.threadsAfter}, timers ${e.timeoutsBefore} -> ${e.timeoutsAfter}, sessions ${e.sessions}, workers ${e.workers}`);
}
const failed = figures.failures.length > 0 || !figures.filesMatch || figures.cycles === 0;
console.log(failed ? `soak: FAILED (${figures.failures.join('; ') || 'no full cycle'})` : 'soak: 1 passed, 0 failed');
if (!existsSync(RESULTS)) console.error('soak: no results folder');
process.exit(failed ? 1 : 0);
