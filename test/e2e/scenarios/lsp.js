// The language server in the real VS Code: go to definition (F12) from multi/main.cairo into
// multi/geometry.cairo, and the hover of an imported struct (its members and doc comment).
module.exports = (t) => {
  const mainPath = t.path.join(t.folder, 'src', 'multi', 'main.cairo');
  const source = t.fs.readFileSync(mainPath, 'utf8').split('\n');
  const callLine = source.findIndex((l) => l.includes('let a = area(r);')) + 1;
  const callCol = source[callLine - 1].indexOf('area(') + 2;

  async function openFile(name) {
    const page = t.page;
    const tab = page.locator('.tabs-container .tab', { hasText: name });
    if (await tab.count()) {
      await tab.first().click();
      await t.until(`${name} active`, async () => (await t.rows('.tab.active')).some((x) => x.includes(name)));
      return;
    }
    await page.locator('.monaco-workbench .part.editor').click();
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(name);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`);
    await page.keyboard.press('Enter');
    await t.until(`${name} active`, async () => (await t.rows('.tab.active')).some((x) => x.includes(name)));
  }

  t.step('F12 on `area` in multi/main.cairo goes to its definition in multi/geometry.cairo', async () => {
    const page = t.page;
    await openFile('main.cairo');
    await page.locator('.editor-instance .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(`${callLine}:${callCol}`);
    await page.keyboard.press('Enter');
    await t.shot('lsp-01-before-definition.png');
    // the language server may still be starting: retry F12 until the editor moves
    await t.until('geometry.cairo opened by go to definition', async () => {
      await page.keyboard.press('F12');
      await page.waitForTimeout(500);
      return (await t.rows('.tab.active')).some((x) => x.includes('geometry.cairo'));
    }, 30000);
    const geometry = t.fs.readFileSync(t.path.join(t.folder, 'src', 'multi', 'geometry.cairo'), 'utf8').split('\n');
    const want = geometry.findIndex((l) => l.startsWith('func area(')) + 1;
    const line = await t.until('cursor line', async () => {
      const l = (await page.locator('.monaco-editor .line-numbers.active-line-number').first().innerText().catch(() => '')).trim();
      return l || undefined;
    });
    if (line !== String(want)) throw new Error(`go to definition landed on line ${line}, expected ${want} (func area)`);
    await t.shot('lsp-02-definition.png');
  });

  t.step('hovering `Rect` in multi/main.cairo shows the struct with its members and doc comment', async () => {
    const page = t.page;
    await openFile('main.cairo');
    const hover = await t.hoverToken('let r = Rect(', 'Rect', '.monaco-hover .hover-contents, .monaco-hover-content', (x) => /struct Rect/.test(x), 6);
    if (!/struct Rect/.test(hover) || !/width: felt/.test(hover) || !/Helpers imported/.test(hover)) throw new Error('hover: ' + JSON.stringify(hover));
    t.mark('hover: ' + JSON.stringify(hover.slice(0, 200)));
    await t.shot('lsp-03-hover.png');
    await page.keyboard.press('Escape');
  });
};
