#!/usr/bin/env node
/**
 * Executable of the `theorycheck` command (package.json `bin`): compiles reports/cli/theorycheck.ts
 * with ts-node, transpile-only (as reports/jest-reporter.cjs does), and exits with its code. Not named
 * theorycheck.cjs: jest's resolver would prefer it to theorycheck.ts in `import './theorycheck'`.
 */
'use strict';
const { register } = require('ts-node');

register({ transpileOnly: true, projectSearchDir: __dirname });
process.exitCode = require('./theorycheck.ts').main(process.argv);
