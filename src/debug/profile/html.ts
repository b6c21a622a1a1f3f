// A self-contained HTML flame graph of a profile (no network: data, style and script inline): the
// call tree top-down, a frame's width its share of the chosen measure (steps, memory holes or a
// builtin's cells), and a table of functions. In a VS Code webview a click on a frame posts
// {type:'open', file, line}; in a browser it shows the frame's numbers.
import type { FlameData } from './flame';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface HtmlOptions {
  title?: string;
  /** Content-Security-Policy nonce for the inline script (webviews) */
  nonce?: string;
  cspSource?: string;
}

const STYLE = `
body{font:12px system-ui,sans-serif;margin:0;padding:8px;color:var(--vscode-foreground,#222);background:var(--vscode-editor-background,#fff)}
header{display:flex;gap:12px;align-items:center;margin-bottom:8px}
#flame{position:relative;width:100%;overflow:hidden}
.fr{position:absolute;height:17px;box-sizing:border-box;border:1px solid rgba(255,255,255,.6);overflow:hidden;white-space:nowrap;
 text-overflow:ellipsis;padding:0 3px;line-height:15px;cursor:pointer;color:#000;font-size:11px}
.fr:hover{filter:brightness(1.15);outline:1px solid #000}
#info{margin:8px 0;min-height:16px}
table{border-collapse:collapse;margin-top:8px}td,th{padding:2px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
th{cursor:pointer;border-bottom:1px solid #888}tr:hover td{background:rgba(128,128,128,.15)}`;

const SCRIPT = `
const D=JSON.parse(document.getElementById('data').textContent);
const vscode=typeof acquireVsCodeApi==='function'?acquireVsCodeApi():undefined;
let measure='steps',focus=D.root,sortKey='total';
const val=(n,m)=>n.total[m]||0;
function color(name){let h=0;for(const c of name)h=(h*31+c.charCodeAt(0))>>>0;return 'hsl('+(10+h%50)+','+(60+h%30)+'%,'+(55+h%15)+'%)';}
function info(n){const parts=D.measures.filter(m=>n.total[m]).map(m=>m+': '+(n.total[m]||0)+' (self '+(n.self[m]||0)+')');
 document.getElementById('info').textContent=n.name+'  calls: '+n.calls+'  '+parts.join('  ')+(n.file?'  '+n.file+':'+n.line:'');}
function open(n){info(n);if(vscode&&n.file)vscode.postMessage({type:'open',file:n.file,line:n.line});}
function draw(){const box=document.getElementById('flame');box.innerHTML='';const W=box.clientWidth||1000;const tot=val(focus,measure)||1;let depth=0;
 const lay=(n,x,d)=>{const w=val(n,measure)/tot*W;if(w<0.5)return;depth=Math.max(depth,d);const e=document.createElement('div');e.className='fr';
  e.style.left=x+'px';e.style.top=(d*17)+'px';e.style.width=w+'px';e.style.background=color(n.name);e.textContent=n.name.replace(/^__main__\\./,'')+' ('+val(n,measure)+')';
  e.title=n.name+': '+val(n,measure)+' '+measure;e.dataset.name=n.name;e.onclick=()=>open(n);e.ondblclick=()=>{focus=n;draw();};box.appendChild(e);
  let cx=x;for(const c of n.children){lay(c,cx,d+1);cx+=val(c,measure)/tot*W;}};
 lay(focus,0,0);box.style.height=((depth+1)*17+2)+'px';table();}
const pick=(f,key,w)=>key==='steps'?f[w+'Steps']:key==='holes'?(f[w+'Holes']||0):(f[w+'Builtins'][key]||0);
function table(){const key=measure;const rows=D.functions.map(f=>({f,self:pick(f,key,'self'),total:pick(f,key,'total')}))
 .filter(r=>r.total>0).sort((a,b)=>sortKey==='name'?a.f.name.localeCompare(b.f.name):b[sortKey]-a[sortKey]);
 const t=document.getElementById('table');t.innerHTML='<tr><th data-k="name">function</th><th data-k="self">self '+key+'</th><th data-k="total">total '+key+'</th><th data-k="calls">calls</th></tr>'+
 rows.map(r=>'<tr data-file="'+(r.f.file||'')+'" data-line="'+(r.f.line||0)+'"><td>'+r.f.name+'</td><td>'+r.self+'</td><td>'+r.total+'</td><td>'+r.f.calls+'</td></tr>').join('');
 for(const th of t.querySelectorAll('th'))th.onclick=()=>{sortKey=th.dataset.k==='calls'?'total':th.dataset.k;table();};
 for(const tr of t.querySelectorAll('tr[data-file]'))tr.onclick=()=>{if(vscode&&tr.dataset.file)vscode.postMessage({type:'open',file:tr.dataset.file,line:Number(tr.dataset.line)});};}
const sel=document.getElementById('measure');for(const m of D.measures){const o=document.createElement('option');o.value=o.textContent=m;sel.appendChild(o);}
sel.onchange=()=>{measure=sel.value;draw();};document.getElementById('reset').onclick=()=>{focus=D.root;draw();};
window.addEventListener('resize',draw);draw();`;

export function flameHtml(data: FlameData, opts: HtmlOptions = {}): string {
  const title = esc(opts.title ?? 'Cairn profile');
  const nonce = opts.nonce !== undefined ? ` nonce="${opts.nonce}"` : '';
  const csp = opts.nonce !== undefined
    ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' ${opts.cspSource ?? ''}; script-src 'nonce-${opts.nonce}';">`
    : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';">`;
  // </script> inside the JSON would end the data block
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${csp}<title>${title}</title><style>${STYLE}</style></head><body>
<header><strong>${title}</strong><label>measure <select id="measure"></select></label><button id="reset">reset zoom</button>
<span>${data.root.total.steps ?? 0} steps</span></header>
<div id="flame"></div><div id="info">Click a frame for its numbers (double-click to zoom).</div>
<table id="table"></table>
<script type="application/json" id="data">${json}</script>
<script${nonce}>${SCRIPT}</script></body></html>`;
}
