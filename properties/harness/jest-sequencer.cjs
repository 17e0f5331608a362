/** jest's entry point of the test sequencer (sequencer.ts; jest.config.ts `testSequencer`): see reports/ts-require.cjs. */
'use strict';
module.exports = require('../../reports/ts-require.cjs')(require.resolve('./sequencer.ts'));
