// Debugging a Cairo 1 program in the real VS Code (issue 16): a Scarb-shaped package holding a
// committed fixture (points: its source, executable and debug file) is added to the
// workspace; F5 on its .cairo file finds target/dev's executable, stops at a breakpoint inside
// its while loop, shows the struct variable `sum` and its fields in Locals, steps over, and
// steps back.
module.exports = (t) => {
  const fixtures = t.path.resolve(__dirname, '..', '..', 'cairo1');
  const name = 'points';
  const pkg = t.path.join(t.folder, 'cairo1', name);
  const file = t.path.join(pkg, 'programs', `${name}.cairo`);
  const line = 15; // sum = Point { x: sum.x + p.x, y: sum.y + p.y };  inside `while i != points.len()`

  // The call stack row of the frame the editor shows (inlined corelib frames above it are played down).
  const shownFrame = async () => (await t.rows('.debug-call-stack .monaco-list-row')).map((r) => r.replace(/\s+/g, ' ')).find((r) => r.includes(`${name}.cairo`));
  const atLine = (n) => async () => {
    const row = await shownFrame();
    return row && new RegExp(`${name}\\.cairo ${n}:\\d+`).test(row) ? row : undefined;
  };
  const variables = async () => (await t.rows('.debug-variables .monaco-list-row')).map((r) => r.replace(/\s+/g, ' ').trim());

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
  t.fs.writeFileSync(t.path.join(pkg, 'Scarb.toml'), `[package]\nname = "${name}"\nversion = "0.1.0"\n\n[[target.executable]]\n`);
  t.fs.copyFileSync(t.path.join(fixtures, 'programs', `${name}.cairo`), file);
  for (const ext of ['executable', 'debug']) {
    t.fs.copyFileSync(t.path.join(fixtures, 'fixtures', name, `${name}.${ext}.json`), t.path.join(pkg, 'target', 'dev', `${name}.${ext}.json`));
  }

  t.step('F5 on a Cairo 1 file stops at a breakpoint inside its loop; Locals shows the struct sum, expanded to its fields', async () => {
    const page = t.page;
    await page.locator('.monaco-workbench .part.editor').click();
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(`${name}.cairo`);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}.cairo"]`);
    await page.keyboard.press('Enter');
    await t.until(`${name}.cairo active`, async () => (await t.rows('.tab.active')).some((x) => x.includes(`${name}.cairo`)));
    await toggleBreakpoint(line);
    await page.waitForSelector('.monaco-editor .codicon-debug-breakpoint');
    await page.keyboard.press('F5');
    await page.waitForSelector('.debug-toolbar', { state: 'visible' });
    const row = await t.until(`the stop at ${name}.cairo:${line}`, atLine(line), 60000);
    t.mark('cairo1 frame: ' + row);
    if (!/\bmain\b/.test(row)) throw new Error('the shown frame is not main: ' + row);
    const frames = await t.rows('.debug-call-stack .monaco-list-row');
    t.mark('cairo1 call stack: ' + JSON.stringify(frames.slice(0, 6)) + ` (${frames.length} rows)`);
    // The loop's second pass (the compiler ran the first at compile time): sum of the first point, p the second.
    const vars = await t.until('sum and p in Locals', async () => {
      const v = await variables();
      return v.some((r) => /^sum\s*[=:]\s*\{x: 1, y: 2\}/.test(r)) && v.some((r) => /^p\s*[=:]\s*\{x: 3, y: 4\}/.test(r)) ? v : undefined;
    }, 15000);
    t.mark('cairo1 variables: ' + JSON.stringify(vars.slice(0, 8)));
    // Expand sum: its fields by name.
    const sumRow = page.locator('.debug-variables .monaco-list-row').filter({ hasText: /^\s*sum\b/ }).first();
    if ((await sumRow.getAttribute('aria-expanded')) !== 'true') await sumRow.click();
    const fields = await t.until('the fields of sum', async () => {
      const v = await variables();
      return v.some((r) => /^x\s*[=:]\s*1$/.test(r)) && v.some((r) => /^y\s*[=:]\s*2$/.test(r)) ? v : undefined;
    }, 15000);
    t.mark('cairo1 sum expanded: ' + JSON.stringify(fields.slice(0, 8)));
    await t.shot('cairo1-01-breakpoint-in-loop.png');
  });

  t.step('step over goes on through the loop; step back comes back to the breakpoint line', async () => {
    const page = t.page;
    // No more stops at the breakpoint: the steps below go by lines.
    await toggleBreakpoint(line);
    await page.keyboard.press('F10');
    const next = await t.until('a stop on another line of sum', async () => {
      const row = await shownFrame();
      return row && !new RegExp(`${name}\\.cairo ${line}:`).test(row) ? row : undefined;
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
