/**
 * The sweep's runs on disk. Seed s is run by jest with `THEORYCHECK_OUT_DIR=<out>/seed-<s>`; the
 * reporter (reports/reporter.ts) creates a run directory `<out>/seed-<s>/<runId>/` and writes its
 * `report.json` (reports/json-writer.ts) only when the whole run has finished (onRunComplete). So a
 * seed's run is *complete* exactly when some run directory under `seed-<s>/` holds a `report.json`
 * that parses, has the seed as its master seed and the gate profile; a `seed-<s>/` without one is
 * *partial* (the sweep was stopped, or jest died before its reporter wrote) and is rerun from scratch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../../reports/schema';

/** The reporter's JSON file name (reports/json-writer.ts, `JSON_FILE`; properties/ may not import the writers). */
export const REPORT_FILE = 'report.json';
/** jest's output of each seed's run, inside its seed directory. */
export const LOG_FILE = 'jest.log';
/** The profile the sweep runs (the gate tier of the claims). */
export const SWEEP_PROFILE = 'gate';

export function seedDir(out: string, seed: number): string {
  return path.join(out, `seed-${seed}`);
}

/** A complete run of one seed: its report and where it was read. */
export interface SeedRun {
  seed: number;
  report: Report;
  file: string;
}

function readReport(file: string): Report | undefined {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
    return report && typeof report === 'object' && report.header && Array.isArray(report.properties) ? report : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The complete run of `seed` in `<out>/seed-<seed>/`, or undefined when there is none (no
 * directory, or only partial runs). Of several complete runs the latest started is taken.
 */
export function findCompleteRun(out: string, seed: number): SeedRun | undefined {
  const dir = seedDir(out, seed);
  if (!fs.existsSync(dir)) return undefined;
  let best: SeedRun | undefined;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue; // skips files and the reporter's `latest` symlink
    const file = path.join(dir, entry.name, REPORT_FILE);
    const report = fs.existsSync(file) ? readReport(file) : undefined;
    if (!report || report.header.masterSeed !== seed || report.header.profile !== SWEEP_PROFILE) continue;
    if (!best || report.header.startedAt > best.report.header.startedAt) best = { seed, report, file };
  }
  return best;
}

/** Seeds of `seeds` that have a directory under `out` (complete or partial). */
export function seedsWithRuns(out: string, seeds: readonly number[]): number[] {
  return seeds.filter((s) => fs.existsSync(seedDir(out, s)));
}
