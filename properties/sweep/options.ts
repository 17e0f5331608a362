/**
 * The seed sweep's command line: `npm run sweep -- --seeds K [--start S] [--jobs J] [--out DIR]
 * [--shard i/n] [--resume]`, parsed with node:util's `parseArgs` (strict: an unknown option or a
 * missing value is an error). Every error is a {@link UsageError} whose message names the option and
 * its allowed range; the command exits with code 2 on it.
 *
 * Seeds. The sweep runs the master seeds S, S + 1, …, S + K − 1 (uint32, the range
 * `THEORYCHECK_SEED` accepts: properties/settings.ts). `--shard i/n` (1 ≤ i ≤ n, as jest's
 * `--shard`) keeps every n-th of them, those at positions i − 1, i − 1 + n, … of the list, so that n
 * machines started with the same K and S and shards 1/n … n/n cover every seed exactly once.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const UINT32_MAX = 0xffffffff;

/** Upper limit of `--jobs`: each job is one jest process with one worker (~1 core, ~1 GB). */
export const MAX_JOBS = 64;
/** `--jobs` default: both cores of the project's machines (README, "Layout"). */
export const DEFAULT_JOBS = 2;
/** `--start` default: the first sweep seed (the suite's default master seed, 20181203, is not in the early range). */
export const DEFAULT_START = 1;
/** `--out` default, relative to the repository root (reports/out/ is ignored by git). */
export const DEFAULT_OUT = path.join('reports', 'out', 'sweep');

export const USAGE = `usage: npm run sweep -- --seeds K [--start S] [--jobs J] [--out DIR] [--shard i/n] [--resume]
  --seeds K    number of master seeds, integer in [1, ${UINT32_MAX + 1}] (with --start S: S + K − 1 ≤ ${UINT32_MAX})
  --start S    first master seed, integer in [0, ${UINT32_MAX}] (default ${DEFAULT_START}); seeds are S … S + K − 1
  --jobs J     jest processes in parallel, integer in [1, ${MAX_JOBS}] (default ${DEFAULT_JOBS}); each runs --maxWorkers=1
  --out DIR    output directory (default ${DEFAULT_OUT}); run of seed s: DIR/seed-<s>/, table: DIR/sweep.md, DIR/sweep.json
  --shard i/n  run only the seeds at positions i − 1, i − 1 + n, … of the list (integers 1 ≤ i ≤ n)
  --resume     skip seeds whose report is complete in DIR, rerun the others (without it, DIR must hold no seed run)`;

/** A bad command line: the message names the option and its allowed range (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface Shard {
  /** 1-based shard number i. */
  index: number;
  /** Number of shards n. */
  count: number;
}

export interface SweepOptions {
  /** K: number of master seeds before sharding. */
  seeds: number;
  /** S: the first master seed. */
  start: number;
  jobs: number;
  /** Absolute output directory. */
  out: string;
  shard: Shard;
  resume: boolean;
  help: boolean;
}

/** A decimal integer in [min, max], or a UsageError naming `option`. */
function integerOption(option: string, text: string, min: number, max: number): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < min || Number(trimmed) > max) {
    throw new UsageError(`${option} must be an integer in [${min}, ${max}]; got "${text}"`);
  }
  return Number(trimmed);
}

/** `i/n` with integers 1 ≤ i ≤ n. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard must be i/n with integers 1 ≤ i ≤ n; got "${text}"`);
  }
  return { index, count };
}

/**
 * Parses the sweep's arguments (after `--`); `cwd` resolves a relative `--out` and the default.
 * Throws a {@link UsageError} for an unknown option, a missing value or a value out of range.
 *
 * @example parseSweepArgs(['--seeds', '30', '--shard', '2/3'], '/repo').shard; // { index: 2, count: 3 }
 */
export function parseSweepArgs(argv: readonly string[], cwd: string): SweepOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seeds: { type: 'string' },
        start: { type: 'string' },
        jobs: { type: 'string' },
        out: { type: 'string' },
        shard: { type: 'string' },
        resume: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const text = (name: string): string | undefined => values[name] as string | undefined;
  const help = values.help === true;
  const start = text('start') === undefined ? DEFAULT_START : integerOption('--start', text('start')!, 0, UINT32_MAX);
  if (text('seeds') === undefined && !help) throw new UsageError(`--seeds is required: an integer in [1, ${UINT32_MAX - start + 1}]`);
  const seeds = text('seeds') === undefined ? 0 : integerOption('--seeds', text('seeds')!, 1, UINT32_MAX - start + 1);
  const jobs = text('jobs') === undefined ? DEFAULT_JOBS : integerOption('--jobs', text('jobs')!, 1, MAX_JOBS);
  const outText = text('out');
  if (outText !== undefined && outText.trim() === '') throw new UsageError('--out must be a directory path; got an empty string');
  const shard = text('shard') === undefined ? { index: 1, count: 1 } : parseShard(text('shard')!);
  if (!help && shard.index > seeds) throw new UsageError(`--shard ${shard.index}/${shard.count} selects no seed: i must be ≤ --seeds (${seeds})`);
  return {
    seeds,
    start,
    jobs,
    out: path.resolve(cwd, outText ?? DEFAULT_OUT),
    shard,
    resume: values.resume === true,
    help,
  };
}

/**
 * The master seeds of this invocation: S … S + K − 1, keeping positions j with j mod n = i − 1.
 *
 * @example sweepSeeds({ start: 101, seeds: 5, shard: { index: 2, count: 2 } }); // [102, 104]
 */
export function sweepSeeds(options: Pick<SweepOptions, 'start' | 'seeds' | 'shard'>): number[] {
  const { start, seeds, shard } = options;
  const out: number[] = [];
  for (let j = shard.index - 1; j < seeds; j += shard.count) out.push(start + j);
  return out;
}
