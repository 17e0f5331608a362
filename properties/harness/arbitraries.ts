/**
 * Unbiased numeric arbitraries for configuration domains.
 *
 * Uniform draws. `fc.double` is uniform over the *representable doubles* of its range (so a range
 * containing 0 gives mostly values within 1e-100 of 0), and fast-check biases numbers towards the
 * bounds; `fc.noBias` on an outer arbitrary does not reach arbitraries built inside `chain`. So every
 * leaf here is an unbiased integer grid of 2^30 points mapped onto the interval: the configurations
 * sample the stated domains uniformly (shrinking still moves towards `min`).
 */
import fc from 'fast-check';

const GRID = 2 ** 30;
export const uniform = (min: number, max: number): fc.Arbitrary<number> => fc.noBias(fc.integer({ min: 0, max: GRID })).map((i) => min + ((max - min) * i) / GRID);
export const integer = (min: number, max: number): fc.Arbitrary<number> => fc.noBias(fc.integer({ min, max }));

/** Log-uniform in [lo, hi], rounded to 3 significant digits. */
export const logUniform = (lo: number, hi: number): fc.Arbitrary<number> =>
  uniform(Math.log(lo), Math.log(hi)).map((l) => Number(Math.exp(l).toPrecision(3)));
