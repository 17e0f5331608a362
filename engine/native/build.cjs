#!/usr/bin/env node
// Builds the optional native addon (engine/native: batched matMul, normal sampling) with node-gyp; run by
// `npm ci`/`npm install` (postinstall) and by `npm run build:native`. Never fails the install: without
// a compiler, Python or Node's headers the engine keeps the pure-wasm path and its reports say why.
// THEORYCHECK_NATIVE=0 skips the build.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

if (process.env.THEORYCHECK_NATIVE === '0') {
  console.log('theorycheck: native addon not built (THEORYCHECK_NATIVE=0)');
  process.exit(0);
}
let gyp = process.env.npm_config_node_gyp; // set by npm for lifecycle scripts
if (!gyp) {
  try {
    gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [path.dirname(process.execPath), path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')] });
  } catch {
    gyp = undefined;
  }
}
if (!gyp) {
  console.log('theorycheck: native addon not built (node-gyp not found); the engine uses the wasm path');
  process.exit(0);
}
const r = spawnSync(process.execPath, [gyp, 'rebuild', '-C', __dirname], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 180_000 });
if (r.status === 0) console.log('theorycheck: native addon built (engine/native/build/Release/theorycheck_native.node: batched matMul, normal sampling)');
else console.log(`theorycheck: native addon not built (node-gyp exit ${r.status}: ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-2).join(' ')}); the engine uses the wasm path`);
process.exit(0);
