/**
 * simple-statistics for sample summaries (means, standard deviations) where no interval is needed.
 * It ships its types as an ES module, which a CommonJS file cannot `import`; requiring the CJS
 * build with a type-only query keeps full typing. One loader for the whole suite.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ss = require('simple-statistics') as typeof import('simple-statistics', { with: { 'resolution-mode': 'import' } });
