// Debugging a Cairo 1 program in the real VS Code (issue 16): a Scarb-shaped package holding a
// committed fixture (array_sum: its source, executable and debug file) is added to the
// workspace; F5 on its .cairo file finds target/dev's executable, stops at a breakpoint inside
// the loop of `sum`, steps over into the next iteration, and steps back.
module.exports = (t) => {
  const fixtures = t.path.resolve(__dirname, '..', '..', 'cairo1');
  const pkg = t.path.join(t.folder, 'cairo1', 'array_sum');
  const file = t.path.join(pkg, 'programs', 'array_sum.cairo');
  const line = 6; // total += *s[i];  inside `while i != s.len()`

  // The call stack row of the frame the editor shows (inlined corelib frames above it are played down).
  const shownFrame = async () => (await t.rows('.debug-call-stack .monaco-list-row')).map((r) => r.replace(/\s+/g, ' ')).find((r) => r.includes('array_sum.cairo'));
  const atLine = (n) => async () => {
    const row = await shownFrame();
    return row && new RegExp(`array_sum\\.cairo ${n}:\\d+`).test(row) ? row : undefined;
  };

  /** F9 on a line of the active editor: sets a breakpoint there, or removes it. */
  async function toggleBreakpoint(n) {
    await t.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await t.page.keyboard.press('Control+G');
    await t.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await t.page.keyboard.type(String(n));
    await t.page.keyboard.press('Enter');
    await t.page.keyboard.press('F9');
  }

  // The package is in place before the workbench opens the folder (a file made later can miss quick open's index).
  t.fs.mkdirSync(t.path.join(pkg, 'programs'), { recursive: true });
  t.fs.mkdirSync(t.path.join(pkg, 'target', 'dev'), { recursive: true });
  t.fs.writeFileSync(t.path.join(pkg, 'Scarb.toml'), '[package]\nname = "array_sum"\nversion = "0.1.0"\n\n[[target.executable]]\n');
  t.fs.copyFileSync(t.path.join(fixtures, 'programs', 'array_sum.cairo'), file);
  for (const ext of ['executable', 'debug']) {
    t.fs.copyFileSync(t.path.join(fixtures, 'fixtures', 'array_sum', `array_sum.${ext}.json`), t.path.join(pkg, 'target', 'dev', `array_sum.${ext}.json`));
  }

  t.step('F5 on a Cairo 1 file stops at a breakpoint inside its loop, with sum on the call stack', async () => {
    const page = t.page;
    await page.locator('.monaco-workbench .part.editor').click();
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('array_sum.cairo');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="array_sum.cairo"]');
    await page.keyboard.press('Enter');
    await t.until('array_sum.cairo active', async () => (await t.rows('.tab.active')).some((x) => x.includes('array_sum.cairo')));
    await toggleBreakpoint(line);
    await page.waitForSelector('.monaco-editor .codicon-debug-breakpoint');
    await page.keyboard.press('F5');
    await page.waitForSelector('.debug-toolbar', { state: 'visible' });
    const row = await t.until(`the stop at array_sum.cairo:${line}`, atLine(line), 60000);
    t.mark('cairo1 frame: ' + row);
    if (!/\bsum\b/.test(row)) throw new Error('the shown frame is not sum: ' + row);
    const frames = await t.rows('.debug-call-stack .monaco-list-row');
    t.mark('cairo1 call stack: ' + JSON.stringify(frames.slice(0, 6)) + ` (${frames.length} rows)`);
    // sum's argument s (a Span<u32> of the squares 0..19) with its Cairo type, in the Arguments scope.
    const vars = await t.until('the argument s in Variables', async () => {
      const v = (await t.rows('.debug-variables .monaco-list-row')).map((r) => r.replace(/\s+/g, ' ').trim());
      return v.some((r) => /^s = \[0, 1, 4, 9/.test(r)) ? v : undefined;
    }, 15000);
    t.mark('cairo1 variables: ' + JSON.stringify(vars.slice(0, 6)));
    await t.shot('cairo1-01-breakpoint-in-loop.png');
  });

  t.step('step over goes on through the loop; step back comes back to the breakpoint line', async () => {
    const page = t.page;
    // No more stops at the breakpoint: the steps below go by lines.
    await toggleBreakpoint(line);
    await page.keyboard.press('F10');
    const next = await t.until('a stop on another line of sum', async () => {
      const row = await shownFrame();
      return row && !new RegExp(`array_sum\\.cairo ${line}:`).test(row) ? row : undefined;
    }, 30000);
    t.mark('after step over: ' + next);
    await t.shot('cairo1-02-step-over.png');
    // The toolbar's Step Back (the command palette lists no Step Back).
    await page.locator('.debug-toolbar .codicon-debug-step-back').first().click();
    const back = await t.until(`back at line ${line}`, atLine(line), 30000);
    t.mark('after step back: ' + back);
    await t.shot('cairo1-03-step-back.png');
  });

  t.step('Shift+F5 ends the Cairo 1 session', async () => {
    const page = t.page;
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Shift+F5');
    await page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 60000 });
  }, true);
};
