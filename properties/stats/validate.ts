/**
 * Argument checks shared by the statistical core. Every message names the function, the parameter
 * and the allowed range, and shows the value received, e.g.
 * `tQuantile: p must be in (0, 1); got 1.5`.
 *
 * Internal module: not re-exported from `index.ts`.
 */
import { isSides } from './sides';
import type { Sides } from './types';

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

/**
 * Throws `"<fn>: <name> must be <range>; got <value>"`.
 *
 * @example fail('tQuantile', 'p', 'in (0, 1)', 1.5); // throws "tQuantile: p must be in (0, 1); got 1.5"
 */
export function fail(fn: string, name: string, range: string, value: unknown): never {
  throw new Error(`${fn}: ${name} must be ${range}; got ${show(value)}`);
}

/**
 * A number strictly inside (0, 1).
 *
 * @example checkOpenUnit('normalQuantile', 'p', 0.975);
 */
export function checkOpenUnit(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) fail(fn, name, 'in (0, 1)', value);
}

/**
 * A confidence level 1 − α in (0, 1).
 *
 * @example checkLevel('tInterval', 0.95);
 */
export function checkLevel(fn: string, level: number): void {
  checkOpenUnit(fn, 'level', level);
}

/**
 * Any number except NaN (±Infinity allowed).
 *
 * @example checkNotNaN('tCdf', 'x', Infinity);
 */
export function checkNotNaN(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || Number.isNaN(value)) fail(fn, name, 'a number (not NaN)', value);
}

/**
 * A finite number.
 *
 * @example checkFinite('compareToPrediction', 'prediction', 0.5);
 */
export function checkFinite(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(fn, name, 'a finite number', value);
}

/**
 * A number > 0; `allowInfinity` admits +Infinity.
 *
 * @example checkPositive('tQuantile', 'df', Infinity, true);
 */
export function checkPositive(fn: string, name: string, value: number, allowInfinity = false): void {
  const ok = typeof value === 'number' && value > 0 && (allowInfinity || Number.isFinite(value));
  if (!ok) fail(fn, name, allowInfinity ? '> 0 (Infinity allowed)' : 'a finite number > 0', value);
}

/**
 * An integer ≥ `min`.
 *
 * @example checkInteger('wilsonInterval', 'n', 20, 1);
 */
export function checkInteger(fn: string, name: string, value: number, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(fn, name, `an integer >= ${min}`, value);
  }
}

/**
 * A success count: an integer in [0, n].
 *
 * @example checkCount('wilsonInterval', 'successes', 7, 20);
 */
export function checkCount(fn: string, name: string, value: number, n: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > n) {
    fail(fn, name, `an integer in [0, ${n}]`, value);
  }
}

/**
 * One of 'two-sided' | 'lower' | 'upper'.
 *
 * @example checkSides('tInterval', 'lower');
 */
export function checkSides(fn: string, sides: Sides): void {
  if (!isSides(sides)) fail(fn, 'sides', "one of 'two-sided', 'lower', 'upper'", sides);
}

/**
 * A sample of at least `minLength` finite numbers, copied to a Float64Array.
 * The message names the first offending index.
 *
 * @example const x = checkSample('tInterval', 'sample', [1, 2, 3], 2);
 */
export function checkSample(fn: string, name: string, sample: ArrayLike<number>, minLength: number): Float64Array {
  if (sample === null || typeof sample !== 'object' || typeof sample.length !== 'number') {
    fail(fn, name, 'an array-like of numbers', sample);
  }
  if (sample.length < minLength) {
    throw new Error(`${fn}: ${name} needs n >= ${minLength} values; got n = ${sample.length}`);
  }
  const out = new Float64Array(sample.length);
  for (let i = 0; i < sample.length; i++) {
    const v = sample[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${fn}: ${name} must contain only finite numbers; got ${show(v)} at index ${i}`);
    }
    out[i] = v;
  }
  return out;
}
