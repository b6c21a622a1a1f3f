// Profiling in the real VS Code: "Cairn: Profile Cairo Program" on src/fib.cairo opens the flame
// graph in a webview (an iframe inside an iframe in code-server); a click on fib's frame lands in
// fib.cairo at fib's first line; per-line step counts decorate the editor; closing the view
// clears them.
module.exports = (t) => {
  const fibPath = t.path.join(t.folder, 'src', 'fib.cairo');
  const source = t.fs.readFileSync(fibPath, 'utf8').split('\n');
  // fib's first instruction (debug_info's line for the frame) is its `if`
  const fibLine = source.findIndex((l) => l.includes('if (n == 0)')) + 1;
  const flame = () => t.page.frameLocator('iframe.webview').frameLocator('#active-frame');

  t.step('"Cairn: Profile Cairo Program" on fib.cairo shows the flame graph', async () => {
    const page = t.page;
    // fib.cairo is open in a tab since the first steps: select the tab (quick open's Enter can
    // race its own filtering and reopen the file that is already active)
    const tab = page.locator('.tabs-container .tab', { hasText: 'fib.cairo' }).first();
    if (await tab.count()) await tab.click();
    else {
      await page.locator('.monaco-workbench .part.editor').click();
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('fib.cairo');
      await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="fib.cairo"]');
      await page.keyboard.press('Enter');
    }
    await t.until('fib.cairo active', async () => (await t.rows('.tab.active')).some((x) => x.includes('fib.cairo')));
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await t.command('Cairn: Profile Cairo Program');
    const frames = await t.until('flame graph frames', async () => {
      const names = await flame().locator('.fr').allInnerTexts().catch(() => []);
      return names.some((n) => n.startsWith('fib (')) ? names : undefined;
    }, 60000);
    t.mark('frames: ' + JSON.stringify(frames.slice(0, 6)) + ` (${frames.length})`);
    if (!frames.some((n) => n === 'main (134)')) throw new Error('no main (134) frame: ' + JSON.stringify(frames.slice(0, 6)));
    // per-line steps after the profiled lines of fib.cairo (muted after-text decorations)
    const deco = await t.until('step counts in fib.cairo', async () => {
      const texts = await page.locator('.editor-instance .monaco-editor .view-lines').first().evaluate((el) =>
        [...el.querySelectorAll('span[class*="ced-"]')].map((s) => getComputedStyle(s, '::after').content).filter((c) => /steps?/.test(c)));
      return texts.length ? texts : undefined;
    }, 15000);
    t.mark('decorations: ' + JSON.stringify(deco.slice(0, 6)));
    await t.shot('profile-01-flame.png');
  });

  t.step('a click on fib\'s frame opens fib.cairo at fib\'s line', async () => {
    const page = t.page;
    await flame().locator('.fr[data-name="__main__.fib"]').first().click();
    await t.until('fib.cairo active', async () => (await t.rows('.tab.active')).some((x) => x.includes('fib.cairo')));
    const line = await t.until('cursor line', async () => {
      const l = (await page.locator('.monaco-editor .line-numbers.active-line-number').first().innerText().catch(() => '')).trim();
      return l === String(fibLine) ? l : undefined;
    }, 15000).catch(async () => (await page.locator('.monaco-editor .line-numbers.active-line-number').first().innerText().catch(() => '?')).trim());
    if (line !== String(fibLine)) throw new Error(`the click landed on line ${line}, expected ${fibLine}`);
    await t.shot('profile-02-clicked.png');
  });

  t.step('closing the profile view leaves the workbench as it was', async () => {
    const page = t.page;
    const tab = page.locator('.tabs-container .tab', { hasText: 'Profile: fib' });
    await tab.first().hover();
    await tab.first().locator('.codicon-close').click();
    await t.until('profile view closed', async () => (await tab.count()) === 0, 10000);
  }, true);
};
