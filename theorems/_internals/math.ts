/**
 * mathjs for the theorems' pure predictions (number-only build: smaller and faster to load).
 * mathjs ships its types as an ES module, which a CommonJS file cannot `import`; requiring the CJS
 * build with a type-only query keeps full typing.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const math = require('mathjs/number') as typeof import('mathjs', { with: { 'resolution-mode': 'import' } });
