/**
 * The run's settings: the one place where environment variables are read. Everything else (the
 * engine, the harness, the reporter's options in jest.config.ts) receives them as values.
 *
 * | variable | setting |
 * |---|---|
 * | `THEORYCHECK_SEED=<uint32>` | master seed (default 20181203) |
 * | `THEORYCHECK_FRESH_SEED=1` | draw a fresh master seed; it is exported as THEORYCHECK_SEED so that jest workers share it |
 * | `THEORYCHECK_PROFILE=gate\|full\|paper` | sample-design profile (default gate; paper = full with the papers' own sample sizes where given) |
 * | `THEORYCHECK_BACKEND=tensorflow\|wasm\|cpu` | force a tfjs backend |
 * | `THEORYCHECK_MUTANT=<fault>` | run every claim against a fault of the catalog (properties/faults) |
 * | `THEORYCHECK_ALPHA=<p>` | the suite's false-failure budget (default 1e-3) |
 * | `THEORYCHECK_REPLAY_PATH=<path>` | fast-check path of a counterexample to replay |
 * | `THEORYCHECK_OUT_DIR=<dir>` | where run directories are written (default reports/out) |
 * | `THEORYCHECK_RESUME=<run dir>` | continue an unfinished run in that directory: properties whose record is there are not re-run (`theorycheck run --resume` finds the directory) |
 * | `THEORYCHECK_RUN_DIR` | set by the reporter for its workers: the run directory records go to |
 */
import { randomInt } from 'node:crypto';
import { RUN_DIR_ENV } from '../reports/records';
import { parseBackend } from '../engine/backend-names';

export const SEED_ENV = 'THEORYCHECK_SEED';
export const FRESH_SEED_ENV = 'THEORYCHECK_FRESH_SEED';
export const PROFILE_ENV = 'THEORYCHECK_PROFILE';
export const BACKEND_ENV = 'THEORYCHECK_BACKEND';
export const FAULT_ENV = 'THEORYCHECK_MUTANT';
export const ALPHA_ENV = 'THEORYCHECK_ALPHA';
export const REPLAY_PATH_ENV = 'THEORYCHECK_REPLAY_PATH';
export const OUT_DIR_ENV = 'THEORYCHECK_OUT_DIR';
export const RESUME_ENV = 'THEORYCHECK_RESUME';
export { RUN_DIR_ENV };

/** The variables that change a run's numbers: carried into every replay line. */
export const REPLAYED_VARIABLES = [PROFILE_ENV, BACKEND_ENV, FAULT_ENV, ALPHA_ENV] as const;

export const DEFAULT_MASTER_SEED = 20181203;
export const DEFAULT_SUITE_ALPHA = 1e-3;
export const PROFILES = ['gate', 'full', 'paper'] as const;
export type Profile = (typeof PROFILES)[number];

const UINT32_MAX = 0xffffffff;

export interface Settings {
  masterSeed: number;
  freshSeed: boolean;
  profile: Profile;
  /** A forced backend name (validated by the engine), if any. */
  backend?: string;
  /** A fault name of the catalog applied to every claim, if any. */
  fault?: string;
  alpha: number;
  replayPath?: string;
  outDir?: string;
  /** An unfinished run directory to continue (its finished properties are kept, not re-run). */
  resumeDir?: string;
  runDir?: string;
  /** The raw THEORYCHECK_* variables that replay lines repeat. */
  replayed: Record<string, string>;
}

const given = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
};

/** Parses a seed given by a user; throws a message naming the variable and the allowed range. */
export function parseSeed(text: string, name: string = SEED_ENV): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > UINT32_MAX) {
    throw new Error(`${name} must be an integer in [0, ${UINT32_MAX}]; got "${text}"`);
  }
  return Number(trimmed);
}

export function parseProfile(text: string, name: string = PROFILE_ENV): Profile {
  if ((PROFILES as readonly string[]).includes(text)) return text as Profile;
  throw new Error(`${name} must be one of ${PROFILES.join(', ')}; got "${text}"`);
}

export function parseAlpha(text: string, name: string = ALPHA_ENV): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value >= 0.5) throw new Error(`${name} must be a number in (0, 0.5); got "${text}"`);
  return value;
}

/**
 * Reads the settings from `env`. A fresh seed is drawn once and written back into `env` (so that the
 * processes started after this one — jest's workers — resolve the same seed).
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const fresh = given(env, FRESH_SEED_ENV) === '1' || given(env, FRESH_SEED_ENV) === 'true';
  const seedText = given(env, SEED_ENV);
  let masterSeed: number;
  if (seedText !== undefined) masterSeed = parseSeed(seedText);
  else if (fresh) {
    masterSeed = randomInt(0, UINT32_MAX);
    env[SEED_ENV] = String(masterSeed);
  } else masterSeed = DEFAULT_MASTER_SEED;
  const backendText = given(env, BACKEND_ENV);
  if (backendText !== undefined) parseBackend(backendText, BACKEND_ENV);
  const profileText = given(env, PROFILE_ENV);
  const alphaText = given(env, ALPHA_ENV);
  const optional = (key: keyof Settings, name: string): Partial<Settings> => {
    const v = given(env, name);
    return v === undefined ? {} : { [key]: v };
  };
  const replayed: Record<string, string> = {};
  for (const name of REPLAYED_VARIABLES) {
    const v = given(env, name);
    if (v !== undefined) replayed[name] = v;
  }
  return {
    masterSeed,
    freshSeed: fresh,
    profile: profileText === undefined ? 'gate' : parseProfile(profileText),
    alpha: alphaText === undefined ? DEFAULT_SUITE_ALPHA : parseAlpha(alphaText),
    ...optional('backend', BACKEND_ENV),
    ...optional('fault', FAULT_ENV),
    ...optional('replayPath', REPLAY_PATH_ENV),
    ...optional('outDir', OUT_DIR_ENV),
    ...optional('resumeDir', RESUME_ENV),
    ...optional('runDir', RUN_DIR_ENV),
    replayed,
  };
}

let current: Settings | undefined;

/** This process's settings, read once. */
export function settings(): Settings {
  current ??= readSettings();
  return current;
}
