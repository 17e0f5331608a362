/**
 * The `theorycheck` command (`npx theorycheck …` from a clone; package.json `bin`). Subcommands:
 *
 *   run      run the claims (jest underneath): --profile gate|full|paper, --paper, --claim, --seed,
 *            --fresh-seed, --backend, --fault, --out, --shard i/n, --resume
 *   list     papers, claims and twins of a report, with their durations (default: the latest run)
 *   report   rebuild report.md from a run's report.json
 *   merge    shard runs → one report (reports/merge.ts)
 *   compare  two reports → per-claim verdict changes and interval shifts (reports/compare.ts)
 *
 * Exit codes: 0 every claim consistent and every twin rejected (compare: nothing moved); 1 a claim
 * rejected or a twin not rejected (compare: something moved); 2 usage; 3 an engine fault (a test file
 * crashed, or no report was written). Reads only the result schema; `run` starts jest in a child
 * process with the suite's THEORYCHECK_* variables (properties/settings.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { compareReports, renderComparison } from '../compare';
import { mergeReports } from '../merge';
import { JSON_FILE, writeJsonReport } from '../json-writer';
import { writeMarkdownReport } from '../markdown-writer';
import { renderHtmlReport, writeHtmlReport, writeHtmlRendering } from '../html-writer';
import { makeRunId } from '../build';
import { readRecords } from '../records';
import { findResumable, invocationOf, readManifest } from '../run-dir';
import type { Report } from '../schema';
import { byPaper, twinName, twinsOf } from '../group';
import { table } from '../format';
import { readAuditReport, renderAuditSummary, writeAuditReport } from '../audit-writer';
import { gitCommit } from '../build';

export const EXIT = { ok: 0, rejected: 1, usage: 2, engineFault: 3 } as const;

/** Claim-id prefix → paper folder (properties/<paper>/, theorems/<paper>/). */
export const PAPER_OF_PREFIX: Record<string, string> = {
  HR2018: 'hanin-rolnick-2018',
  HR2019: 'hanin-rolnick-2019',
  SK2020: 'shin-karniadakis-2020',
  LSSK2020: 'shin-karniadakis-2020',
  ZZLZX2022: 'zhou-2022',
};
export const PAPERS = [...new Set(Object.values(PAPER_OF_PREFIX))];

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_OUT = path.join(ROOT, 'reports', 'out');

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Runs jest with `args` and extra `env`; returns its exit code. */
  jest: (args: string[], env: Record<string, string>) => number;
  /** Runs a TypeScript script of the repository (path from its root) with tsx; returns its exit code. */
  script: (file: string, args: string[]) => number;
  /** The checkout's commit, for provenance (reports/build.ts). */
  commit?: () => string | null;
}

const defaultIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  jest: (args, env) => spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? EXIT.engineFault,
  script: (file, args) => spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, file), ...args], { cwd: ROOT, stdio: 'inherit' }).status ?? EXIT.engineFault,
  commit: () => gitCommit(ROOT),
};

/** A report from a report.json path or a run directory. */
export function readReport(where: string): Report {
  const file = fs.existsSync(where) && fs.statSync(where).isDirectory() ? path.join(where, JSON_FILE) : where;
  if (!fs.existsSync(file)) throw new InvalidArgumentError(`no report at ${file} (give a report.json or a run directory)`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
}

/** The latest run directory under `outDir` (the reporter's `latest` link or LATEST file). */
export function latestRun(outDir: string): string | undefined {
  const link = path.join(outDir, 'latest');
  if (fs.existsSync(link)) return fs.realpathSync(link);
  const file = path.join(outDir, 'LATEST');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}

/** 0 / 1 / 3 from a finished run's header. */
export function exitCodeOf(report: Report): number {
  if ((report.header.tests.crashedFiles ?? []).length > 0) return EXIT.engineFault;
  return report.header.tests.failed > 0 ? EXIT.rejected : EXIT.ok;
}

const positiveInt = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new InvalidArgumentError(`${name} must be an integer in [0, 4294967295]; got ${v}`);
  return n;
};

function shardArg(v: string): string {
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || +m[1] < 1 || +m[1] > +m[2]) throw new InvalidArgumentError(`--shard must be i/n with 1 ≤ i ≤ n; got ${v}`);
  return v;
}

function paperOfClaim(id: string): string {
  const paper = PAPER_OF_PREFIX[id.split('.')[0]];
  if (paper === undefined) throw new InvalidArgumentError(`--claim must start with one of ${Object.keys(PAPER_OF_PREFIX).join(', ')} (e.g. HR2018.FM1.mean-length); got ${id}`);
  return paper;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The jest arguments and THEORYCHECK_* variables of `run`. */
export function runInvocation(o: { profile: string; files?: string[]; paper?: string; claim?: string; seed?: number; freshSeed?: boolean; backend?: string; fault?: string; out?: string; shard?: string }): { args: string[]; env: Record<string, string> } {
  const args: string[] = [];
  const env: Record<string, string> = { THEORYCHECK_PROFILE: o.profile };
  if (o.files !== undefined && o.files.length > 0) {
    args.push(...o.files, '--selectProjects', 'claims');
  } else if (o.claim !== undefined) {
    args.push(`properties/${paperOfClaim(o.claim)}/`, '--selectProjects', 'claims', '-t', `^${escapeRegExp(o.claim)}( |~)`); // paths before --selectProjects (it takes every value after it)
  } else if (o.paper !== undefined) {
    args.push(`properties/${o.paper}/`, '--selectProjects', 'claims');
  }
  if (o.shard !== undefined) args.push(`--shard=${o.shard}`);
  if (o.seed !== undefined) env.THEORYCHECK_SEED = String(o.seed);
  if (o.freshSeed) env.THEORYCHECK_FRESH_SEED = '1';
  if (o.backend !== undefined) env.THEORYCHECK_BACKEND = o.backend;
  if (o.fault !== undefined) env.THEORYCHECK_MUTANT = o.fault;
  env.THEORYCHECK_OUT_DIR = path.resolve(o.out ?? DEFAULT_OUT);
  return { args, env };
}

/** The README's claim tables: per paper, one row per claim with its twins and claim + twin seconds. */
export function claimTables(r: Report): string {
  return byPaper(r.properties)
    .map(([paper, props]) => {
      const rows = props
        .filter((p) => p.kind === 'claim')
        .sort((a, b) => a.claimId.localeCompare(b.claimId))
        .map((c) => {
          const twins = twinsOf(props, c.claimId);
          const seconds = (c.durationMs + twins.reduce((t, w) => t + w.durationMs, 0)) / 1000;
          return [`\`${c.claimId}\``, c.title, c.provenance, twins.map((w) => `\`${twinName(w, c.claimId, true)}\``).join(', '), `${seconds.toFixed(1)} s`];
        });
      return `${paper}\n\n${table(['claim', 'statement (title)', 'provenance', 'twins', 'gate time'], rows, ['l', 'l', 'c', 'l', 'r'])}\n`;
    })
    .join('\n');
}

/** The command tree, and the exit code its last action set (actions cannot return one through commander). */
export function program(io: Io = defaultIo): { cli: Command; exitCode: () => number } {
  const cli = new Command('theorycheck')
    .description('Claims of deep-learning theory papers as calibrated statistical properties, tested against a TensorFlow.js engine.')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();
  let code: number = EXIT.ok;

  cli
    .command('run')
    .description('run the claims (all unit tests too unless claim files, --paper or --claim are given); writes report.json, report.md, report.html and summary.txt into a new run directory')
    .argument('[files...]', 'claim files to run (paths or jest path patterns, e.g. properties/zhou-2022/)')
    .addOption(new Option('--profile <profile>', 'sample design').choices(['gate', 'full', 'paper']).default('gate'))
    .addOption(new Option('--paper <paper>', 'one paper\'s claims').choices(PAPERS))
    .option('--claim <id>', 'one claim (with its twins), e.g. HR2018.FM1.mean-length')
    .option('--seed <n>', 'master seed', positiveInt('--seed'))
    .option('--fresh-seed', 'draw a fresh master seed (printed in the report)')
    .addOption(new Option('--backend <backend>', 'tfjs backend').choices(['tensorflow', 'wasm', 'cpu']))
    .option('--fault <name>', 'run every claim against a fault of the catalog (properties/faults/catalog.ts)')
    .option('--out <dir>', 'where run directories go', DEFAULT_OUT)
    .option('--shard <i/n>', 'run the i-th of n shards of the test files, balanced by the last run\'s durations (merge them with `theorycheck merge`)', shardArg)
    .option('--resume', 'continue the newest unfinished run with the same arguments in --out (after Ctrl-C or kill): finished properties are kept, the rest run')
    .action((files: string[], o) => {
      if ([files.length > 0, o.paper !== undefined, o.claim !== undefined].filter(Boolean).length > 1) throw new InvalidArgumentError('give claim files, --paper or --claim, not two of them');
      const { args, env } = runInvocation({ ...o, files });
      if (o.resume) {
        const dir = findResumable(env.THEORYCHECK_OUT_DIR, { ...(o.seed !== undefined ? { masterSeed: o.seed } : {}), invocation: invocationOf({ ...process.env, ...env }), jestArgs: args });
        const manifest = dir === undefined ? undefined : readManifest(dir);
        if (dir === undefined || manifest === undefined) io.err(`theorycheck: no unfinished run with these arguments in ${env.THEORYCHECK_OUT_DIR}; starting a new one\n`);
        else {
          env.THEORYCHECK_RESUME = dir;
          env.THEORYCHECK_SEED = String(manifest.masterSeed);
          if (manifest.freshSeed) env.THEORYCHECK_FRESH_SEED = '1';
          io.err(`theorycheck: resuming ${dir} (${readRecords(dir).length} finished properties kept)\n`);
        }
      }
      const jestCode = io.jest(args, env);
      const run = latestRun(env.THEORYCHECK_OUT_DIR);
      if (run === undefined || !fs.existsSync(path.join(run, JSON_FILE))) {
        io.err(`theorycheck: jest exited with ${jestCode} and wrote no report in ${env.THEORYCHECK_OUT_DIR}\n`);
        code = EXIT.engineFault;
        return;
      }
      code = exitCodeOf(readReport(run));
      io.err(`theorycheck: report in ${run}\n`);
    });

  cli
    .command('list')
    .description('papers, claims and twins of a run with their verdicts and durations (default: the latest run)')
    .argument('[report]', 'report.json or run directory')
    .option('--out <dir>', 'where run directories are', DEFAULT_OUT)
    .option('--markdown', 'one Markdown table per paper: claim, title, provenance, twins, claim + twin seconds (the README\'s "Claims by paper")')
    .action((where: string | undefined, o: { out: string; markdown?: boolean }) => {
      const source = where ?? latestRun(o.out);
      if (source === undefined) throw new InvalidArgumentError(`no run in ${o.out} yet: \`npx theorycheck run\` first, or give a report`);
      const r = readReport(source);
      if (o.markdown) {
        io.out(`${claimTables(r)}\n`);
        return;
      }
      const lines = [`run ${r.header.runId} (${r.header.profile}, seed ${r.header.masterSeed})`];
      for (const [paper, props] of byPaper(r.properties)) {
        lines.push('', paper);
        for (const p of props) lines.push(`  ${p.kind === 'twin' ? '  twin ' : ''}${p.claimId}  ${p.verdict}  ${(p.durationMs / 1000).toFixed(1)} s`);
      }
      io.out(`${lines.join('\n')}\n`);
    });

  cli
    .command('audit')
    .description('run FM1, FM2, born-dead and region theorems against real components (properties/audit/): by default every tfjs-layers initializer, the dense and conv1d defaults and two controls; writes audit.json, audit.md and audit.html')
    .option('--initializer <name...>', 'tfjs initializers to audit (e.g. heNormal glorotUniform)')
    .option('--layer <name...>', 'default kernel initializer of these tfjs layers: dense, conv1d')
    .option('--model <file...>', 'a module exporting a factory (seed) => tf.Sequential (default export or `factory`)')
    .option('--weights <dir...>', 'a directory of exported .npy weights (see properties/audit/weights-dir.ts)')
    .option('--layout <layout>', 'layout of --weights kernels: in-out (Keras, tfjs, JAX), out-in (PyTorch) or auto', 'auto')
    .option('--controls', 'add the controls (the suite\'s He, a planted 10% variance error) to the chosen components')
    .option('--builtins', 'audit the built-in set (every tfjs initializer, the layer defaults, the controls) beside the chosen components')
    .option('--theorem <name...>', 'theorems to run: fm1 fm2 born-dead regions (default all)')
    .option('--width <n>', 'layer width of the initializer audit (default 32)')
    .option('--nets <n>', 'networks of the initializer audit (default 1000)')
    .option('--model-nets <n>', 'draws of a model or weights directory (default 500)')
    .option('--seed <n>', 'seed of the audit')
    .option('--out <dir>', 'directory for audit.json, audit.md, audit.html', path.join(DEFAULT_OUT, 'audit'))
    .action(async (o: { initializer?: string[]; layer?: string[]; model?: string[]; weights?: string[]; layout: string; controls?: boolean; builtins?: boolean; theorem?: string[]; width?: string; nets?: string; modelNets?: string; seed?: string; out: string }) => {
      const out = path.resolve(o.out);
      const many = (flag: string, xs: string[] | undefined): string[] => (xs ?? []).flatMap((x) => [flag, flag === '--model' || flag === '--weights' ? path.resolve(x) : x]);
      const one = (flag: string, x: string | undefined): string[] => (x === undefined ? [] : [flag, x]);
      const args = [
        ...many('--initializer', o.initializer),
        ...many('--layer', o.layer),
        ...many('--model', o.model),
        ...many('--weights', o.weights),
        ...(o.layout !== 'auto' ? ['--layout', o.layout] : []),
        ...(o.controls ? ['--controls'] : []),
        ...(o.builtins ? ['--builtins'] : []),
        ...many('--theorem', o.theorem),
        ...one('--width', o.width),
        ...one('--nets', o.nets),
        ...one('--model-nets', o.modelNets),
        ...one('--seed', o.seed),
        '--out',
        out,
        ...((c) => (c ? ['--git-commit', c] : []))(io.commit?.()),
      ];
      const status = io.script('properties/audit/run.ts', args);
      if (status !== 0) {
        code = status === 2 ? EXIT.usage : EXIT.engineFault;
        return;
      }
      const written = await writeAuditReport(out, readAuditReport(out));
      for (const e of written.errors) io.err(`theorycheck: audit figure ${e.id} not drawn: ${e.message}\n`);
      io.out(`${renderAuditSummary(readAuditReport(out))}\n\n${written.markdown}\n${written.html}\n`);
      code = written.errors.length > 0 ? EXIT.engineFault : EXIT.ok;
    });

  cli
    .command('report')
    .description('rebuild report.md and report.html (and re-serialize report.json) from a run\'s report.json')
    .argument('<run>', 'run directory')
    .action(async (run: string) => {
      const r = readReport(run);
      writeJsonReport(r, run);
      const html = await renderHtmlReport(r);
      for (const e of html.errors) io.err(`theorycheck: figure ${e.id} of ${e.claimId} not drawn: ${e.message}\n`);
      io.out(`${writeMarkdownReport(r, run)}\n${writeHtmlRendering(html, run)}\n`);
      code = html.errors.length > 0 ? EXIT.engineFault : EXIT.ok;
    });

  cli
    .command('merge')
    .description('merge shard runs (same seed, profile and commit) into the report an unsharded run gives')
    .argument('<runs...>', 'shard run directories or report.json files')
    .requiredOption('--out <dir>', 'directory for the merged report')
    .action(async (runs: string[], o: { out: string }) => {
      const shards = runs.map(readReport);
      const startedAt = new Date(Math.min(...shards.map((s) => Date.parse(s.header.startedAt))));
      const merged = mergeReports(shards, { runId: makeRunId(startedAt, shards[0].header.masterSeed), startedAt, rootDir: ROOT });
      fs.mkdirSync(o.out, { recursive: true });
      writeJsonReport(merged, o.out);
      writeMarkdownReport(merged, o.out);
      await writeHtmlReport(merged, o.out);
      io.out(`merged ${shards.length} shard(s), ${merged.properties.length} properties → ${o.out}\n${merged.header.tests.passed} passed, ${merged.header.tests.failed} failed\n`);
      code = exitCodeOf(merged);
    });

  cli
    .command('compare')
    .description('two reports → per-claim verdict changes and interval half-width shifts (exit 1 when a property moved)')
    .argument('<before>', 'report.json or run directory')
    .argument('<after>', 'report.json or run directory')
    .option('--json', 'print the comparison as JSON')
    .action((a: string, b: string, o: { json?: boolean }) => {
      const c = compareReports(readReport(a), readReport(b));
      io.out(o.json ? `${JSON.stringify(c, null, 2)}\n` : renderComparison(c));
      code = c.moved.length > 0 ? EXIT.rejected : EXIT.ok;
    });

  cli.hook('preAction', () => {
    code = EXIT.ok;
  });
  return { cli, exitCode: () => code };
}

/** Parses `argv` (node, script, …) and runs; resolves to the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const { cli, exitCode } = program(io);
  try {
    await cli.parseAsync(argv);
    return exitCode();
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      io.err(`theorycheck: ${error.message}\n`);
      return EXIT.usage;
    }
    // Parse errors are printed by commander; --help and --version end with exit code 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    io.err(`theorycheck: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof Error && /^merge: /.test(error.message) ? EXIT.usage : EXIT.engineFault;
  }
}

