// The page `cairn run --tracer` serves: one self-contained HTML file (no outside resources) that
// reads the run from the server's JSON (see tracer-data.ts) and shows one step at a time: the
// registers, the source with the step's instruction marked, and the memory of the frame (fp back
// to ap), with buttons and the arrow keys to go forward and back.

export const TRACER_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cairn tracer</title>
<style>
body { font: 13px system-ui, sans-serif; margin: 0; display: flex; flex-direction: column; height: 100vh; }
header { padding: 6px 10px; background: #223; color: #eee; display: flex; gap: 8px; align-items: center; }
header button { min-width: 3em; }
main { flex: 1; display: flex; min-height: 0; }
#source { flex: 3; overflow: auto; border-right: 1px solid #ccc; }
#side { flex: 2; overflow: auto; padding: 0 10px; }
pre { margin: 0; font: 12px ui-monospace, monospace; }
.line { white-space: pre; padding: 0 6px; }
.line.cur { background: #fe8; }
.no { color: #999; display: inline-block; width: 4em; text-align: right; margin-right: 1em; }
table { border-collapse: collapse; font: 12px ui-monospace, monospace; }
td { padding: 1px 8px; border-bottom: 1px solid #eee; }
td.reg { color: #a40; }
#file { font-weight: bold; padding: 4px 6px; background: #eef; position: sticky; top: 0; }
</style></head>
<body>
<header>
  <b>Cairn tracer</b>
  <button id="first" title="first step (Home)">|&lt;</button>
  <button id="prev" title="step back (Left)">&lt;</button>
  <button id="next" title="step forward (Right)">&gt;</button>
  <button id="last" title="last step (End)">&gt;|</button>
  step <input id="step" type="number" min="0" value="0" style="width: 7em"> of <span id="total">?</span>
  <span id="regs"></span>
</header>
<main>
  <div id="source"><div id="file"></div><pre id="text"></pre></div>
  <div id="side"><h3>Memory of the frame</h3><table id="memory"></table><p id="program"></p></div>
</main>
<script>
'use strict';
const $ = (id) => document.getElementById(id);
let info, step = 0, shownFile = -1;
const chunks = new Map();
const sources = new Map();
const CHUNK = 500;
const get = async (path) => { const r = await fetch(path); if (!r.ok) throw new Error(path + ': ' + r.status); return r.json(); };
async function stepAt(i) {
  const c = Math.floor(i / CHUNK);
  if (!chunks.has(c)) chunks.set(c, await get('/steps?from=' + c * CHUNK + '&count=' + CHUNK));
  return chunks.get(c)[i - c * CHUNK];
}
async function source(i) {
  if (!sources.has(i)) sources.set(i, (await get('/source?file=' + i)).text);
  return sources.get(i);
}
async function show(i) {
  step = Math.max(0, Math.min(info.steps - 1, i));
  $('step').value = step;
  const s = await stepAt(step);
  $('regs').textContent = 'pc = ' + s.pc + '   ap = ' + s.ap + '   fp = ' + s.fp;
  if (s.at) {
    const [f, line, , endLine] = s.at;
    if (f !== shownFile) {
      const text = (await source(f)) ?? '(source not found: give its folder with --cairo_path)';
      $('file').textContent = info.files[f];
      $('text').replaceChildren(...text.split('\\n').map((t, k) => {
        const d = document.createElement('div');
        d.className = 'line';
        d.innerHTML = '<span class="no">' + (k + 1) + '</span>';
        d.append(t);
        return d;
      }));
      shownFile = f;
    }
    const lines = $('text').children;
    for (const el of document.querySelectorAll('.line.cur')) el.classList.remove('cur');
    for (let k = line; k <= endLine && k <= lines.length; k++) lines[k - 1].classList.add('cur');
    lines[line - 1]?.scrollIntoView({ block: 'center' });
  } else {
    $('file').textContent = '(no debug info for pc ' + s.pc + ')';
    $('text').replaceChildren();
    shownFile = -1;
  }
  const from = Math.max(1, s.fp - 8);
  const to = Math.max(s.ap + 2, s.fp + 1);
  const count = Math.min(to - from, 60);
  const cells = await get('/memory?from=' + from + '&count=' + count);
  $('memory').replaceChildren(...cells.map((v, k) => {
    const tr = document.createElement('tr');
    const a = from + k;
    const td1 = document.createElement('td'); td1.textContent = a;
    const td2 = document.createElement('td'); td2.textContent = v ?? '';
    const td3 = document.createElement('td'); td3.className = 'reg';
    td3.textContent = [a === s.fp ? '\u2190 fp' : '', a === s.ap ? '\u2190 ap' : ''].filter(Boolean).join(' ');
    tr.append(td1, td2, td3);
    return tr;
  }));
  $('program').textContent = 'pc offset in the program: ' + (s.pc - info.programBase);
}
async function start() {
  info = await get('/run');
  document.title = 'Cairn tracer: ' + info.program;
  $('total').textContent = info.steps;
  $('first').onclick = () => show(0);
  $('prev').onclick = () => show(step - 1);
  $('next').onclick = () => show(step + 1);
  $('last').onclick = () => show(info.steps - 1);
  $('step').onchange = () => show(Number($('step').value));
  document.onkeydown = (e) => {
    if (e.target === $('step')) return;
    const to = { ArrowRight: step + 1, ArrowLeft: step - 1, Home: 0, End: info.steps - 1 }[e.key];
    if (to !== undefined) { e.preventDefault(); show(to); }
  };
  await show(0);
}
start().catch((e) => { document.body.textContent = 'Cairn tracer: ' + e.message; });
</script>
</body></html>
`;
