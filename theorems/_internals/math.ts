/**
 * mathjs for the theorems' pure predictions (number-only build: smaller and faster to load).
 * mathjs ships its types as an ES module, which a CommonJS file cannot `import`; requiring the CJS
 * build with a type-only query keeps full typing. Loaded on first use: the number build takes
 * ≈ 0.3 s to load in each jest test file, and most files never evaluate a prediction that needs it.
 */
type MathJs = typeof import('mathjs', { with: { 'resolution-mode': 'import' } });

let loaded: MathJs | undefined;

/** The mathjs number build, required on the first call. */
export function mathjs(): MathJs {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('mathjs/number') as MathJs);
}
