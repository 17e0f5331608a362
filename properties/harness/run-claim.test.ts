/**
 * The claim → property glue, exercised on a toy claim with a known answer (no tfjs):
 * "the mean of U(0, k) draws is k/2". A correct prediction passes, a wrong one fails with a message
 * that names the claim, the configuration, n, the CI, the prediction and a replay line, and
 * fast-check shrinks the counterexample to the smallest failing configuration.
 */
import fc from 'fast-check';
import { RandomStream } from '../../engine/random/stream';
import type { Theorem } from '../../theorems/types';
import { equals } from '../../theorems/relation';
import type { Fault } from '../faults/catalog';
import { runClaim, runTwin, type ClaimSpec, type RunContext } from './run-claim';

interface Cfg {
  k: number;
}

// A toy fault: the experiment reads which fault it runs under (real faults substitute engine components).
const doubling: Fault = { name: 'scale-1.5', description: 'draws are scaled by 1.5', components: {} };

function toyTheorem(predict: (c: Cfg) => number): Theorem<Cfg> {
  return {
    id: 'TOY.uniform-mean',
    title: 'the mean of U(0, k) is k/2',
    paper: { authors: 'Nobody', year: 2026, title: 'Toy', where: '§1' },
    provenance: 'D',
    statement: 'E[U(0,k)] = k/2',
    hypotheses: ['k ≥ 1'],
    verification: 'exact',
    unit: { kind: 'continuous', description: 'one U(0, k) draw' },
    domain: (c) => c,
    predict: (c) => equals(predict(c)),
  };
}

function toySpec(theorem: Theorem<Cfg>): ClaimSpec<Cfg> {
  return {
    theorem,
    family: 'toy',
    file: __filename,
    configs: fc.record({ k: fc.integer({ min: 1, max: 20 }) }),
    design: { configs: { gate: 12, full: 12 } },
    twins: [{ name: 'scale-1.5', fault: doubling, config: { k: 4 }, world: (c) => ({ value: 0.75 * c.k, sd: (1.5 * c.k) / Math.sqrt(12), source: 'closed form: 1.5 × k/2; sd of U(0, 1.5k)' }) }],
    async experiment(config, ctx) {
      const units = new Float64Array(2000);
      new RandomStream(ctx.seed).fillUniform(units, config.k / 2);
      const scale = ctx.fault === doubling ? 1.5 : 1;
      return { units: units.map((u) => (u + config.k / 2) * scale) };
    },
  };
}

const ctx: RunContext = {
  masterSeed: 123,
  engine: { backend: 'none', versions: {} },
  alpha: 1e-4,
  numConfigs: 12,
  maxShrinks: 50,
  replayed: {},
};

describe('runClaim', () => {
  it('passes a correct prediction on every generated configuration, with seeds derived per configuration', async () => {
    const record = await runClaim(toySpec(toyTheorem((c) => c.k / 2)), ctx);
    expect(record.verdict).toBe('pass');
    expect(record.configs).toHaveLength(12);
    expect(new Set(record.configs.map((c) => c.seed)).size).toBe(new Set(record.configs.map((c) => c.config.k)).size);
    expect(record.alpha).toBeCloseTo(12e-4, 12);
    expect(record.replay).toBe(`THEORYCHECK_SEED=123 npx jest properties/harness/run-claim.test.ts -t 'TOY.uniform-mean claim'`);
  });

  it('is deterministic: the same master seed gives the same numbers', async () => {
    const a = await runClaim(toySpec(toyTheorem((c) => c.k / 2)), ctx);
    const b = await runClaim(toySpec(toyTheorem((c) => c.k / 2)), ctx);
    expect(b.configs.map((c) => c.estimate)).toEqual(a.configs.map((c) => c.estimate));
  });

  it('fails a wrong prediction, shrinks to the smallest failing configuration and prints a replay line', async () => {
    // Wrong from k = 7 on: the smallest counterexample is k = 7.
    const record = await runClaim(toySpec(toyTheorem((c) => (c.k >= 7 ? 0.6 * c.k : c.k / 2))), ctx);
    expect(record.verdict).toBe('fail');
    const failure = record.failure ?? '';
    expect(failure).toContain('TOY.uniform-mean: prediction REJECTED');
    expect(failure).toContain('config:     {"k":7}');
    expect(failure).toMatch(/n: {10}2000 independent units/);
    expect(failure).toMatch(/CI at level 1 − α′ = 1 − [\d.e-]+: \[/);
    expect(failure).toContain('prediction: 4.2000');
    expect(failure).toMatch(/replay: {5}THEORYCHECK_SEED=123 THEORYCHECK_REPLAY_PATH=[\d:]+ npx jest properties\/harness\/run-claim.test.ts -t 'TOY.uniform-mean claim'/);
  });

  it('replays a counterexample directly from its fast-check path', async () => {
    const spec = toySpec(toyTheorem((c) => (c.k >= 7 ? 0.6 * c.k : c.k / 2)));
    const first = await runClaim(spec, ctx);
    const path = /THEORYCHECK_REPLAY_PATH=([\d:]+)/.exec(first.failure ?? '')?.[1];
    const replayed = await runClaim(spec, { ...ctx, replayPath: path });
    expect(replayed.verdict).toBe('fail');
    expect(replayed.failure).toContain('config:     {"k":7}');
  });
});

describe('independence', () => {
  it('fails a claim whose experiment duplicates its units, naming the independence check', async () => {
    const spec = toySpec(toyTheorem((c) => c.k / 2));
    const duplicated: ClaimSpec<Cfg> = {
      ...spec,
      async experiment(config, c) {
        const { units } = await spec.experiment(config, c);
        return { units: units.map((_, i) => units[i - (i % 2)]) }; // units 2k and 2k+1 equal
      },
    };
    const record = await runClaim(duplicated, { ...ctx, independenceAlpha: 1e-6 });
    expect(record.verdict).toBe('fail');
    expect(record.failure).toContain('independence check failed');
  });

  it('records the check\'s false-failure rate on every configuration of an i.i.d. experiment', async () => {
    const record = await runClaim(toySpec(toyTheorem((c) => c.k / 2)), { ...ctx, independenceAlpha: 1e-6 });
    expect(record.verdict).toBe('pass');
    for (const c of record.configs) expect(c.independence?.rate).toBeLessThanOrEqual(1e-6);
  });
});

describe('runTwin', () => {
  it('passes when the wrong engine is rejected and reports the power against it', async () => {
    const spec = toySpec(toyTheorem((c) => c.k / 2));
    const record = await runTwin(spec, spec.twins[0], ctx);
    expect(record.kind).toBe('twin');
    expect(record.verdict).toBe('pass');
    expect(record.configs[0].power).toMatchObject({ alternative: 3, source: 'closed form: 1.5 × k/2; sd of U(0, 1.5k)' });
    expect(record.configs[0].power!.power).toBeGreaterThan(1 - ctx.alpha);
    expect(record.configs[0].power!.acceptance).toBeGreaterThanOrEqual(1 - ctx.alpha);
    expect(record.configs[0].notes?.join(' ')).toMatch(/design-time power 1\.0000 at n = 2000/);
  });

  it('fails, naming the fault, when the test cannot see the wrong engine', async () => {
    const spec = toySpec(toyTheorem((c) => c.k / 2));
    const harmless: Fault = { name: 'noop', description: 'nothing is wrong', components: {} };
    const record = await runTwin(spec, { ...spec.twins[0], name: 'noop', fault: harmless }, ctx);
    expect(record.verdict).toBe('fail');
    expect(record.failure).toContain('reject twin "noop" was NOT rejected — the test has no power against: nothing is wrong');
  });

  it('refuses an under-powered twin as a design error', async () => {
    const spec = toySpec(toyTheorem((c) => c.k / 2));
    // The power comes from the declared world and the planned n, not from the sample: the same design error on every run.
    await expect(runTwin(spec, { ...spec.twins[0], world: (c) => ({ value: 0.501 * c.k, sd: c.k / Math.sqrt(12), source: 'a world too close to the prediction' }) }, ctx)).rejects.toThrow(/under-powered: design-time power/);
  });
});
