// node e2e.js <baseUrl> <examplesFolder> <artifactsDir>
// Drives code-server's workbench in headless chromium (playwright-core) as a user would:
// open examples/, open src/fib.cairo, breakpoint on `return a;`, F5 (no launch.json: Cairn's
// configuration provider finds build/fib.json), check the stop (line, `fib` on the call stack,
// `n` in Variables, inline values, hover), continue to the end, then the two commands:
// "Cairn: Run Cairo Program" and "Cairn: Debug Cairo Program".
// Prints `e2e: N passed, M failed`; a step that cannot run because an earlier one failed counts
// as failed.
const { chromium } = require('playwright-core');
const fs = require('fs'), os = require('os'), path = require('path');

const [, , baseUrl, folder, outDir] = process.argv;
const FILE = 'fib.cairo';
const source = fs.readFileSync(path.join(folder, 'src', FILE), 'utf8').split('\n');
const BREAK_LINE = source.findIndex((l) => l.trim() === 'return a;') + 1; // 1-based
const T0 = Date.now();
const mark = (m) => console.log(`[${((Date.now() - T0) / 1000).toFixed(1)}s] ${m}`);

const steps = [];
// A failing step stops the run unless it is `independent` (later steps do not build on it).
const step = (name, fn, independent = false) => steps.push({ name, fn, independent });
let page, ctx;
const shot = (name) => page.screenshot({ path: path.join(outDir, name) });
// Monaco renders spaces as U+00A0: normalise so texts compare as typed.
const rows = async (sel) => (await page.locator(sel).allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));

async function until(what, fn, timeout = 30000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function command(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`);
  await page.keyboard.press('Enter');
}

step('workbench opens the examples folder', async () => {
  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120000 });
  await shot('01-workbench.png');
});

step(`${FILE} opens as Cairo (the extension's language)`, async () => {
  await page.locator('.monaco-workbench .part.editor').click();   // the page starts without focus
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(FILE);
  await page.waitForSelector('.quick-input-list .monaco-list-row');
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .monaco-editor .view-lines').waitFor();
  await until('language mode Cairo', async () =>
    (await page.locator('.statusbar-item#status\\.editor\\.mode').innerText().catch(() => '')).includes('Cairo'));
  // the grammar is in use: `func` carries a token colour class other than plain text's mtk1
  await until('highlighted `func`', async () =>
    (await page.locator('.view-lines span span:text-is("func")').first().getAttribute('class').catch(() => '')) !== 'mtk1');
});

step(`breakpoint on line ${BREAK_LINE} (\`return a;\`)`, async () => {
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(String(BREAK_LINE));
  await page.keyboard.press('Enter');
  await page.keyboard.press('F9');
  await page.waitForSelector('.monaco-editor .codicon-debug-breakpoint');
  await shot('02-breakpoint.png');
});

step('breadcrumbs show fib (document symbols from the language server)', async () => {
  await until('breadcrumb fib', async () =>
    (await rows('.breadcrumbs-control .monaco-breadcrumb-item')).some((t) => t.trim() === 'fib'));
}, true);

step('F5 stops at the breakpoint with fib on the call stack', async () => {
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await page.keyboard.press('F5');
  await page.waitForSelector('.debug-toolbar', { state: 'visible' });
  await page.waitForSelector('.debug-top-stack-frame-line');
  const frames = await until('call stack', async () => {
    const f = await rows('.debug-call-stack .monaco-list-row');
    return f.length ? f : undefined;
  });
  mark('call stack: ' + JSON.stringify(frames.slice(0, 4)) + (frames.length > 4 ? ` ... ${frames.length} rows` : ''));
  const top = frames[0].replace(/\s+/g, ' ');
  if (!/\bfib\b/.test(top) || !top.includes(FILE) || !new RegExp(`\\b${BREAK_LINE}:\\d+`).test(top)) {
    throw new Error(`top frame is not fib at ${FILE}:${BREAK_LINE}: ${JSON.stringify(frames[0])}`);
  }
  // the stopped-line highlight sits on the breakpoint's line
  const current = await page.locator('.monaco-editor .line-numbers.active-line-number, .monaco-editor .active-line-number').first().innerText().catch(() => '');
  if (current && current.trim() !== String(BREAK_LINE)) throw new Error(`cursor on line ${current}, expected ${BREAK_LINE}`);
  await shot('03-stopped.png');
});

step('n is in the Variables view', async () => {
  const vars = await until('variable n', async () => {
    const v = await rows('.debug-variables .monaco-list-row');
    return v.some((t) => /^n\s*[:=]/.test(t.trim())) ? v : undefined;
  });
  mark('variables: ' + JSON.stringify(vars.slice(0, 10)));
  await shot('04-variables.png');
});

step('inline values show next to the source while stopped', async () => {
  const inline = await until('inline values', async () => {
    const t = await rows('.monaco-editor .view-lines [class*="debug-inline-value"], .monaco-editor .view-lines .dyn-inline-value-decoration');
    return t.length ? t : undefined;
  }, 15000);
  mark('inline values: ' + JSON.stringify(inline.slice(0, 6)));
}, true);

/** Hovers `token` on the editor line that contains `lineText` until `selector` shows text that
 *  `accept` takes (hovers need a fresh mouse arrival: it comes from elsewhere each try). */
async function hoverToken(lineText, token, selector, accept = (t) => t.trim() !== '', tries = 5) {
  const tokenBox = () => page.evaluate(([lineText, token]) => {
    for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
      if (!line.textContent.replace(/\u00a0/g, ' ').includes(lineText)) continue;
      const span = [...line.querySelectorAll('span span')].find((e) => e.textContent === token);
      if (!span) return null;
      const r = span.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  }, [lineText, token]);
  for (let attempt = 0; attempt < tries; attempt++) {
    const box = await tokenBox();
    if (!box) throw new Error(`no \`${token}\` token on the line with ${JSON.stringify(lineText)}`);
    await page.mouse.move(box.x + 200, box.y + 150);
    await page.waitForTimeout(300);
    await page.mouse.move(box.x, box.y, { steps: 5 });
    const text = await until('hover', async () => {
      const t = (await rows(selector)).join(' ');
      return accept(t) ? t : undefined;
    }, 3000).catch(() => '');
    if (text) return text;
  }
  return '';
}

step('hovering `n` on `if (n == 0)` shows its value', async () => {
  const hover = await hoverToken('if (n == 0)', 'n', '.debug-hover-widget');
  if (!hover) throw new Error('no debug hover after 5 tries');
  mark('hover: ' + JSON.stringify(hover));
  if (!/\b0\b/.test(hover)) throw new Error('hover does not show n = 0: ' + hover);
  await shot('05-hover.png');
  await page.keyboard.press('Escape');
}, true);

step('continue runs to the end: it stops there (stopAtEnd, on in VS Code), the output 6765 is in the Debug Console; continue again ends the session', async () => {
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await page.keyboard.press('F5');
  await until('the stop at the end of the run', async () => /end of the run/.test((await rows('.debug-call-stack .monaco-list-row'))[0] || ''), 60000);
  // the program's output (fib(20)) reached the Debug Console before the last stop
  await until('6765 in the Debug Console', async () => (await rows('.repl .monaco-list-row')).some((t) => t.trim() === '6765'), 10000);
  await shot('06-end-of-run.png');
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await page.keyboard.press('F5');
  await page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 60000 });
  await shot('06-ended.png');
});

step('"Cairn: Run Cairo Program" prints the output in the Cairn Run channel', async () => {
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await command('Cairn: Run Cairo Program');
  const text = await until('run to finish', async () => {
    const t = (await rows('.part.panel .monaco-editor .view-lines')).join('\n');
    return /\[exited with code \d+/.test(t) ? t : undefined;
  }, 60000);
  await shot('07-run.png');
  if (!/exited with code 0/.test(text) || !/6765/.test(text)) throw new Error('run output: ' + text.slice(0, 400));
});

step('"Cairn: Debug Cairo Program" starts a session that stops at the breakpoint; Shift+F5 stops it', async () => {
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await command('Cairn: Debug Cairo Program');
  await page.waitForSelector('.debug-toolbar', { state: 'visible' });
  await page.waitForSelector('.debug-top-stack-frame-line');
  await until('fib on top', async () => /\bfib\b/.test((await rows('.debug-call-stack .monaco-list-row'))[0] || ''));
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await page.keyboard.press('Shift+F5');
  await page.waitForSelector('.debug-toolbar', { state: 'hidden' });
}, true);

step('F5 on multi/geometry.cairo (no JSON of its own) debugs multi_main.json and stops in perimeter', async () => {
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('geometry.cairo');
  await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="geometry.cairo"]');
  await page.keyboard.press('Enter');
  await until('geometry.cairo active', async () =>
    (await rows('.tab.active')).some((t) => t.includes('geometry.cairo')));
  const line = fs.readFileSync(path.join(folder, 'src', 'multi', 'geometry.cairo'), 'utf8').split('\n')
    .findIndex((l) => l.includes('return twice_w')) + 1;
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('F9');
  await page.keyboard.press('F5');
  await page.waitForSelector('.debug-toolbar', { state: 'visible' });
  const top = await until('perimeter on top', async () => {
    const f = (await rows('.debug-call-stack .monaco-list-row'))[0] || '';
    return /\bperimeter\b/.test(f) ? f.replace(/\s+/g, ' ') : undefined;
  });
  if (!top.includes('geometry.cairo') || !top.includes(`${line}:`)) throw new Error('top frame: ' + top);
  const vars = await until('twice_w = 6', async () => {
    const v = await rows('.debug-variables .monaco-list-row');
    return v.some((t) => /^twice_w\s*=\s*6$/.test(t.replace(/\s+/g, ' ').trim())) ? v : undefined;
  });
  mark('variables: ' + JSON.stringify(vars.slice(0, 6)));
  await shot('08-multi.png');
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await page.keyboard.press('Shift+F5');
  await page.waitForSelector('.debug-toolbar', { state: 'hidden' });
}, true);

// Each feature's own scenario lives in test/e2e/scenarios/NAME.js and exports
// `(t) => { t.step(...) }`; they run after the steps above, in file-name order, with the same
// page and helpers. Every scenario starts from a workbench with no debug session running.
const scenarioDir = path.join(__dirname, 'scenarios');
if (fs.existsSync(scenarioDir)) {
  const t = { step, shot, rows, until, command, mark, hoverToken, folder, fs, path, get page() { return page; } };
  // E2E_SCENARIOS=a,b runs only those scenarios (after the base steps): for working on one.
  const only = process.env.E2E_SCENARIOS ? process.env.E2E_SCENARIOS.split(',').map((n) => `${n.trim()}.js`) : undefined;
  for (const f of fs.readdirSync(scenarioDir).filter((f) => f.endsWith('.js') && (!only || only.includes(f))).sort()) {
    require(path.join(scenarioDir, f))(t);
  }
}

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-'));
  ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 1400, height: 900 },
  });
  page = ctx.pages()[0] || await ctx.newPage();
  page.setDefaultTimeout(60000);
  let passed = 0, failed = 0, broken = false;
  for (const s of steps) {
    if (broken) { console.log(`SKIP (counted failed) ${s.name}`); failed++; continue; }
    try {
      await s.fn();
      passed++;
      mark(`PASS ${s.name}`);
    } catch (e) {
      failed++;
      mark(`FAIL ${s.name}: ${e && e.message}`);
      await shot(`failure-${passed + failed}.png`).catch(() => {});
      const notes = await rows('.notifications-toasts .notification-list-item-message').catch(() => []);
      if (notes.length) console.log('  notifications: ' + JSON.stringify(notes));
      if (!s.independent) broken = true;
    }
  }
  await ctx.close().catch(() => {});
  fs.rmSync(udd, { recursive: true, force: true });
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch(async (e) => {
  console.error('e2e crashed:', e && e.stack);
  try { await ctx.close(); } catch (_) { /* already gone */ }
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
