/**
 * CommonJS entry point of the jest reporter (reporters: ['default', '<rootDir>/reports/jest-reporter.cjs']).
 *
 * jest 30 loads reporters with a plain require(); the ts-node hook it registers for jest.config.ts is
 * disabled again before reporters load, so `reporter.ts` cannot be named directly. This file compiles
 * it (and its imports) with a private ts-node instance, transpile-only, enabled only while requiring.
 * (Not named `reporter.cjs`: jest's resolver prefers .cjs over .ts, so `import './reporter'` in a test
 * would get this file.)
 */
'use strict';
const { register } = require('ts-node');

const service = register({ transpileOnly: true, projectSearchDir: __dirname });
service.enabled(true);
try {
  const mod = require('./reporter.ts');
  module.exports = mod.default ?? mod;
} finally {
  service.enabled(false);
}
