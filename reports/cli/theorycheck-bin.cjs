#!/usr/bin/env node
/** Executable of the `theorycheck` command (package.json `bin`): runs theorycheck.ts (see ../ts-require.cjs) and exits with its code. */
'use strict';
process.exitCode = require('../ts-require.cjs')(require.resolve('./theorycheck.ts')).main(process.argv);
