/** jest's entry point of the progress reporter (progress-reporter.ts; jest.config.ts `reporters`): see ts-require.cjs. */
'use strict';
module.exports = require('./ts-require.cjs')(require.resolve('./progress-reporter.ts'));
