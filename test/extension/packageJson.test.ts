// The manifest is what VS Code reads: a typo here breaks F5 silently, so check it like code.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LAYOUTS } from '../../src/extension/layouts';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const c = pkg.contributes;

test('debug type cairn, breakpoints for cairo, main and activation', () => {
  assert.equal(pkg.main, './dist/extension.js');
  const dbg = c.debuggers.find((d: { type: string }) => d.type === 'cairn');
  assert.ok(dbg, 'debugger cairn');
  assert.deepEqual(dbg.languages, ['cairo']);
  assert.ok(c.breakpoints.some((b: { language: string }) => b.language === 'cairo'));
  assert.ok(pkg.activationEvents.includes('onDebugResolve:cairn'));
  assert.ok(c.languages.some((l: { id: string; extensions: string[] }) => l.id === 'cairo' && l.extensions.includes('.cairo')));
});

test('every launch attribute is documented, program is required, layouts match the code', () => {
  const launch = c.debuggers[0].configurationAttributes.launch;
  assert.deepEqual(launch.required, ['program']);
  const props = launch.properties;
  for (const name of ['program', 'sourceRoot', 'cairoPath', 'sourceFileMap', 'layout', 'entrypoint', 'stopOnEntry', 'steps', 'programInput']) {
    assert.ok(props[name], `attribute ${name}`);
  }
  for (const [name, p] of Object.entries<{ description?: string; type?: string }>(props)) {
    assert.ok(p.description && p.description.length > 10, `${name} has a description`);
    assert.ok(p.type, `${name} has a type`);
  }
  assert.deepEqual(props.layout.enum, LAYOUTS);
  assert.equal(props.layout.enumDescriptions.length, LAYOUTS.length);
  assert.deepEqual(c.configuration.properties['cairn.defaultLayout'].enum, ['auto', ...LAYOUTS]);
});

test('initial configurations and snippets are cairn launches', () => {
  const dbg = c.debuggers[0];
  for (const conf of dbg.initialConfigurations) assert.deepEqual([conf.type, conf.request], ['cairn', 'launch']);
  assert.equal(dbg.initialConfigurations[0].layout, 'starknet_with_keccak');
  for (const s of dbg.configurationSnippets) {
    assert.ok(s.label && s.description);
    assert.deepEqual([s.body.type, s.body.request], ['cairn', 'launch']);
  }
});

test('commands exist with titles and every menu entry names one', () => {
  const ids = new Set(c.commands.map((x: { command: string; title: string }) => { assert.ok(x.title); return x.command; }));
  assert.ok(ids.has('cairn.debugProgram') && ids.has('cairn.runProgram'));
  for (const entries of Object.values<{ command: string }[]>(c.menus)) for (const e of entries) assert.ok(ids.has(e.command), e.command);
  for (const [key, p] of Object.entries<{ description?: string }>(c.configuration.properties)) assert.ok(p.description, key);
});

test('grammar and language configuration exist and parse', () => {
  const g = c.grammars.find((x: { language: string }) => x.language === 'cairo');
  const grammar = JSON.parse(readFileSync(path.join(root, g.path), 'utf8'));
  assert.equal(grammar.scopeName, g.scopeName);
  assert.equal(g.scopeName, 'source.cairo');
  const lang = c.languages.find((l: { id: string }) => l.id === 'cairo');
  const conf = JSON.parse(readFileSync(path.join(root, lang.configuration), 'utf8'));
  assert.equal(conf.comments.lineComment, '//');
  // every #include names a repository rule
  const refs = JSON.stringify(grammar).match(/"#[\w-]+"/g) ?? [];
  for (const r of refs) assert.ok(grammar.repository[r.slice(2, -1)], `rule ${r}`);
});

test('.vscodeignore and .npmignore ship only the bundles and user-facing files', () => {
  // vsce refuses a "files" list beside .vscodeignore; npm pack then follows .npmignore.
  assert.equal(pkg.files, undefined);
  const keep = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
  const allowed = /^(dist\/(extension|adapter|server|cli)\.js|dist\/cairn_bridge\.py|package\.json|README\.md|LICENSE|docs\/[\w-]+\.md|syntaxes\/cairo\.tmLanguage\.json|language-configuration\.json)$/;
  for (const f of keep) assert.match(f, allowed);
  for (const f of ['dist/extension.js', 'dist/adapter.js', 'dist/server.js', 'dist/cli.js', 'dist/cairn_bridge.py', 'LICENSE']) assert.ok(keep.includes(f), f);
  assert.ok(existsSync(path.join(root, '.npmignore')));
  assert.ok(existsSync(path.join(root, 'language-configuration.json')));
});

test('package script is build + vsce, e2e script wired', () => {
  assert.equal(pkg.scripts.package, 'npm run build && vsce package --no-dependencies --allow-missing-repository');
  assert.equal(pkg.scripts.prepack, 'npm run build');
  assert.ok(existsSync(path.join(root, pkg.scripts['test:e2e'].split(' ').pop())));
});

test('README links work in the vsix: vsce refuses relative links without a repository field', () => {
  if (pkg.repository || !existsSync(path.join(root, 'README.md'))) return;
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const relative = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1])
    .filter((href) => !/^(https?:|mailto:|#)/.test(href));
  assert.deepEqual(relative, [], 'use absolute URLs, or add "repository" to package.json');
});

// The official Cairo extension (starkware.cairo1) contributes the same language id `cairo`
// (languages merge in VS Code), the debug type `cairo`, commands `cairo.*` and settings `cairo1.*`;
// and StarkWare's CairoZero extension commands and settings `cairo.*`. Cairn must own none of them.
test('no clash with the official Cairo and CairoZero extensions', () => {
  for (const d of c.debuggers) assert.notEqual(d.type, 'cairo');
  for (const cmd of c.commands) assert.match(cmd.command, /^cairn\./, cmd.command);
  const settings = [c.configuration].flat().flatMap((s: { properties: object }) => Object.keys(s.properties));
  assert.ok(settings.length > 0);
  for (const s of settings) assert.match(s, /^cairn\./, s);
});

/** Keys that appear twice in one object of a JSON text (JSON.parse keeps the last, silently). */
function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: { keys: Set<string> | undefined; key: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.key) {
        const name = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(name)) found.push(name);
        top.keys.add(name);
        top.key = false;
      }
      i = j;
    } else if (ch === '{') stack.push({ keys: new Set(), key: true });
    else if (ch === '[') stack.push({ keys: undefined, key: false });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',' && stack[stack.length - 1]?.keys) stack[stack.length - 1].key = true;
  }
  return found;
}

test('no key appears twice in one object of the manifest (VS Code would drop the first)', () => {
  assert.deepEqual(duplicateKeys('{"a": {"b": 1, "c": [{"b": 2}], "b": 3}}'), ['b'], 'the check finds a duplicate');
  assert.deepEqual(duplicateKeys(readFileSync(path.join(root, 'package.json'), 'utf8')), []);
});
