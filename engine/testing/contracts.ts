/**
 * Contract checks shared by every engine unit, written once (as fast-check does for its
 * arbitraries) and applied to each unit by engine/contracts.test.ts:
 *
 * - {@link expectDeterministic}: the same seed gives identical numbers (bitwise, NaN = NaN) and a
 *   different seed gives different numbers;
 * - {@link expectValidation}: bad input throws (or rejects with) an Error whose message names the
 *   parameter, and its allowed range when one is given;
 * - {@link forEachBackend}: runs a body on each tfjs backend available here and restores the
 *   backend that was active before; {@link maxDifference} compares what the runs returned.
 *
 * Jest-independent: every check returns data or throws an Error with a self-contained message, so
 * it can be used from any test runner or script. Imports nothing from outside engine/ but
 * node_modules.
 */
import * as tf from '@tensorflow/tfjs';

/** Numbers a unit produces for one seed. */
export type Numbers = ArrayLike<number>;

/** A seeded run of a unit: its numbers for `seed` (sync or async). */
export type SeededRun = (seed: number) => Numbers | Promise<Numbers>;

export interface DeterminismOptions {
  /** Two different seeds (default [1, 2]). */
  seeds?: readonly [number, number];
  /** Prefix of failure messages (e.g. the unit's name). */
  label?: string;
}

export interface DeterminismReport {
  seeds: readonly [number, number];
  /** Length of the output for the first seed. */
  length: number;
  /** Number of entries that differ between the two seeds (a length change counts as one). */
  differing: number;
}

/** Bitwise equality of two numbers (NaN equals NaN; +0 and −0 differ). */
const same = (a: number, b: number): boolean => Object.is(a, b);

function toArray(x: Numbers, what: string): number[] {
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number') throw new Error(`${what} must return an array of numbers; got ${String(x)}`);
  return Array.from(x);
}

/**
 * Same seed ⇒ identical numbers; different seeds ⇒ at least one different number. `run` is called
 * three times (seed a, seed a again, seed b), never concurrently.
 * @returns how many entries the two seeds changed.
 */
export async function expectDeterministic(run: SeededRun, options: DeterminismOptions = {}): Promise<DeterminismReport> {
  const seeds = options.seeds ?? ([1, 2] as const);
  const label = options.label ? `${options.label}: ` : '';
  if (seeds[0] === seeds[1]) throw new Error(`${label}expectDeterministic needs two different seeds; got ${seeds[0]} twice`);
  const first = toArray(await run(seeds[0]), `${label}run(${seeds[0]})`);
  const again = toArray(await run(seeds[0]), `${label}run(${seeds[0]})`);
  if (first.length === 0) throw new Error(`${label}run(${seeds[0]}) returned no numbers: determinism cannot be checked`);
  if (again.length !== first.length) throw new Error(`${label}not deterministic: seed ${seeds[0]} gave ${first.length} numbers, then ${again.length}`);
  const k = first.findIndex((v, i) => !same(v, again[i]));
  if (k >= 0) throw new Error(`${label}not deterministic: seed ${seeds[0]} gave ${first[k]} at index ${k}, then ${again[k]}`);
  const other = toArray(await run(seeds[1]), `${label}run(${seeds[1]})`);
  let differing = other.length === first.length ? 0 : 1;
  for (let i = 0; i < Math.min(first.length, other.length); i++) if (!same(first[i], other[i])) differing++;
  if (differing === 0) throw new Error(`${label}seeds ${seeds[0]} and ${seeds[1]} gave identical numbers (${first.length} of them): the seed is not used`);
  return { seeds, length: first.length, differing };
}

/** The error a call threw or rejected with, or `undefined` when it returned normally. */
async function caught(call: () => unknown): Promise<{ error: unknown } | undefined> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return { error };
  }
}

const IDENTIFIER_CHAR = /[\p{L}\p{N}_$]/u;

/**
 * Whether `message` names `parameter` as a whole name: not as part of a longer identifier, so that
 * `lr` is not found in `slope` (a following `.`, `[` or space is fine: `optimizer.lr must be`,
 * `widths[1]`).
 */
export function namesParameter(message: string, parameter: string): boolean {
  for (let at = message.indexOf(parameter); at >= 0; at = message.indexOf(parameter, at + 1)) {
    const before = at === 0 ? '' : message[at - 1];
    const after = message[at + parameter.length] ?? '';
    if (!IDENTIFIER_CHAR.test(before) && !IDENTIFIER_CHAR.test(after)) return true;
  }
  return false;
}

/**
 * Bad input ⇒ an Error (thrown, or a rejected promise) whose message names `parameter` and, when
 * given, contains `range` verbatim (e.g. `'[0, 4294967295]'`, `'> 0'`).
 * @returns the error, for further checks.
 */
export async function expectValidation(call: () => unknown, parameter: string, range?: string): Promise<Error> {
  const outcome = await caught(call);
  if (outcome === undefined) throw new Error(`expected a validation error naming "${parameter}", but the call succeeded`);
  const { error } = outcome;
  // Duck-typed: an Error from another realm (jest's sandbox) fails `instanceof Error`.
  const message = error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string' ? (error as Error).message : undefined;
  if (message === undefined) throw new Error(`expected an Error naming "${parameter}"; got a thrown ${typeof error}: ${String(error)}`);
  if (!namesParameter(message, parameter)) throw new Error(`the error does not name the parameter "${parameter}": "${message}"`);
  if (range !== undefined && !message.includes(range)) throw new Error(`the error names "${parameter}" but not its allowed range "${range}": "${message}"`);
  return error as Error;
}

/** tfjs backends this engine can run on, in the engine's order of preference. */
export const KNOWN_BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;

export interface BackendRuns<T> {
  /** One entry per backend that ran, in the order asked. */
  runs: { backend: string; result: T }[];
  /** Backends asked for that are not available here, with the reason. */
  skipped: { backend: string; reason: string }[];
}

/** Registers the `tensorflow` backend when @tensorflow/tfjs-node is installed; the reason when not. */
function loadTfjsNode(): string | undefined {
  try {
    require.resolve('@tensorflow/tfjs-node');
  } catch {
    return '@tensorflow/tfjs-node is not installed';
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@tensorflow/tfjs-node');
    return undefined;
  } catch (err) {
    return `@tensorflow/tfjs-node did not load: ${(err as Error).message.split('\n')[0]}`;
  }
}

async function activate(name: string): Promise<string | undefined> {
  if (name === 'tensorflow') {
    const failure = loadTfjsNode();
    if (failure !== undefined) return failure;
  }
  if (tf.findBackendFactory(name) == null) return `no tfjs backend "${name}" is registered`;
  try {
    if (!(await tf.setBackend(name))) return `tf.setBackend('${name}') returned false`;
    await tf.ready();
  } catch (err) {
    return (err as Error).message;
  }
  return tf.getBackend() === name ? undefined : `tf.getBackend() is ${tf.getBackend()}, not ${name}`;
}

/**
 * Runs `body` once on each backend of `names` that can be activated here (one after the other),
 * then restores the backend active before the call, also when `body` throws. Backends that are not
 * available (e.g. `tensorflow` without @tensorflow/tfjs-node) are listed in `skipped`, never an error.
 * The body must not keep tensors across backends.
 */
export async function forEachBackend<T>(names: readonly string[], body: (backend: string) => T | Promise<T>): Promise<BackendRuns<T>> {
  await tf.ready();
  const previous = tf.getBackend();
  const result: BackendRuns<T> = { runs: [], skipped: [] };
  try {
    for (const backend of names) {
      const failure = await activate(backend);
      if (failure !== undefined) {
        result.skipped.push({ backend, reason: failure });
        continue;
      }
      result.runs.push({ backend, result: await body(backend) });
    }
  } finally {
    if (tf.getBackend() !== previous) {
      await tf.setBackend(previous);
      await tf.ready();
    }
  }
  return result;
}

/**
 * Largest difference between two equally long arrays, measured as |a − b| / (atol + rtol·|b|)
 * (≤ 1 means "equal within tolerance"), and where it occurs. Throws when the lengths differ or
 * exactly one side is non-finite at some index.
 */
export function maxDifference(a: Numbers, b: Numbers, tolerance: { rtol: number; atol: number }): { ratio: number; index: number; a: number; b: number } {
  if (a.length !== b.length) throw new Error(`the arrays differ in length: ${a.length} vs ${b.length}`);
  let worst = { ratio: 0, index: -1, a: Number.NaN, b: Number.NaN };
  for (let i = 0; i < a.length; i++) {
    if (same(a[i], b[i])) continue;
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) throw new Error(`index ${i}: ${a[i]} vs ${b[i]} (only one side finite, or different non-finite values)`);
    const ratio = Math.abs(a[i] - b[i]) / (tolerance.atol + tolerance.rtol * Math.abs(b[i]));
    if (ratio > worst.ratio) worst = { ratio, index: i, a: a[i], b: b[i] };
  }
  return worst;
}
