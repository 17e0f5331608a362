/**
 * `requireTs(file)`: requires a TypeScript file (and its imports) from a CommonJS entry point —
 * jest's reporters and sequencer, which jest 30 loads with a plain require(), and the `theorycheck`
 * executable. A private ts-node instance, transpile-only through SWC (@swc/core), is enabled only
 * while requiring, so it never competes with jest's own transform. Returns the module's default
 * export when it has one, else the module.
 *
 * (The entry points are not named `<module>.cjs`: jest's resolver prefers .cjs over .ts, so
 * `import './reporter'` in a test would get the entry point.)
 */
'use strict';
const { register } = require('ts-node');

const service = register({ transpileOnly: true, swc: true, projectSearchDir: __dirname });
service.enabled(false);

module.exports = function requireTs(file) {
  service.enabled(true);
  try {
    const mod = require(file);
    return mod.default ?? mod;
  } finally {
    service.enabled(false);
  }
};
