/**
 * End to end, through the real command and jest (the `e2e` jest project: `npm run test:e2e`, run by
 * .ci/run after the gate): a `--profile full` run killed with SIGKILL midway and resumed gives the
 * report of an uninterrupted run; a 2-shard run merged gives the unsharded run's report; `compare`
 * finds no change between a run and itself and names the claims a fault moved. Two cheap claim files
 * keep this under a minute.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRecords } from '../records';
import type { Report } from '../schema';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'reports', 'cli', 'theorycheck-bin.cjs');
const FILES = ['properties/zhou-2022/multiplicity-computed.claim.ts', 'properties/shin-karniadakis-2020/death-first-layer-on-data.claim.ts'];
const PROPERTIES = 6; // the two files' claims and twins in the full profile

// The outer jest's run directory and settings must not leak into the runs under test.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('THEORYCHECK_')));

function cli(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
}

const tmp = (name: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `theorycheck-${name}-`));
const latest = (out: string): string => fs.realpathSync(path.join(out, 'latest'));
const readReport = (dir: string): Report => JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;

/** `o` without the keys `drop`. */
const without = <T extends object>(o: T, ...drop: string[]): Partial<T> => Object.fromEntries(Object.entries(o).filter(([k]) => !drop.includes(k))) as Partial<T>;

/** A report without what differs between two runs of the same thing: run id, clock, durations. */
function comparable(r: Report): unknown {
  return {
    header: without(r.header, 'runId', 'startedAt', 'wallTimeMs'),
    properties: r.properties.map((p) => ({ ...without(p, 'durationMs'), configs: p.configs.map((c) => without(c, 'durationMs')) })),
    reproductions: r.reproductions,
  };
}

let uninterrupted: Report;
let uninterruptedDir: string;

beforeAll(() => {
  const out = tmp('whole');
  const r = cli(['run', '--profile', 'full', '--out', out, ...FILES]);
  expect(r.status).toBe(0);
  uninterruptedDir = latest(out);
  uninterrupted = readReport(uninterruptedDir);
  expect(uninterrupted.properties).toHaveLength(PROPERTIES);
}, 240_000);

test('a --profile full run killed midway (SIGKILL) and resumed gives the uninterrupted run\'s report', async () => {
  const out = tmp('resume');
  const args = ['run', '--profile', 'full', '--out', out, ...FILES];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, detached: true, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Kill the whole process group (command, jest, workers) once the first property is on disk.
  let kept = 0;
  for (let waited = 0; waited < 200_000 && kept === 0; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    const dirs = fs.existsSync(out) ? fs.readdirSync(out).filter((d) => fs.existsSync(path.join(out, d, 'run.json'))) : [];
    kept = dirs.length === 1 ? readRecords(path.join(out, dirs[0])).length : 0;
  }
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
  expect(kept).toBeGreaterThan(0);
  const [dir] = fs.readdirSync(out).filter((d) => fs.existsSync(path.join(out, d, 'run.json')));
  expect(fs.existsSync(path.join(out, dir, 'report.json'))).toBe(false); // it did not finish
  expect(readRecords(path.join(out, dir)).length).toBeLessThan(PROPERTIES);

  const resumed = cli([...args, '--resume']);
  expect(resumed.stderr).toMatch(/resuming .* finished properties kept/);
  expect(resumed.status).toBe(0);
  expect(latest(out)).toBe(path.join(out, dir));
  expect(comparable(readReport(latest(out)))).toEqual(comparable(uninterrupted));
}, 240_000);

test('a 2-shard run merged gives the unsharded run\'s report', () => {
  const shards = [1, 2].map((i) => {
    const out = tmp(`shard${i}`);
    const r = cli(['run', '--profile', 'full', '--shard', `${i}/2`, '--out', out, ...FILES]);
    expect(r.status).toBe(0);
    return latest(out);
  });
  // Balanced by duration, each shard runs one of the two files.
  for (const s of shards) expect(readReport(s).properties.length).toBeLessThan(PROPERTIES);
  const merged = tmp('merged');
  const m = cli(['merge', ...shards, '--out', merged]);
  expect(m.status).toBe(0);
  expect(comparable(readReport(merged))).toEqual(comparable(uninterrupted));
}, 240_000);

test('compare: a run against itself moves nothing; a run under a fault names the claims that moved', () => {
  const same = cli(['compare', uninterruptedDir, uninterruptedDir]);
  expect(same.status).toBe(0);
  expect(same.stdout).toMatch(/no property moved|0 moved/i);
  const out = tmp('fault');
  const faulty = cli(['run', '--profile', 'full', '--fault', 'positive-biases', '--out', out, FILES[1]]);
  expect(faulty.status).toBe(1);
  const moved = cli(['compare', uninterruptedDir, latest(out)]);
  expect(moved.status).toBe(1);
  expect(moved.stdout).toContain('SK2020.Death.first-layer-on-data');
}, 240_000);
