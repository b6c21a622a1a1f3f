// Time travel in the real VS Code (issue 13), on multi/main.cairo, where p = perimeter(r) = 14:
// a data breakpoint on p from the Variables view (reverse continue stops at the step that wrote
// it, continue right after it); "Cairn: Who Wrote This?" on a selection and its "Go to step N";
// step back; reverse continue from the end of the run back to a line breakpoint. Then a
// post-mortem session of fib opened from a `cairn run`'s trace and memory files (a launch.json
// with traceFile/memoryFile): stop on entry, a breakpoint, a step and a step back. Each stop is
// checked on the step number the Registers scope shows, so no wait is a sleep.
const { spawnSync } = require('child_process');

module.exports = (t) => {
  const { fs, path } = t;
  const mainFile = path.join(t.folder, 'src', 'multi', 'main.cairo');
  const mainSource = fs.readFileSync(mainFile, 'utf8').split('\n');
  const lineOf = (lines, text) => lines.findIndex((l) => l.includes(text)) + 1;
  const STOP_LINE = lineOf(mainSource, 'serialize_word(a);');
  const P_LINE = lineOf(mainSource, 'serialize_word(p);');
  const geometry = fs.readFileSync(path.join(t.folder, 'src', 'multi', 'geometry.cairo'), 'utf8').split('\n');
  const WRITE_LINE = lineOf(geometry, 'return twice_w + r.height * 2;');
  const fibSource = fs.readFileSync(path.join(t.folder, 'src', 'fib.cairo'), 'utf8').split('\n');
  const FIB_RETURN = lineOf(fibSource, 'return a;');
  const launchJson = path.join(t.folder, '.vscode', 'launch.json');
  const recorded = path.join(t.folder, 'post-mortem');

  const editor = () => t.page.locator('.editor-instance .monaco-editor .view-lines').first();
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const top = async () => norm((await t.rows('.debug-call-stack .monaco-list-row'))[0] || '');
  const variables = async () => (await t.rows('.debug-variables .monaco-list-row')).map(norm);

  /** The step the Registers scope shows (it is expanded once; VS Code keeps it open). */
  async function step() {
    const find = async () => {
      const row = (await variables()).find((v) => /^step\s*[:=]\s*\d+/.test(v));
      return row ? Number(/\d+/.exec(row)[0]) : undefined;
    };
    let s = await find();
    if (s !== undefined) return s;
    const regs = t.page.locator('.debug-variables .monaco-list-row', { hasText: 'Registers' }).first();
    await regs.waitFor();
    if ((await regs.getAttribute('aria-expanded')) !== 'true') await regs.click();
    return (await t.until('the step register', async () => {
      const x = await find();
      return x === undefined ? undefined : { x };
    }, 15000)).x;
  }

  /** Waits for a stop whose step `accept` takes (the views refresh after each stop). */
  async function stopAt(what, accept, timeout = 30000) {
    const found = await t.until(what, async () => {
      const s = await step().catch(() => undefined);
      return s !== undefined && accept(s) ? { s } : undefined;   // step 0 is falsy: boxed
    }, timeout);
    return found.s;
  }

  async function keys(...k) {
    await editor().click();
    for (const key of k) await t.page.keyboard.press(key);
  }

  async function open(rel, name) {
    // quick open with a click on the file's row (Enter can race the list's filtering); not a
    // click on the tab, which the floating debug toolbar may cover
    if (!(await t.rows('.tab.active')).some((x) => x.includes(name))) {
      await t.page.locator('.monaco-workbench .part.editor').click();
      await t.page.keyboard.press('Control+P');
      await t.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await t.page.keyboard.type(rel);
      const row = t.page.locator(`.quick-input-list .monaco-list-row[aria-label^="${name}"]`).first();
      await row.waitFor();
      await row.click();
    }
    await t.until(`${name} active`, async () => (await t.rows('.tab.active')).some((x) => x.includes(name)));
  }

  async function goToLine(line, column) {
    await editor().click();
    await t.page.keyboard.press('Control+G');
    await t.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await t.page.keyboard.type(column ? `${line}:${column}` : String(line));
    await t.page.keyboard.press('Enter');
    await t.page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  }

  /** Runs a command from the palette: types `typed`, clicks the row whose title `title` matches
   *  (VS Code shows some debug commands without their category, so Enter on the first row can miss). */
  async function palette(typed, title, closes = true) {
    const page = t.page;
    await editor().click();
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(typed);
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const at = await t.until(`"${typed}" in the command palette`, async () => {
      const texts = (await rows.allInnerTexts()).map((x) => x.split('\n')[0].replace(/\u00a0/g, ' ').trim());
      const i = texts.findIndex((x) => title.test(x));
      return i >= 0 ? i + 1 : undefined;
    }, 15000);
    await rows.nth(at - 1).click();
    if (closes) await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  }
  // Step back and reverse continue have no palette entry or default key: the debug toolbar's buttons.
  const toolbar = async (icon) => {
    const button = t.page.locator(`.debug-toolbar .action-label.codicon-${icon}`).first();
    await button.waitFor({ state: 'visible' });
    await t.until(`${icon} enabled`, async () => !(await button.getAttribute('class')).includes('disabled'), 10000);
    await button.click();
  };
  const stepBack = () => toolbar('debug-step-back');
  const reverseContinue = () => toolbar('debug-reverse-continue');
  /** The Call Stack header: "Paused on ..." or the stop's description. */
  const paused = async () => norm(await t.page.locator('.pane-header', { hasText: /call stack/i }).first().innerText().catch(() => ''));

  async function removeAllBreakpoints() {
    // the command is offered only while some breakpoint exists
    if ((await t.rows('.debug-breakpoints .monaco-list-row')).filter((r) => !/VM errors/.test(r)).length === 0) return;
    await palette('Remove All Breakpoints', /^(Debug: )?Remove All Breakpoints$/);
    await t.until('no breakpoints in the editor', async () => (await t.page.locator('.monaco-editor .codicon-debug-breakpoint').count()) === 0, 10000);
  }

  async function endSession() {
    await keys('Shift+F5');
    await t.page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 30000 });
  }

  let written; // the step that wrote p

  t.step('time travel: F5 on multi/main.cairo stops at serialize_word(a) with p = 14', async () => {
    await open('multi/main.cairo', 'main.cairo');
    await removeAllBreakpoints();   // earlier steps leave theirs in the workspace
    await goToLine(STOP_LINE);
    await t.page.keyboard.press('F9');
    await t.page.waitForSelector('.monaco-editor .codicon-debug-breakpoint');
    await keys('F5');
    await t.page.waitForSelector('.debug-toolbar', { state: 'visible' });
    await t.until(`main at main.cairo:${STOP_LINE}`, async () => new RegExp(`\\bmain\\b.*main\\.cairo ${STOP_LINE}:`).test(await top()));
    await t.until('p = 14', async () => (await variables()).includes('p = 14'));
    t.mark(`stopped at step ${await step()}: ${await top()}`);
    await t.shot('time-travel-01-stopped.png');
  });

  t.step('a data breakpoint on p (Variables, "Break on Value Change"): reverse continue stops where p was written, continue right after', async () => {
    const page = t.page;
    const before = await step();
    // VS Code offers data breakpoints only on the Variables view's context menu (no command for it)
    const menuItem = page.locator('.context-view .action-item', { hasText: 'Break on Value Change' }).first();
    const watched = async () => (await t.rows('.debug-breakpoints .monaco-list-row')).some((r) => /\bp\b/.test(r) && /cell \d+:\d+/.test(r));
    for (let attempt = 0; attempt < 3 && !(await watched()); attempt++) {
      const row = page.locator('.debug-variables .monaco-list-row', { hasText: /^\s*p\s*[:=]/ }).first();
      await row.click({ button: 'right' });
      await menuItem.waitFor({ state: 'visible', timeout: 10000 });
      await menuItem.hover();
      await menuItem.click();
      await t.until('the data breakpoint in the Breakpoints view', watched, 5000).catch(() => undefined);
    }
    if (!(await watched())) throw new Error('no data breakpoint on p: ' + JSON.stringify(await t.rows('.debug-breakpoints .monaco-list-row')));
    t.mark('breakpoints: ' + JSON.stringify((await t.rows('.debug-breakpoints .monaco-list-row')).map(norm)));
    await t.shot('time-travel-02-data-breakpoint.png');

    await reverseContinue();
    written = await stopAt('the reverse stop at the writing step', (s) => s < before);
    const back = await t.until(`perimeter at geometry.cairo:${WRITE_LINE}`, async () => {
      const f = await top();
      return /\bperimeter\b/.test(f) && f.includes(`geometry.cairo ${WRITE_LINE}:`) ? f : undefined;
    });
    // the stop's description heads the Call Stack: the watched cell and the step that wrote it
    const why = await t.until('the data breakpoint\'s description', async () => {
      const h = await paused();
      return new RegExp(`\\d+:\\d+ written by step ${written}\\b`).test(h) ? h : undefined;
    }, 10000);
    t.mark(`reverse continue: step ${written}, ${back} (${why})`);
    await t.shot('time-travel-03-reverse-to-writer.png');

    await keys('F5');
    const after = await stopAt('the forward stop after the write', (s) => s !== written);
    if (after !== written + 1) throw new Error(`continue stopped at step ${after}, expected ${written + 1} (right after the write)`);
    if (!new RegExp(`written by step ${written}\\b`).test(await paused())) throw new Error('the forward stop is not the data breakpoint: ' + (await paused()));
    t.mark(`continue: step ${after}, ${await top()} (${await paused()})`);
    await t.shot('time-travel-04-continue-to-write.png');
    await removeAllBreakpoints();
  });

  t.step('"Cairn: Who Wrote This?" on the selected r.height offers "Go to step N", which moves the run there', async () => {
    const page = t.page;
    await open('multi/geometry.cairo', 'geometry.cairo');
    const column = geometry[WRITE_LINE - 1].indexOf('r.height') + 1;
    await goToLine(WRITE_LINE, column);
    for (let i = 0; i < 'r.height'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await t.command('Cairn: Who Wrote This?');
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'written by step' }).first();
    await toast.waitFor({ timeout: 20000 });
    const text = norm(await toast.innerText());
    t.mark('who wrote: ' + text);
    const m = /r\.height: \d+:\d+ = 4: written by step (\d+)/.exec(text);
    if (!m) throw new Error('unexpected answer: ' + text);
    const target = Number(m[1]);
    if (target >= written) throw new Error(`r.height (an argument) was written at step ${target}, not before p's step ${written}`);
    await t.shot('time-travel-05-who-wrote.png');
    await toast.locator('.monaco-button', { hasText: `Go to step ${target}` }).click();
    await stopAt(`step ${target}`, (s) => s === target);
    const f = await t.until('main on top (the caller wrote the argument)', async () => {
      const x = await top();
      return /\bmain\b/.test(x) && x.includes('main.cairo') ? x : undefined;
    });
    // the Call Stack says why the run is there (VS Code redraws it since the adapter says the run went on)
    const why = await t.until('the stop text of the move', async () => {
      const h = await paused();
      return h.includes(`was written by step ${target}`) ? h : undefined;
    }, 10000);
    t.mark(`went to step ${target}: ${f} (${why})`);
    await t.shot('time-travel-06-went-to-writer.png');
  });

  t.step('step back goes to the line before; past the end of the run, reverse continue stops at a breakpoint behind', async () => {
    const from = await step();
    await stepBack();
    const back = await stopAt('the step back', (s) => s < from);
    t.mark(`step back: step ${from} -> ${back}, ${await top()} (${await paused()})`);
    await t.shot('time-travel-07-step-back.png');
    await open('multi/main.cairo', 'main.cairo');
    await goToLine(P_LINE);
    await t.page.keyboard.press('F9');
    await t.page.waitForSelector('.monaco-editor .codicon-debug-breakpoint');
    await keys('F5');
    const at = await stopAt(`the breakpoint on main.cairo:${P_LINE}`, (s) => s > back);
    await t.until(`main at main.cairo:${P_LINE}`, async () => (await top()).includes(`main.cairo ${P_LINE}:`));
    await keys('F5');
    // the Call Stack says the last step; the end frame sits at main's return, so Variables shows the final state
    await t.until('the end of the run on top', async () => /end of the run/.test(await top()), 30000);
    const end = Number((/\(step (\d+)\)/.exec(await paused()) || [])[1]);
    if (!(end > at)) throw new Error('the end of the run: ' + (await paused()));
    await stopAt(`the registers at the end (step ${end})`, (s) => s === end, 15000);
    await reverseContinue();
    await stopAt(`step ${at} again`, (s) => s === at);
    await t.until(`main at main.cairo:${P_LINE} again`, async () => (await top()).includes(`main.cairo ${P_LINE}:`));
    t.mark(`breakpoint at step ${at}, end at step ${end}, reverse continue back to ${at}: ${await top()} (${await paused()})`);
    await t.shot('time-travel-08-reverse-to-breakpoint.png');
    await endSession();
    await removeAllBreakpoints();
  });

  t.step('post-mortem: fib from a cairn run\'s trace and memory files (launch.json with traceFile/memoryFile): entry, breakpoint, step, step back', async () => {
    const page = t.page;
    // The installed extension's CLI writes the files a post-mortem session reads (cairo-run's format).
    const exts = path.join(t.folder, '..', 'exts');
    const ext = fs.existsSync(exts) ? fs.readdirSync(exts).find((d) => /cairn/i.test(d)) : undefined;
    const cli = ext ? path.join(exts, ext, 'dist', 'cli.js') : path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    fs.mkdirSync(recorded, { recursive: true });
    const run = spawnSync(process.execPath, [cli, 'run', '--program', path.join(t.folder, 'build', 'fib.json'), '--layout', 'small',
      '--trace_file', path.join(recorded, 'fib.trace'), '--memory_file', path.join(recorded, 'fib.memory')], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`cairn run failed: ${run.stderr || run.stdout}`);
    fs.mkdirSync(path.dirname(launchJson), { recursive: true });
    fs.writeFileSync(launchJson, JSON.stringify({
      version: '0.2.0',
      configurations: [{
        type: 'cairn', request: 'launch', name: 'Cairn: post-mortem fib', program: '${workspaceFolder}/build/fib.json',
        traceFile: '${workspaceFolder}/post-mortem/fib.trace', memoryFile: '${workspaceFolder}/post-mortem/fib.memory',
        sourceRoot: '${workspaceFolder}/src', stopOnEntry: true,
      }],
    }, null, 2));

    await open('fib.cairo', 'fib.cairo');
    await goToLine(FIB_RETURN);
    await page.keyboard.press('F9');
    await page.waitForSelector('.monaco-editor .codicon-debug-breakpoint');
    // VS Code reads the new launch.json through its file watcher: wait until it shows the
    // configuration (Run and Debug's picker or the status bar) before asking for it
    await t.until('the launch.json configuration known to VS Code', async () =>
      (await t.rows('.start-debug-action-item, .statusbar-item')).some((x) => x.includes('Cairn: post-mortem fib')), 30000);
    await palette('Select and Start Debugging', /Select and Start Debugging$/, false);
    const config = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Cairn: post-mortem fib' }).first();
    await config.waitFor({ timeout: 20000 });
    await config.click();
    await page.waitForSelector('.debug-toolbar', { state: 'visible' });
    await stopAt('the stop on entry', (s) => s === 0);
    await page.locator('.part.panel .action-label', { hasText: 'Debug Console' }).first().click();
    await t.until('the post-mortem banner in the Debug Console', async () => (await t.rows('.repl .monaco-list-row')).some((r) => r.includes('Cairn post-mortem')), 15000);
    t.mark('entry: ' + (await top()));

    await keys('F5');
    const hit = await stopAt('the breakpoint', (s) => s > 0);
    await t.until(`fib at fib.cairo:${FIB_RETURN} with n = 0`, async () =>
      (await top()).includes(`fib.cairo ${FIB_RETURN}:`) && (await variables()).includes('n = 0'));
    t.mark(`breakpoint: step ${hit}, ${await top()}`);
    await t.shot('time-travel-09-post-mortem-breakpoint.png');

    await keys('F10');
    const next = await stopAt('the step over', (s) => s > hit);
    const nextTop = await top();
    await stepBack();
    const back = await stopAt('the step back', (s) => s < next);
    t.mark(`post-mortem: breakpoint at step ${hit}, next to step ${next}: ${nextTop}; step back to ${back}: ${await top()}`);
    await t.shot('time-travel-10-post-mortem-step-back.png');
    await endSession();
  });

  t.step('time travel leaves the workbench as it was (no launch.json, no breakpoints)', async () => {
    if (await t.page.locator('.debug-toolbar').isVisible()) await endSession();
    fs.rmSync(launchJson, { force: true });
    fs.rmSync(recorded, { recursive: true, force: true });
    await removeAllBreakpoints();
  }, true);
};
