/**
 * `npm run sweep -- --seeds K [--start S] [--jobs J] [--out DIR] [--shard i/n] [--resume]`: runs the
 * gate tier of the claims under K master seeds, J jest processes at a time, and writes the table of
 * failures per claim and of family-wise failures against the suite's budget to `DIR/sweep.md` and
 * `DIR/sweep.json` (options: options.ts; runs on disk and resuming: seed-runs.ts; the table:
 * aggregate.ts).
 *
 * stderr gets one progress line per seed (skipped, finished or incomplete). Exit code: 0 when every
 * seed has a complete report and the family-wise interval does not lie above the budget; 1 when a
 * seed's run is incomplete or the interval lies above the budget; 2 for a bad command line; 130 when
 * interrupted (running jests are stopped; their seeds are rerun by `--resume`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatAlpha, formatDuration, formatInterval } from '../../reports/format';
import { aggregateSweep, runFailed, type SweepSummary } from './aggregate';
import { renderSweepMarkdown } from './markdown';
import { parseSweepArgs, sweepSeeds, USAGE, UsageError, type SweepOptions } from './options';
import { PASSED_THROUGH, runSeed, stopAll } from './run-seed';
import { SWEEP_PROFILE, findCompleteRun, seedDir, seedsWithRuns, type SeedRun } from './seed-runs';

export const SWEEP_MD = 'sweep.md';
export const SWEEP_JSON = 'sweep.json';

const say = (line: string): void => void process.stderr.write(`sweep: ${line}\n`);

/** The command line as typed (arguments quoted for a POSIX shell when needed). */
function commandLine(argv: readonly string[]): string {
  const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['npm run sweep --', ...argv.map(quote)].join(' ');
}

/** The progress line of a finished run. */
function finishedLine(run: SeedRun): string {
  const h = run.report.header;
  const failing = run.report.properties.filter((p) => p.verdict !== 'pass').map((p) => p.claimId);
  const crashed = (h.tests.crashedFiles ?? []).map((c) => `${c.file} crashed`);
  const what = [...failing, ...crashed];
  return `${h.tests.passed} passed, ${h.tests.failed} failed${runFailed(run.report) ? ` — FAILED: ${what.join(', ') || 'see the report'}` : ''}`;
}

/** Runs `seeds` with `jobs` jest processes at a time, printing a line per finished seed. */
async function runAll(seeds: readonly number[], options: SweepOptions): Promise<void> {
  let next = 0;
  let finished = 0;
  const worker = async (): Promise<void> => {
    while (next < seeds.length) {
      const seed = seeds[next++];
      const result = await runSeed(seed, options.out);
      finished++;
      const run = findCompleteRun(options.out, seed);
      const head = `[${finished}/${seeds.length}] seed ${seed} (${formatDuration(result.durationMs)}):`;
      if (run) say(`${head} ${finishedLine(run)}`);
      else say(`${head} INCOMPLETE — jest ended (${result.signal ?? `exit code ${result.exitCode}`}) without a report; see ${result.log}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.jobs, seeds.length) }, worker));
}

function writeOutputs(summary: SweepSummary, options: SweepOptions, command: string): string {
  fs.mkdirSync(options.out, { recursive: true });
  const passedThrough = Object.fromEntries(PASSED_THROUGH.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  const json = { command, options, environment: passedThrough, ...summary };
  fs.writeFileSync(path.join(options.out, SWEEP_JSON), `${JSON.stringify(json, null, 2)}\n`);
  const md = path.join(options.out, SWEEP_MD);
  fs.writeFileSync(md, renderSweepMarkdown(summary, command));
  return md;
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: SweepOptions;
  try {
    options = parseSweepArgs(argv, process.cwd());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sweep: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const seeds = sweepSeeds(options);
  const existing = seedsWithRuns(options.out, seeds);
  if (!options.resume && existing.length > 0) {
    process.stderr.write(
      `sweep: --out ${options.out} already holds runs of seed(s) ${existing.join(', ')}: pass --resume to keep the complete ones and rerun the others, or choose another --out\n`,
    );
    return 2;
  }
  const toRun: number[] = [];
  for (const seed of seeds) {
    const run = options.resume ? findCompleteRun(options.out, seed) : undefined;
    if (run) say(`seed ${seed}: complete report ${path.relative(process.cwd(), run.file)}, skipped`);
    else {
      fs.rmSync(seedDir(options.out, seed), { recursive: true, force: true }); // a partial run is rerun from scratch
      toRun.push(seed);
    }
  }
  say(`${seeds.length} seed(s), ${toRun.length} to run, ${Math.min(options.jobs, toRun.length)} at a time; output in ${options.out}`);

  const interrupt = (signal: NodeJS.Signals): void => {
    say(`${signal}: stopping the running jests; rerun with --resume to finish`);
    stopAll('SIGTERM');
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  await runAll(toRun, options);

  const complete = seeds.flatMap((s) => {
    const run = findCompleteRun(options.out, s);
    return run ? [run] : [];
  });
  const command = commandLine(argv);
  const summary = aggregateSweep(complete, seeds, SWEEP_PROFILE);
  const md = writeOutputs(summary, options, command);
  const f = summary.familyWise;
  const ci = f.lower === null || f.upper === null ? '—' : formatInterval({ lower: f.lower, upper: f.upper });
  say(`${f.failures} of ${f.runs} run(s) failed; Clopper–Pearson 95% ${ci} vs budget ${formatAlpha(f.budget)}; table: ${md}`);
  if (summary.seeds.incomplete.length > 0) say(`incomplete seed(s), not counted: ${summary.seeds.incomplete.join(', ')} (rerun with --resume)`);
  return summary.seeds.incomplete.length > 0 || f.aboveBudget ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`sweep: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      stopAll('SIGTERM');
      process.exit(1);
    },
  );
}
