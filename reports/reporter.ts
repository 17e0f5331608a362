/**
 * The jest reporter that writes the run's report.
 *
 * jest.config.ts: `reporters: ['default', '<rootDir>/reports/jest-reporter.cjs']`. jest 30 loads custom
 * reporters with a plain `require()`, and the ts-node hook it uses for jest.config.ts is switched
 * off again before reporters load, so a `.ts` reporter path fails ("Unexpected token ':'");
 * `jest-reporter.cjs` compiles this file with ts-node (transpile-only) and re-exports the class.
 *
 * - Constructor (parent process, before any worker is spawned): takes the run's settings as options
 *   (jest.config.ts reads them with properties/settings.ts, which also exports a fresh seed to the
 *   workers), creates `<outDir>/<runId>/` with runId
 *   `YYYYMMDD-HHMMSS-seed<seed>` (UTC; `-2`, `-3`, … appended if it exists) and exports its path as
 *   THEORYCHECK_RUN_DIR, which jest workers inherit; properties write their records there.
 * - onRunComplete: reads the records, writes report.json, report.md, report.html (with figures/) and summary.txt
 *   (`N passed, N failed`), points `<outDir>/latest` at the run, prints the path of report.md and,
 *   as the last stdout line, `N passed, N failed`.
 *
 * Options (jest `[path, options]` or constructor argument): `outDir` (default `reports/out`), the
 * run's `masterSeed`, `freshSeed`, `profile` and `alphaTotal` (for the header), `now` (clock, for
 * tests), `write` (stdout, for tests). The reporter reads no environment variable.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, gitCommit, makeRunId, summaryLine, type JestResultsLike } from './build';
import { renderJobSummary } from './job-summary';
import { writeJsonReport } from './json-writer';
import { renderHtmlReport, writeHtmlRendering } from './html-writer';
import { writeMarkdownReport } from './markdown-writer';
import { progressDir } from './progress';
import { OUT_DIR, RUN_DIR_ENV, readRecords, recordsDir } from './records';
import { updateDurations, type ProfileDurations } from './durations';
import { MANIFEST_FILE, readManifest, writeManifest } from './run-dir';
import type { Report } from './schema';

export const SUMMARY_FILE = 'summary.txt';
export const LATEST_LINK = 'latest';
export const LATEST_FILE = 'LATEST';

/** The run's settings the header reports (defaults: the suite's defaults). */
export interface RunSettings {
  masterSeed?: number;
  freshSeed?: boolean;
  profile?: string;
  alphaTotal?: number;
  /** The run's THEORYCHECK_* variables (run-dir.ts invocationOf), for the run's manifest. */
  invocation?: Record<string, string>;
}

export interface TheorycheckReporterOptions extends RunSettings {
  /** Directory that holds the run directories (default reports/out). */
  outDir?: string;
  /** Clock (tests). */
  now?: () => Date;
  /** Where the two stdout lines go (tests); default process.stdout. */
  write?: (text: string) => void;
  /** A file the job summary (job-summary.ts) is appended to; default $GITHUB_STEP_SUMMARY when set. */
  stepSummary?: string;
  /** An unfinished run directory to continue instead of creating one (its manifest must match the seed and profile). */
  resumeDir?: string;
  /** jest's arguments, for the manifest (default: this process's). */
  jestArgs?: string[];
}

/** The part of jest's GlobalConfig the reporter reads. */
export interface GlobalConfigLike {
  rootDir?: string;
}

/** Creates `<outDir>/<runId>` (or `<runId>-2`, … if taken); returns the directory's path. */
function createRunDir(outDir: string, runId: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  for (let k = 1; ; k++) {
    const dir = path.join(outDir, k === 1 ? runId : `${runId}-${k}`);
    try {
      fs.mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || k >= 1000) throw error;
    }
  }
}

/**
 * Points `<outDir>/latest` at the run directory (relative symlink, replaced atomically by rename).
 * Where symlinks are not allowed, writes `<outDir>/LATEST` containing the run directory's path.
 * Returns the path written.
 */
export function pointLatest(outDir: string, runDir: string): string {
  const link = path.join(outDir, LATEST_LINK);
  const tmp = path.join(outDir, `.${LATEST_LINK}.${process.pid}.tmp`);
  try {
    fs.rmSync(tmp, { force: true });
    fs.symlinkSync(path.relative(outDir, runDir), tmp, 'dir');
    fs.renameSync(tmp, link);
    return link;
  } catch {
    fs.rmSync(tmp, { force: true });
    const file = path.join(outDir, LATEST_FILE);
    const tmpFile = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmpFile, `${path.resolve(runDir)}\n`);
    fs.renameSync(tmpFile, file);
    return file;
  }
}

/** Per test file (jest's timing) and per property (its record) milliseconds of a finished run. */
export function runDurations(report: Report, results: JestResultsLike, rootDir: string): ProfileDurations {
  const files: Record<string, number> = {};
  for (const f of results.testResults ?? []) {
    if (f.perfStats !== undefined && f.perfStats.end >= f.perfStats.start && f.perfStats.start > 0) files[path.relative(rootDir, f.testFilePath)] = f.perfStats.end - f.perfStats.start;
  }
  return { files, properties: Object.fromEntries(report.properties.map((p) => [p.claimId, p.durationMs])) };
}

export default class TheorycheckReporter {
  readonly runId: string;
  readonly runDir: string;
  readonly outDir: string;
  private readonly stepSummary: string | undefined;
  private readonly masterSeed: number;
  private readonly freshSeed: boolean;
  private readonly alphaTotal: number;
  private readonly profile: string;
  private readonly rootDir: string;
  private readonly gitCommit: string | null;
  private readonly now: () => Date;
  private readonly write: (text: string) => void;
  private startedAt: Date;
  private runs = 0;
  private lastError: Error | undefined;
  private readonly resumed: boolean;

  constructor(globalConfig: GlobalConfigLike = {}, options: TheorycheckReporterOptions = {}) {
    this.now = options.now ?? ((): Date => new Date());
    this.write = options.write ?? ((text: string): void => void process.stdout.write(text));
    this.rootDir = globalConfig.rootDir ?? process.cwd();
    this.startedAt = this.now();
    this.masterSeed = options.masterSeed ?? 20181203;
    this.freshSeed = options.freshSeed ?? false;
    this.alphaTotal = options.alphaTotal ?? 1e-3;
    this.profile = options.profile ?? 'gate';
    this.gitCommit = gitCommit(this.rootDir);
    this.outDir = path.resolve(options.outDir ?? OUT_DIR);
    this.stepSummary = options.stepSummary ?? process.env.GITHUB_STEP_SUMMARY;
    this.resumed = options.resumeDir !== undefined;
    if (options.resumeDir !== undefined) {
      this.runDir = path.resolve(options.resumeDir);
      const manifest = readManifest(this.runDir);
      if (manifest === undefined) throw new Error(`THEORYCHECK_RESUME: ${this.runDir} is not a run directory (no ${MANIFEST_FILE})`);
      if (manifest.masterSeed !== this.masterSeed || manifest.profile !== this.profile) {
        throw new Error(`THEORYCHECK_RESUME: ${this.runDir} ran seed ${manifest.masterSeed}, profile ${manifest.profile}; this run has seed ${this.masterSeed}, profile ${this.profile}`);
      }
      this.startedAt = new Date(manifest.startedAt);
      fs.rmSync(path.join(this.runDir, SUMMARY_FILE), { force: true });
    } else {
      this.runDir = createRunDir(this.outDir, makeRunId(this.startedAt, this.masterSeed));
      writeManifest(this.runDir, {
        startedAt: this.startedAt.toISOString(),
        masterSeed: this.masterSeed,
        freshSeed: this.freshSeed,
        profile: this.profile,
        alphaTotal: this.alphaTotal,
        invocation: options.invocation ?? {},
        jestArgs: options.jestArgs ?? process.argv.slice(2),
      });
    }
    this.runId = path.basename(this.runDir);
    fs.mkdirSync(recordsDir(this.runDir), { recursive: true });
    process.env[RUN_DIR_ENV] = this.runDir;
  }

  /** Watch mode re-runs: start each later run with an empty records directory. */
  onRunStart(): void {
    this.runs++;
    if (this.runs > 1) {
      this.startedAt = this.now();
      fs.rmSync(recordsDir(this.runDir), { recursive: true, force: true });
      fs.mkdirSync(recordsDir(this.runDir), { recursive: true });
    }
  }

  /** Builds the report of the finished run (exposed for tests). */
  buildReport(results: JestResultsLike): Report {
    return buildReport({
      runId: this.runId,
      startedAt: this.startedAt,
      wallTimeMs: Math.max(0, this.now().getTime() - this.startedAt.getTime()),
      masterSeed: this.masterSeed,
      freshSeed: this.freshSeed,
      profile: this.profile,
      gitCommit: this.gitCommit,
      alphaTotal: this.alphaTotal,
      records: readRecords(this.runDir),
      jest: results,
      rootDir: this.rootDir,
    });
  }

  async onRunComplete(_contexts: unknown, results: JestResultsLike): Promise<void> {
    try {
      const report = this.buildReport(results);
      writeJsonReport(report, this.runDir);
      const markdown = writeMarkdownReport(report, this.runDir);
      const html = await renderHtmlReport(report);
      writeHtmlRendering(html, this.runDir);
      for (const e of html.errors) process.stderr.write(`theorycheck reporter: figure ${e.id} of ${e.claimId} not drawn: ${e.message}\n`);
      fs.rmSync(progressDir(this.runDir), { recursive: true, force: true });
      const summary = summaryLine(report.header.tests);
      fs.writeFileSync(path.join(this.runDir, SUMMARY_FILE), summary);
      pointLatest(this.outDir, this.runDir);
      const durations = runDurations(report, results, this.rootDir);
      // A resumed run's kept files ran in no time: only its properties' durations (from their records) are news.
      updateDurations(this.outDir, this.profile, this.resumed ? { files: {}, properties: durations.properties } : durations);
      if (this.stepSummary) fs.appendFileSync(this.stepSummary, renderJobSummary(report));
      this.write(`${markdown}\n${summary}\n`);
    } catch (error) {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      process.stderr.write(`theorycheck reporter: could not write the report: ${this.lastError.stack ?? this.lastError.message}\n`);
    }
  }

  /** jest fails the run (exit code 1) when a reporter returns an error here. */
  getLastError(): Error | undefined {
    return this.lastError;
  }
}
