/**
 * Seeds: one master seed per run, derived deterministically per property and per configuration.
 *
 * - `THEORYCHECK_SEED=<uint32>` sets the master seed (default {@link DEFAULT_MASTER_SEED}).
 * - `THEORYCHECK_FRESH_SEED=1` draws a fresh master seed from the OS (printed in the report and in
 *   every replay line). The first process that resolves it exports it, so jest workers share it.
 *
 * Derived seeds depend only on (master seed, labels): never on run order, worker or chunking.
 */
import { randomInt } from 'node:crypto';

export const DEFAULT_MASTER_SEED = 20181203;
export const SEED_ENV = 'THEORYCHECK_SEED';
export const FRESH_SEED_ENV = 'THEORYCHECK_FRESH_SEED';

const UINT32_MAX = 0xffffffff;

export interface MasterSeed {
  seed: number;
  fresh: boolean;
}

/** Parses a seed given by a user; throws a message naming the variable and the allowed range. */
export function parseSeed(text: string, name: string = SEED_ENV): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > UINT32_MAX) {
    throw new Error(`${name} must be an integer in [0, ${UINT32_MAX}]; got "${text}"`);
  }
  return Number(trimmed);
}

export function resolveMasterSeed(env: NodeJS.ProcessEnv = process.env): MasterSeed {
  const fresh = env[FRESH_SEED_ENV] === '1' || env[FRESH_SEED_ENV] === 'true';
  const given = env[SEED_ENV];
  if (given !== undefined && given !== '') return { seed: parseSeed(given), fresh };
  if (fresh) {
    const seed = randomInt(0, UINT32_MAX);
    env[SEED_ENV] = String(seed);
    return { seed, fresh };
  }
  return { seed: DEFAULT_MASTER_SEED, fresh: false };
}

/** JSON with object keys sorted, so that equal configurations give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const obj = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
    }
    return v;
  });
}

/** murmur3's 32-bit finalizer: a bijective avalanche mix of a uint32. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of a string, finalized with {@link mix32}. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/**
 * A uint32 seed derived from a parent seed and labels (strings, numbers or JSON-able values).
 * `deriveSeed(master, 'HR2018.FM1', config)` is the seed of that configuration's experiment.
 */
export function deriveSeed(parent: number, ...labels: unknown[]): number {
  let h = mix32((parent >>> 0) ^ 0x9e3779b9);
  for (const label of labels) {
    const text = typeof label === 'string' ? label : canonicalJson(label);
    h = hashString(text, h ^ 0x811c9dc5);
  }
  return h;
}
