/**
 * A run directory's manifest (`run.json`), written when the run starts: the settings that change its
 * numbers and the jest arguments that select its tests. `theorycheck run --resume` looks for the
 * newest unfinished run (no report.json yet) whose manifest matches the new invocation and continues
 * it: the reporter reuses the directory and the harness skips every property whose record is
 * already there (records are written atomically, so a record on disk is a finished property).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MANIFEST_FILE = 'run.json';

export interface RunManifest {
  startedAt: string;
  masterSeed: number;
  freshSeed: boolean;
  profile: string;
  alphaTotal: number;
  /** The run's THEORYCHECK_* variables but the seed and the run/resume directories ({@link invocationOf}). */
  invocation: Record<string, string>;
  /** jest's command-line arguments (test selection, shard). */
  jestArgs: string[];
}

const NOT_INVOCATION = new Set(['THEORYCHECK_SEED', 'THEORYCHECK_FRESH_SEED', 'THEORYCHECK_RUN_DIR', 'THEORYCHECK_RESUME']);

/** The THEORYCHECK_* variables of `env` that select and shape a run (profile, backend, fault, α, out dir, …), sorted. */
export function invocationOf(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter((e): e is [string, string] => e[0].startsWith('THEORYCHECK_') && !NOT_INVOCATION.has(e[0]) && e[1] !== undefined && e[1] !== '')
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export function writeManifest(dir: string, manifest: RunManifest): void {
  const file = path.join(dir, MANIFEST_FILE);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

export function readManifest(dir: string): RunManifest | undefined {
  const file = path.join(dir, MANIFEST_FILE);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RunManifest) : undefined;
}

/** The parts of a manifest that must agree for a run to be resumed (the seed only when one is given). */
export interface ResumeKey {
  masterSeed?: number;
  invocation: Record<string, string>;
  jestArgs: string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function matches(m: RunManifest, key: ResumeKey): boolean {
  return (key.masterSeed === undefined || m.masterSeed === key.masterSeed) && same(m.invocation, key.invocation) && same(m.jestArgs, key.jestArgs);
}

/**
 * The newest run directory under `outDir` that has a matching manifest and no report.json (it did
 * not finish), or undefined.
 */
export function findResumable(outDir: string, key: ResumeKey, reportFile = 'report.json'): string | undefined {
  if (!fs.existsSync(outDir)) return undefined;
  const candidates = fs
    .readdirSync(outDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.isSymbolicLink())
    .map((d) => path.join(outDir, d.name))
    .filter((dir) => !fs.existsSync(path.join(dir, reportFile)))
    .map((dir) => ({ dir, m: readManifest(dir) }))
    .filter((c): c is { dir: string; m: RunManifest } => c.m !== undefined && matches(c.m, key))
    .sort((a, b) => b.m.startedAt.localeCompare(a.m.startedAt));
  return candidates[0]?.dir;
}
