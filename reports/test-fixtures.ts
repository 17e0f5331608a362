/** Fixture records for the reports' tests (not a test file itself). */
import type { ConfigResult, PropertyRecord } from './schema';

export const FIXTURE_CLAIM_ID = 'FIX2018.FM1.mean-length';
export const FIXTURE_TWIN_ID = `${FIXTURE_CLAIM_ID}~he-1.8`;

const engine = { backend: 'cpu', versions: { '@tensorflow/tfjs': '4.22.0', node: 'v20.20.2' } };

function config(overrides: Partial<ConfigResult>): ConfigResult {
  return {
    config: { depth: 10, width: 32 },
    seed: 1234,
    n: 100,
    estimate: 1.01,
    interval: { lower: 0.98, upper: 1.04, level: 0.99999 },
    prediction: 1,
    alpha: 1e-5,
    pValue: 0.51,
    minDetectable: { relative: 0.052, power: 0.99 },
    verdict: 'consistent',
    outcomes: { ok: 100, overflow: 0 },
    durationMs: 120,
    ...overrides,
  };
}

/** A passing claim with two configurations (the second is the worse one: farther from 1 relative to its CI). */
export function fixtureClaim(overrides: Partial<PropertyRecord> = {}): PropertyRecord {
  return {
    claimId: FIXTURE_CLAIM_ID,
    title: 'Mean squared length is preserved at He init',
    family: 'FIX2018.FM1',
    paper: { authors: 'Fixture & Example', year: 2018, title: 'A fixture paper', arxiv: '1801.00000', where: 'Thm 5' },
    provenance: 'P',
    statement: 'E[‖x_L‖²] / ‖x_0‖² = 1 at Var(W) = 2/fan_in.',
    kind: 'claim',
    test: { name: 'mean-equals', method: 'Student t interval on per-network ratios', sides: 'two-sided' },
    alpha: 2e-5,
    configs: [
      config({}),
      config({
        config: { depth: 20, width: 8 },
        seed: 5678,
        n: 200,
        estimate: 0.975,
        interval: { lower: 0.95, upper: 1.001, level: 0.99999 },
        pValue: 2.3e-4,
        minDetectable: { relative: 0.081, power: 0.99 },
        notes: ['coverage error of the t interval estimated below 1e-4'],
      }),
    ],
    verdict: 'pass',
    replay: `THEORYCHECK_SEED=20181203 npx jest theorems/fix.test.ts -t 'mean length'`,
    seeds: { master: 20181203, property: 42 },
    engine,
    durationMs: 340,
    ...overrides,
  };
}

/** A reject twin of the fixture claim (passes = rejected the wrong engine). */
export function fixtureTwin(overrides: Partial<PropertyRecord> = {}): PropertyRecord {
  return {
    ...fixtureClaim(),
    claimId: FIXTURE_TWIN_ID,
    title: 'Twin: gain 1.8 instead of 2',
    kind: 'twin',
    twinOf: FIXTURE_CLAIM_ID,
    twinDescription: 'weights drawn with variance 1.8/fan_in',
    alpha: 1e-5,
    configs: [
      config({ estimate: 0.42, interval: { lower: 0.4, upper: 0.44, level: 0.99999 }, pValue: 1e-12, verdict: 'rejected', power: { alternative: 0.43, power: 0.999999 } }),
    ],
    verdict: 'pass',
    replay: `THEORYCHECK_SEED=20181203 THEORYCHECK_MUTANT=he-1.8 npx jest theorems/fix.test.ts -t 'twin he-1.8'`,
    ...overrides,
  };
}

/** A failing claim (one configuration rejected) with a failure message. */
export function fixtureFailingClaim(): PropertyRecord {
  const base = fixtureClaim();
  return {
    ...base,
    claimId: 'FIX2018.FM1.lecun',
    title: 'LeCun init halves the length per layer',
    configs: [
      base.configs[0],
      { ...base.configs[1], estimate: 0.5, interval: { lower: 0.48, upper: 0.52, level: 0.99999 }, pValue: 1e-30, verdict: 'rejected' },
    ],
    verdict: 'fail',
    failure: 'prediction 1 outside the 1 − 1e-5 interval [0.48, 0.52] (config {"depth":20,"width":8})',
    replay: `THEORYCHECK_SEED=20181203 npx jest theorems/fix.test.ts -t 'lecun'`,
  };
}
