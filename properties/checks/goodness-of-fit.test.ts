import { RandomStream } from '../../engine/random/stream';
import { expectRelClose } from '../stats/testing';
import {
  binomialCountsCheck,
  binomialGoodnessOfFit,
  binomialLaw,
  distributionCheck,
  E_MIN,
  exactRejectionProbability,
  gStatistic,
  importanceRejectionProbability,
  noncentralChiSquareTail,
  poolBins,
  williamsQ,
  type CountLaw,
} from './goodness-of-fit';
import { proportionEqualsPrediction } from './proportion';

const table = (probs: number[]): CountLaw => ({ name: 'table', support: [0, probs.length - 1], pmf: (k) => probs[k] });
const probs5 = [0.1, 0.2, 0.35, 0.25, 0.1];
const mean5 = probs5.reduce((s, p, k) => s + k * p, 0);
const fromCounts = (counts: number[]): Float64Array => Float64Array.from(counts.flatMap((c, k) => Array<number>(c).fill(k)));

function drawBinomial(stream: RandomStream, n: number, N: number, p: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let j = 0; j < N; j++) if (stream.nextFloat64() < p) c++;
    out[i] = c;
  }
  return out;
}

describe('G statistic with Williams correction (oracle: R)', () => {
  it('matches 2ΣO log(O/E)/q and its χ² tail', () => {
    const bins = poolBins(Float64Array.from(probs5), 0, 100);
    expect(bins.length).toBe(5);
    expectRelClose(williamsQ(bins, 100), 1.012857142857143, 1e-13);
    expectRelClose(gStatistic([7, 20, 35, 25, 13], bins, 100), 1.804816872649872, 1e-12);
    const out = distributionCheck({ name: 'table', law: () => table(probs5) }).evaluate(fromCounts([3, 15, 50, 20, 12]), mean5, 1e-5);
    // R: G/q = 15.0694210061996, pchisq(G/q, 4, lower = FALSE) = 4.55937800933099e-3; reported ×2.
    expectRelClose(out.pValue!, 2 * 4.55937800933099e-3, 1e-9);
    expect(out.verdict).toBe('consistent');
    expect(out.estimate).toBeCloseTo((15 + 100 + 60 + 48) / 100, 12);
  });

  it('noncentral χ² tail (R pchisq(x, df, ncp, lower = FALSE))', () => {
    expectRelClose(noncentralChiSquareTail(12.5, 4, 7.3), 0.36605282141387, 1e-9);
    expectRelClose(noncentralChiSquareTail(30, 6, 40), 0.898649095221613, 1e-9);
  });
});

describe('pooling', () => {
  it('pools tails and interior values until every expected count is ≥ E_MIN', () => {
    const law = binomialLaw(8, 0.5);
    const probs = Float64Array.from({ length: 9 }, (_, k) => law.pmf(k));
    const bins = poolBins(probs, 0, 100);
    expect(bins.map((b) => [b.from, b.to])).toEqual([[0, 2], [3, 3], [4, 4], [5, 5], [6, 8]]);
    for (const b of bins) expect(100 * b.prob).toBeGreaterThanOrEqual(E_MIN);
    expect(bins.reduce((s, b) => s + b.prob, 0)).toBeCloseTo(1, 14);
  });
});

describe('calibration', () => {
  it('exact false-failure rates (multinomial enumeration) at α = 1e-5 and 1e-6 are ≤ α; uncorrected they are not', () => {
    // Cases from the enumeration scan in the module comment (the worst ones for few, small bins).
    expect(exactRejectionProbability(binomialLaw(12, 0.5), 50, 1e-5).rate).toBeLessThanOrEqual(1e-5);
    expect(exactRejectionProbability(binomialLaw(6, 0.3), 50, 1e-6).rate).toBeLessThanOrEqual(1e-6);
    expect(exactRejectionProbability(binomialLaw(3, 0.3), 50, 1e-5).rate).toBeLessThanOrEqual(1e-5);
    // Without the factor 2: 1.81·α (Binomial(2, ½), n = 50, α = 1e-6).
    const raw = exactRejectionProbability(binomialLaw(2, 0.5), 50, 1e-6, undefined, 1);
    expect(raw.rate / 1e-6).toBeGreaterThan(1.5);
    expect(exactRejectionProbability(binomialLaw(2, 0.5), 50, 1e-6).rate).toBeLessThanOrEqual(1e-6);
  });

  // Beyond enumeration the rate is an importance-sampling bound (Dirichlet–multinomial proposal on the
  // bin counts, fixed seed: deterministic). Offline (scratch script /tmp/h7/gof.ts of helper H7, run as
  // `REPS=2000 npx tsx gof.ts`; ratio to α ± relative se): Binomial(4, ½) n = 100 0.49α ± 9% (exact
  // 0.51α); Binomial(6, ½) n = 100 0.63α ± 8%; Binomial(3, ½) n = 2000 0.55α ± 8%; Binomial(4, ½)
  // n = 2000 0.43α ± 8%; Binomial(12, ½) n = 2000 0.48α ± 7%, n = 16000 0.52α ± 7%; at α = 1e-6
  // Binomial(4, ½) n = 16000 0.48α ± 9%, Binomial(8, ½) n = 8000 0.44α ± 8%.
  it('importance sampling agrees with the exact rate where both reach', () => {
    const exact = exactRejectionProbability(binomialLaw(4, 0.5), 100, 1e-5).rate;
    const is = importanceRejectionProbability(binomialLaw(4, 0.5), 100, 1e-5);
    expect(is.relativeSE).toBeLessThan(0.12);
    expect(Math.abs(is.estimate / exact - 1)).toBeLessThan(3 * is.relativeSE);
  });

  it.each([
    [12, 16000, 1e-5],
    [3, 2000, 1e-5],
    [4, 16000, 1e-6],
    [8, 8000, 1e-6],
  ])('Binomial(%d, ½) counts at n = %d (beyond enumeration), α = %s: importance sampling, estimate + 2 se ≤ α', (N, n, alpha) => {
    const check = binomialCountsCheck(0.5);
    const law = binomialLaw(N, 0.5);
    // A sample at the law's expected counts (the recorded rate depends only on the law, n and α).
    const counts = Array.from({ length: N + 1 }, (_, k) => Math.round(n * law.pmf(k)));
    counts[Math.floor(N / 2)] += n - counts.reduce((a, b) => a + b, 0);
    const units = fromCounts(counts);
    expect(units.length).toBe(n);
    const out = check.evaluate(units, N / 2, alpha);
    expect(out.falseFailure!.method).toBe('importance-sampling');
    expect(out.falseFailure!.rate).toBeLessThanOrEqual(alpha);
    expect(out.falseFailure!.rate).toBeGreaterThan(0.2 * alpha);
  });

  it('simulation at α = 0.01: null rejection rate ≤ α; power near the noncentral-χ² one', () => {
    const check = binomialCountsCheck(0.5);
    const stream = new RandomStream(424242);
    const trials = 800;
    let falseFailures = 0;
    let hits = 0;
    for (let t = 0; t < trials; t++) {
      if (check.evaluate(drawBinomial(stream, 300, 16, 0.5), 8, 0.01).verdict === 'rejected') falseFailures++;
      if (check.evaluate(drawBinomial(stream, 300, 16, 0.56), 8, 0.01).verdict === 'rejected') hits++;
    }
    expect(falseFailures / trials).toBeLessThanOrEqual(0.01 + 5 * Math.sqrt((0.01 * 0.99) / trials));
    const stated = check.designPower({ n: [300], trials: 16 }, 8, { value: 16 * 0.56, source: 'test' }, 0.01);
    expect(stated).toBeGreaterThan(0.5);
    // The noncentral-χ² power is an approximation: agreement within 0.1 is what is asserted.
    expect(Math.abs(hits / trials - stated)).toBeLessThan(0.1);
  });
});

describe('binomialCountsCheck', () => {
  const check = binomialGoodnessOfFit(0.5);

  it('reports the mean with a t interval, per-bin notes and the smallest detectable shift of the mean', () => {
    const stream = new RandomStream(5);
    const units = drawBinomial(stream, 2000, 8, 0.5);
    const out = check.evaluate(units, 4, 1e-5);
    expect(out.verdict).toBe('consistent');
    expect(out.interval.lower).toBeLessThan(4);
    expect(out.interval.upper).toBeGreaterThan(4);
    expect(out.notes?.[1]).toMatch(/^observed\/expected per bin: \[0–1\]/);
    const r = out.minDetectable!.relative;
    expect(r).toBeGreaterThan(0);
    expect(r).toBeLessThan(0.1);
    expect(check.designPower({ n: [2000], trials: 8 }, 4, { value: 4 * (1 + r), source: 'test' }, 1e-5)).toBeGreaterThanOrEqual(0.99 - 1e-6);
    // A law of the same mean but the wrong spread (all counts 3 or 5) is rejected.
    const wrong = Float64Array.from({ length: 2000 }, (_, i) => (i % 2 ? 3 : 5));
    expect(check.evaluate(wrong, 4, 1e-5).verdict).toBe('rejected');
  });

  it('uses the exact binomial test when only two bins remain', () => {
    const bern = binomialCountsCheck(0.3);
    const units = Float64Array.from({ length: 100 }, (_, i) => (i < 45 ? 1 : 0));
    const out = bern.evaluate(units, 0.3, 1e-3);
    expect(out.notes?.[0]).toMatch(/2 bins.*exact binomial/);
    // Bins {0}, {1}: the test of the count of zeros, i.e. the same central p-value as the proportion check.
    expectRelClose(out.pValue!, proportionEqualsPrediction.evaluate(units, 0.3, 1e-3).pValue!, 1e-10);
  });

  it('rejects a count outside the support with p-value 0', () => {
    const units = Float64Array.from({ length: 100 }, (_, i) => (i === 0 ? 9 : i % 9));
    const out = check.evaluate(units, 4, 1e-5);
    expect(out.verdict).toBe('rejected');
    expect(out.pValue).toBe(0);
  });

  it('rejects bad input, naming the parameter', () => {
    expect(() => check.evaluate(Float64Array.of(1, 2.5, 3), 4, 1e-3)).toThrow(/units must be integer counts; units\[1\] = 2.5/);
    expect(() => check.evaluate(Float64Array.of(1, 2, 3), 4.3, 1e-3)).toThrow(/prediction must be N·p for an integer N/);
    expect(() => binomialCountsCheck(0)).toThrow(/p must be in \(0, 1\]/);
    expect(() => distributionCheck({ name: 'bad', law: () => table([0.5, 0.4]) }).evaluate(Float64Array.of(0, 1), 0.4, 1e-3)).toThrow(/must sum to 1/);
    expect(() => distributionCheck({ name: 't', law: () => table(probs5) }).evaluate(Float64Array.of(0, 1), 3, 1e-3)).toThrow(/prediction must be the mean/);
    expect(() => check.evaluate(Float64Array.of(1), 0.5, 1e-3)).toThrow(/at least 2 counts/);
  });
});

describe('recorded rates, design power and acceptance', () => {
  it('records the exact false-failure rate when the bins can be enumerated, and an importance-sampling bound otherwise', () => {
    const check = binomialCountsCheck(0.5);
    const out = check.evaluate(fromCounts([12, 26, 12]), 1, 1e-5);
    expect(out.falseFailure!.method).toBe('exact');
    expect(out.falseFailure!.rate).toBe(exactRejectionProbability(binomialLaw(2, 0.5), 50, 1e-5).rate);
    expect(out.falseFailure!.rate).toBeLessThanOrEqual(1e-5);
    const large = check.evaluate(fromCounts([62, 250, 376, 250, 62]), 2, 1e-5);
    expect(large.falseFailure!.method).toBe('importance-sampling');
    const is = importanceRejectionProbability(binomialLaw(4, 0.5), 1000, 1e-5);
    expect(large.falseFailure!.rate).toBe(is.estimate * (1 + 2 * is.relativeSE));
    expect(large.falseFailure!.rate).toBeLessThanOrEqual(1e-5);
    expect(large.calibrationWarning).toBeUndefined();
  });

  it('design power is the exact rejection probability under the world law; acceptance is 1 − the false-failure rate', () => {
    const check = binomialCountsCheck(0.5);
    const plan = { n: [50], trials: 2 };
    const power = check.designPower(plan, 1, { value: 1.6, source: 'test' }, 1e-5);
    expectRelClose(power, exactRejectionProbability(binomialLaw(2, 0.5), 50, 1e-5, binomialLaw(2, 0.8)).rate, 1e-12);
    expect(power).toBeGreaterThan(0.9);
    expect(check.acceptance(plan, { value: 1, source: 'test' }, 1e-5)).toBeGreaterThanOrEqual(1 - 1e-5);
  });
});
