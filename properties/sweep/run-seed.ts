/**
 * One seed's run: `jest --maxWorkers=1 --selectProjects claims` (the gate tier of the claims) in its
 * own process group, with the environment that pins it (see {@link seedEnv}); jest's output goes to
 * `<out>/seed-<s>/jest.log`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALPHA_ENV, BACKEND_ENV, FAULT_ENV, FRESH_SEED_ENV, OUT_DIR_ENV, PROFILE_ENV, REPLAY_PATH_ENV, RUN_DIR_ENV, SEED_ENV } from '../settings';
import { LOG_FILE, SWEEP_PROFILE, seedDir } from './seed-runs';

/** The repository root (jest's rootDir): two levels above this file. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The environment of seed `seed`'s jest: the caller's, with THEORYCHECK_SEED = seed, the gate profile
 * and THEORYCHECK_OUT_DIR = `<out>/seed-<seed>` (so that runs do not share a run directory). A fresh
 * seed, a fault, a replay path or an inherited run directory would make the run something else than
 * the correct engine under that seed, so those variables are removed; THEORYCHECK_ALPHA and
 * THEORYCHECK_BACKEND pass through (the report header records the budget).
 */
export function seedEnv(base: NodeJS.ProcessEnv, seed: number, out: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of [FRESH_SEED_ENV, FAULT_ENV, REPLAY_PATH_ENV, RUN_DIR_ENV]) delete env[name];
  env[SEED_ENV] = String(seed);
  env[PROFILE_ENV] = SWEEP_PROFILE;
  env[OUT_DIR_ENV] = seedDir(out, seed);
  return env;
}

/** Variables that the sweep passes through unchanged (for the record in sweep.json). */
export const PASSED_THROUGH = [ALPHA_ENV, BACKEND_ENV] as const;

/** jest's command line for one seed (paths before --selectProjects: it takes the values after it). */
export function jestCommand(): { file: string; args: string[] } {
  const jestBin = require.resolve('jest/bin/jest', { paths: [REPO_ROOT] });
  return { file: process.execPath, args: [jestBin, '--maxWorkers=1', '--ci', '--selectProjects', 'claims'] };
}

export interface SeedProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  log: string;
}

/** Children still running, to be stopped with their process groups if the sweep is interrupted. */
const running = new Set<ChildProcess>();

/** Stops every running seed's jest (its whole process group: jest and its workers). */
export function stopAll(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const child of running) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Runs seed `seed` into `<out>/seed-<seed>/` (which the caller has emptied). Resolves when jest exits. */
export function runSeed(seed: number, out: string): Promise<SeedProcessResult> {
  const dir = seedDir(out, seed);
  fs.mkdirSync(dir, { recursive: true });
  const log = path.join(dir, LOG_FILE);
  const fd = fs.openSync(log, 'w');
  const { file, args } = jestCommand();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: REPO_ROOT, env: seedEnv(process.env, seed, out), stdio: ['ignore', fd, fd], detached: true });
    running.add(child);
    let closed = false;
    const done = (): void => {
      running.delete(child);
      if (!closed) fs.closeSync(fd);
      closed = true;
    };
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('exit', (exitCode, signal) => {
      done();
      resolve({ exitCode, signal, durationMs: Date.now() - started, log });
    });
  });
}
