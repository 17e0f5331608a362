import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildReport } from '../build';
import { pointLatest } from '../reporter';
import { writeJsonReport } from '../json-writer';
import type { PropertyRecord, Report } from '../schema';
import { fixtureClaim, fixtureFailingClaim, fixtureTwin } from '../test-fixtures';
import { EXIT, main, runInvocation, type Io } from './theorycheck';

function report(records: PropertyRecord[], failed = 0, crashed = false): Report {
  const r = buildReport({
    runId: 'run',
    startedAt: new Date(Date.UTC(2025, 0, 1)),
    wallTimeMs: 10,
    masterSeed: 7,
    freshSeed: false,
    profile: 'gate',
    gitCommit: 'abc',
    alphaTotal: 1e-3,
    records,
    jest: { numPassedTests: records.length - failed, numFailedTests: failed, numPendingTests: 0 },
    rootDir: '/repo',
  });
  if (crashed) r.header.tests.crashedFiles = [{ file: 'properties/x.claim.ts', message: 'boom' }];
  return r;
}

function io(jest: Io['jest'] = () => 0, script: Io['script'] = () => 0): Io & { text: () => string; errors: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), jest, script, text: () => out, errors: () => err };
}

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'theorycheck-cli-'));
const argv = (...args: string[]): string[] => ['node', 'theorycheck', ...args];

describe('theorycheck audit', () => {
  test('runs properties/audit/run.ts with the options passed through (paths made absolute), then writes audit.md and audit.html from its audit.json; a usage error there is exit 2', async () => {
    const out = tmp();
    const calls: [string, string[]][] = [];
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'audit-fixture.json'), 'utf8')) as unknown;
    const ok = io(undefined, (file, args) => {
      calls.push([file, args]);
      fs.writeFileSync(path.join(out, 'audit.json'), JSON.stringify(fixture));
      return 0;
    });
    expect(await main(argv('audit', '--initializer', 'heNormal', 'glorotUniform', '--model', 'm.ts', '--width', '32', '--out', out), ok)).toBe(EXIT.ok);
    expect(calls).toEqual([['properties/audit/run.ts', ['--initializer', 'heNormal', '--initializer', 'glorotUniform', '--model', path.resolve('m.ts'), '--width', '32', '--out', out]]]);
    expect(ok.text()).toContain('| component | declared |');
    expect(fs.existsSync(path.join(out, 'audit.html'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'audit.md'))).toBe(true);
    expect(await main(argv('audit', '--initializer', 'nope', '--out', out), io(undefined, () => 2))).toBe(EXIT.usage);
  });
});

describe('theorycheck run', () => {
  test('maps its options onto jest arguments and THEORYCHECK_* variables', async () => {
    const one = runInvocation({ profile: 'full', claim: 'HR2018.FM1.mean-length', seed: 5, fault: 'he-variance-1.8', out: '/tmp/o', shard: '1/2' });
    expect(one.args).toEqual(['properties/hanin-rolnick-2018/', '--selectProjects', 'claims', '-t', '^HR2018\\.FM1\\.mean-length( |~)', '--shard=1/2']);
    expect(one.env).toEqual({ THEORYCHECK_PROFILE: 'full', THEORYCHECK_SEED: '5', THEORYCHECK_MUTANT: 'he-variance-1.8', THEORYCHECK_OUT_DIR: '/tmp/o' });
    expect(runInvocation({ profile: 'gate', paper: 'zhou-2022', freshSeed: true, backend: 'cpu' })).toEqual({
      args: ['properties/zhou-2022/', '--selectProjects', 'claims'],
      env: expect.objectContaining({ THEORYCHECK_PROFILE: 'gate', THEORYCHECK_FRESH_SEED: '1', THEORYCHECK_BACKEND: 'cpu' }),
    });
    expect(runInvocation({ profile: 'gate' }).args).toEqual([]);
  });

  test('exit code from the run\'s report: 0 consistent, 1 rejected, 3 crashed or no report', async () => {
    for (const [r, expected] of [
      [report([fixtureClaim(), fixtureTwin()]), EXIT.ok],
      [report([fixtureFailingClaim()], 1), EXIT.rejected],
      [report([fixtureClaim()], 0, true), EXIT.engineFault],
    ] as const) {
      const out = tmp();
      const fake = io((_args, env) => {
        const dir = path.join(env.THEORYCHECK_OUT_DIR, 'run');
        fs.mkdirSync(dir, { recursive: true });
        writeJsonReport(r, dir);
        pointLatest(env.THEORYCHECK_OUT_DIR, dir);
        return 1;
      });
      expect(await main(argv('run', '--out', out), fake)).toBe(expected);
    }
    const empty = io(() => 1);
    expect(await main(argv('run', '--out', tmp()), empty)).toBe(EXIT.engineFault);
    expect(empty.errors()).toMatch(/jest exited with 1 and wrote no report/);
  });

  test('usage errors exit 2 and name the option', async () => {
    const bad = io();
    expect(await main(argv('run', '--claim', 'XY2020.foo'), bad)).toBe(EXIT.usage);
    expect(bad.errors()).toMatch(/--claim must start with one of HR2018, HR2019, SK2020, LSSK2020, ZZLZX2022/);
    expect(await main(argv('run', '--shard', '3/2'), io())).toBe(EXIT.usage);
    expect(await main(argv('run', '--seed', '-1'), io())).toBe(EXIT.usage);
    expect(await main(argv('run', '--paper', 'zhou-2022', '--claim', 'HR2018.FM1.mean-length'), io())).toBe(EXIT.usage);
    expect(await main(argv('frobnicate'), io())).toBe(EXIT.usage);
    expect(await main(argv('--help'), io())).toBe(EXIT.ok);
  });
});

describe('theorycheck compare, merge, list, report', () => {
  const write = (r: Report): string => {
    const dir = tmp();
    writeJsonReport(r, dir);
    return dir;
  };

  test('compare: a run against itself exits 0; against a run where a claim failed, exits 1 naming it', async () => {
    const a = write(report([fixtureClaim(), fixtureTwin()]));
    const same = io();
    expect(await main(argv('compare', a, a), same)).toBe(EXIT.ok);
    expect(same.text()).toContain('No property moved.');
    const base = fixtureClaim();
    const b = write(report([{ ...base, verdict: 'fail', configs: [base.configs[0], { ...base.configs[1], estimate: 0.5, verdict: 'rejected' }] }, fixtureTwin()], 1));
    const moved = io();
    expect(await main(argv('compare', a, b), moved)).toBe(EXIT.rejected);
    expect(moved.text()).toContain('1 property moved:');
    expect(await main(argv('compare', a, '/nonexistent'), io())).toBe(EXIT.usage);
  });

  test('merge: shard runs → one report with summed counts; list and report read it', async () => {
    const s1 = write(report([fixtureClaim(), fixtureTwin()]));
    const s2 = write(report([fixtureFailingClaim()], 1));
    const out = tmp();
    const m = io();
    expect(await main(argv('merge', s1, s2, '--out', out), m)).toBe(EXIT.rejected);
    expect(m.text()).toContain('merged 2 shard(s), 3 properties');
    const merged = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
    expect(merged.properties.map((p) => p.claimId)).toEqual(['FIX2018.FM1.lecun', 'FIX2018.FM1.mean-length', 'FIX2018.FM1.mean-length~he-1.8']);
    expect(fs.existsSync(path.join(out, 'report.md'))).toBe(true);
    const l = io();
    expect(await main(argv('list', out), l)).toBe(EXIT.ok);
    expect(l.text()).toMatch(/FIX2018\.FM1\.lecun {2}fail {2}0\.3 s/);
    const md = io();
    expect(await main(argv('list', out, '--markdown'), md)).toBe(EXIT.ok);
    expect(md.text()).toMatch(/\| `FIX2018\.FM1\.mean-length` \| .* \| `he-1\.8` \| \d+\.\d s \|/);
    fs.rmSync(path.join(out, 'report.md'));
    expect(await main(argv('report', out), io())).toBe(EXIT.ok);
    expect(fs.existsSync(path.join(out, 'report.md'))).toBe(true);
  });
});
