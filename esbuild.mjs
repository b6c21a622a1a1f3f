// Bundles the extension, the debug adapter, the language server and the CLI into dist/.
// Each entry is a self-contained CommonJS file so the .vsix needs no node_modules.
import * as esbuild from 'esbuild';
import { existsSync, copyFileSync, mkdirSync } from 'node:fs';

const entries = [
  { in: 'src/extension/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'src/adapter/main.ts', out: 'adapter' },
  { in: 'src/server/server.ts', out: 'server' },
  { in: 'src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
];

const watch = process.argv.includes('--watch');
for (const e of entries) {
  if (!existsSync(e.in)) continue; // a room not built yet
  const options = {
    entryPoints: [e.in],
    outfile: `dist/${e.out}.js`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: e.external ?? [],
    banner: e.banner ? { js: e.banner } : undefined,
    logLevel: 'warning',
  };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}

// The Python hint bridge's module runs beside the bundles (python dist/cairn_bridge.py).
mkdirSync('dist', { recursive: true });
copyFileSync('src/hints/bridge/cairn_bridge.py', 'dist/cairn_bridge.py');
