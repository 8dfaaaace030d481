#!/usr/bin/env node
// esbuild: one options object per entry point. `vscode` stays external (the host provides it).
//   node scripts/build.mjs               development build (source maps)
//   node scripts/build.mjs --production  minified, no source maps (what the VSIX ships)
//   node scripts/build.mjs --watch
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  define: { PRODUCTION_AUDIT_VERSION: JSON.stringify(pkg.version) },
  absWorkingDir: root,
};

const entries = [
  { entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js', banner: undefined },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['src/extension/worker.ts'], outfile: 'dist/worker.js' },
].filter((e) => existsSync(path.join(root, e.entryPoints[0])));

if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
  console.log(`watching ${entries.length} entry points…`);
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  console.log(`built ${entries.map((e) => e.outfile).join(', ')}${production ? ' (production)' : ''}`);
}
