/** jest's entry point of the theorycheck reporter (reporter.ts; jest.config.ts `reporters`): see ts-require.cjs. */
'use strict';
module.exports = require('./ts-require.cjs')(require.resolve('./reporter.ts'));
