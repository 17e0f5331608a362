/**
 * The last runs' durations, per profile: per test file (the shard balancer's weights) and per
 * property (the progress bars' ETAs). The reporter updates `<outDir>/durations.json` after each run;
 * `reports/last-durations.json` is a committed copy (not `durations.json`: Node would resolve `./durations` to it) that a fresh clone starts from (refresh it by copying
 * `reports/out/durations.json` after a gate run, and a full one).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DURATIONS_FILE = 'durations.json';
/** The committed copy, used when the output directory has none yet. */
export const COMMITTED_DURATIONS = path.join(__dirname, 'last-durations.json');

export interface ProfileDurations {
  /** Test file (path relative to the repository root) → milliseconds. */
  files: Record<string, number>;
  /** Property id → milliseconds. */
  properties: Record<string, number>;
}

export type Durations = Record<string, ProfileDurations>;

export function readDurations(file: string): Durations {
  if (!fs.existsSync(file)) return {};
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Durations;
  } catch {
    return {};
  }
}

/** The durations of `profile`: the output directory's when it has them, else the committed copy's. */
export function durationsFor(outDir: string, profile: string): ProfileDurations {
  return readDurations(path.join(outDir, DURATIONS_FILE))[profile] ?? readDurations(COMMITTED_DURATIONS)[profile] ?? { files: {}, properties: {} };
}

const sortedObject = (r: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));

/** Merges a run's durations into `<outDir>/durations.json` (newer values replace older ones). */
export function updateDurations(outDir: string, profile: string, run: ProfileDurations): void {
  const file = path.join(outDir, DURATIONS_FILE);
  const all = readDurations(file);
  const old = all[profile] ?? { files: {}, properties: {} };
  all[profile] = { files: sortedObject({ ...old.files, ...run.files }), properties: sortedObject({ ...old.properties, ...run.properties }) };
  fs.writeFileSync(`${file}.${process.pid}.tmp`, `${JSON.stringify(all, null, 1)}\n`);
  fs.renameSync(`${file}.${process.pid}.tmp`, file);
}
