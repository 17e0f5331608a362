#!/usr/bin/env node
/** Executable of the `theorycheck` command (package.json `bin`): runs theorycheck.ts (see ../ts-require.cjs) and exits with its code. */
'use strict';
require('../ts-require.cjs')(require.resolve('./theorycheck.ts'))
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
