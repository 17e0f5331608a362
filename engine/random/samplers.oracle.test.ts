/**
 * Oracle for the engine's samplers over their whole parameter range: fast-check generates the
 * parameters (std over six orders of magnitude, truncation bounds, sizes, offsets, output types,
 * widths and variance rules, small-init scales, seeds) and every run checks the sample against the
 * exact law, with fixed seeds (deterministic, fast):
 *
 * - shape: the Kolmogorov distance of the standardized sample (x / nominal std) to the law's exact
 *   CDF lies inside the DKW band, P(sup|F_n − F| > ε) ≤ 2e^{−2nε²} (Massart 1990; valid for any
 *   law, discrete ones included), ε = √(ln(2/α)/(2n));
 * - scale: the mean of (x / nominal std)² against the law's exact second moment — Gaussian: the sum
 *   is σ²·χ²_n, Laurent & Massart (2000): P(χ² − n ≥ 2√(nL) + 2L) ≤ e^{−L} and
 *   P(n − χ² ≥ 2√(nL)) ≤ e^{−L}, L = ln(2/α); bounded laws (uniform, truncated normal): Bernstein,
 *   P(|Ȳ − μ| ≥ t) ≤ 2exp(−n t²/(2σ²_Y + 2Mt/3)) with |Y − μ| ≤ M.
 * Components covered: the weight laws (sampleLaw, and the stream's truncated normal at any bound),
 * the bias law and the variance rules through sampleDenseParams, RAI's Beta(2, 1) entry and its
 * Gaussian part, the DDI's first-layer weights, the small-init scale (initStd, exactly, and the
 * sample through sampleSmallInit), and the stream's uniform scalar draws (nextFloat64, nextInt).
 *
 * False-failure budget: this file spends half of the `engine.sampler` share of the suite α
 * (properties/budget.ts; engine/random/samplers.test.ts spends the same share), split equally
 * (Bonferroni) over its ASSERTIONS statistical checks: one per check per generated run.
 */
import normalCdf = require('@stdlib/stats-base-dists-normal-cdf');
import fc from 'fast-check';
import { claimAlpha, DEFAULT_SUITE_ALPHA } from '../../properties/budget';
import { RandomStream } from './stream';
import { sampleLaw, WEIGHT_LAWS, type WeightLaw } from '../init/laws';
import type { InitScheme, VarianceRule } from '../init/initializer';
import { betaTwoOne, RAI_SIGMA, sampleRaiParams } from '../init/rai';
import { sampleDataDependentParams } from '../init/data-dependent';
import { initStd, sampleSmallInit, type InitScale } from '../condensation/small-init';
import { sampleDenseParams } from '../train/params';

const { abs, exp, log, max, min, sqrt } = Math;

// ---------------------------------------------------------------------------------------------
// Budget: runs per property and statistical checks per run.

const RUNS = {
  laws: 24, // shape + scale
  truncation: 16, // shape + scale
  scalars: 16, // nextFloat64 shape + nextInt shape + Beta(2, 1) shape
  dense: 16, // weights shape + weights scale + Gaussian biases shape
  rai: 16, // one entry per neuron: shape
  ddi: 12, // first-layer weights: shape + scale
  smallInit: 12, // shape + scale
} as const;
const ASSERTIONS = 2 * RUNS.laws + 2 * RUNS.truncation + 3 * RUNS.scalars + 3 * RUNS.dense + RUNS.rai + 2 * RUNS.ddi + 2 * RUNS.smallInit;
/** α of every statistical check (≈ 4e-8 at the default suite α 1e-3). */
const ALPHA = claimAlpha('engine.sampler', DEFAULT_SUITE_ALPHA) / 2 / ASSERTIONS;
const L = log(2 / ALPHA);
const fcOptions = (numRuns: number) => ({ seed: 42, numRuns });

// ---------------------------------------------------------------------------------------------
// Exact laws at nominal std 1 and the two checks

const Phi = (x: number): number => normalCdf(x, 0, 1);
const phi = (x: number): number => exp(-0.5 * x * x) / sqrt(2 * Math.PI);

interface Law {
  cdf: (x: number) => number;
  /** E X², E X⁴ (exact); `bound`: |X| ≤ bound (Infinity for the Gaussian). */
  m2: number;
  m4: number;
  bound: number;
}

/** N(0, 1) conditioned on |X| ≤ b: E X^{2k} = (2k − 1) E X^{2k−2} − 2b^{2k−1} φ(b) / (2Φ(b) − 1). */
function truncatedNormal(b: number): Law {
  const z = 2 * Phi(b) - 1;
  const m2 = 1 - (2 * b * phi(b)) / z;
  const m4 = 3 * m2 - (2 * b ** 3 * phi(b)) / z;
  return { cdf: (x) => (x <= -b ? 0 : x >= b ? 1 : (Phi(x) - Phi(-b)) / z), m2, m4, bound: b };
}

const GAUSSIAN: Law = { cdf: Phi, m2: 1, m4: 3, bound: Infinity };
/** U(−√3, √3): variance 1, E X⁴ = 9/5. */
const UNIFORM: Law = { cdf: (x) => min(1, max(0, (x + sqrt(3)) / (2 * sqrt(3)))), m2: 1, m4: 9 / 5, bound: sqrt(3) };
/** The engine's laws at nominal std 1 (init/laws.ts: the truncated normal is cut at ±2 without rescaling). */
const LAWS: Record<WeightLaw, Law> = { gaussian: GAUSSIAN, uniform: UNIFORM, 'truncated-normal': truncatedNormal(2) };

/** DKW half-width at sample size n and the file's α. */
const dkwEpsilon = (n: number): number => sqrt(L / (2 * n));

/**
 * sup_x |F_n(x) − F(x)| of a sample against a CDF F, exactly: F_n and F are monotone, so the sup is
 * reached at a sample value x (|F_n(x) − F(x)|) or just below one (|F_n(x−) − F(x−)|); tied values
 * are one jump of F_n. `leftCdf` is F(x−), which differs from F(x) only for a discrete law.
 */
function kolmogorovDistance(sample: ArrayLike<number>, cdf: (x: number) => number, leftCdf: (x: number) => number = cdf): number {
  const s = Float64Array.from(sample).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && s[j] === s[i]) j++;
    d = max(d, abs(leftCdf(s[i]) - i / n), abs(cdf(s[i]) - j / n));
    i = j;
  }
  return d;
}

function expectShape(sample: ArrayLike<number>, cdf: (x: number) => number, label: string, leftCdf?: (x: number) => number): void {
  const d = kolmogorovDistance(sample, cdf, leftCdf);
  const eps = dkwEpsilon(sample.length);
  if (!(d <= eps)) throw new Error(`${label}: Kolmogorov distance ${d.toFixed(4)} to the exact law exceeds the DKW band ${eps.toFixed(4)} (n = ${sample.length}, α = ${ALPHA.toExponential(1)})`);
}

/** Two-sided bounds for mean((x/s)²) under the law: Laurent–Massart (Gaussian) or Bernstein (bounded). */
function secondMomentBand(law: Law, n: number): [number, number] {
  if (!Number.isFinite(law.bound)) return [1 - 2 * sqrt(L / n), 1 + 2 * sqrt(L / n) + (2 * L) / n];
  const variance = law.m4 - law.m2 ** 2;
  const M = max(law.bound ** 2 - law.m2, law.m2);
  const a = (M * L) / 3;
  const t = (a + sqrt(a * a + 2 * n * variance * L)) / n;
  return [law.m2 - t, law.m2 + t];
}

function expectScale(sample: ArrayLike<number>, law: Law, label: string): void {
  let s = 0;
  for (let i = 0; i < sample.length; i++) s += sample[i] * sample[i];
  const mean = s / sample.length;
  const [lo, hi] = secondMomentBand(law, sample.length);
  if (!(mean >= lo && mean <= hi)) {
    throw new Error(`${label}: mean of (x/s)² = ${mean.toFixed(5)}, exact ${law.m2.toFixed(5)}, outside [${lo.toFixed(5)}, ${hi.toFixed(5)}] (n = ${sample.length}, α = ${ALPHA.toExponential(1)})`);
  }
}

const standardized = (x: ArrayLike<number>, s: number): Float64Array => Float64Array.from(x, (v) => v / s);

// ---------------------------------------------------------------------------------------------
// Arbitraries

const seedArb = fc.integer({ min: 0, max: 0xffffffff });
/** Log-uniform on [lo, hi]. */
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: 1 << 20 }).map((i) => lo * (hi / lo) ** (i / (1 << 20)));

// ---------------------------------------------------------------------------------------------

describe('the band and the moments are right (checks of the checks)', () => {
  it('exact moments: truncated normal at 2 has variance 0.7737413 (samplers.test.ts), → N(0, 1) as b → ∞; E X⁴ by quadrature', () => {
    expect(truncatedNormal(2).m2).toBeCloseTo(0.7737413035499232, 12);
    expect(truncatedNormal(40).m2).toBeCloseTo(1, 12);
    expect(truncatedNormal(40).m4).toBeCloseTo(3, 10);
    for (const b of [0.3, 1, 2.5]) {
      const law = truncatedNormal(b);
      let m4 = 0;
      const k = 20000;
      for (let i = 0; i < k; i++) {
        const x = -b + ((i + 0.5) * 2 * b) / k;
        m4 += (x ** 4 * phi(x) * (2 * b)) / k;
      }
      expect(law.m4).toBeCloseTo(m4 / (2 * Phi(b) - 1), 6);
    }
  });

  it(`the α per check is stated and small (α = ${ALPHA.toExponential(2)} over ${ASSERTIONS} checks); the band rejects a wrong law or a 10% variance error at n = 40000`, () => {
    expect(ALPHA * ASSERTIONS).toBeCloseTo(claimAlpha('engine.sampler', DEFAULT_SUITE_ALPHA) / 2, 15);
    const x = new Float64Array(40_000);
    new RandomStream(1).fillUniform(x, sqrt(3));
    expect(() => expectShape(x, Phi, 'uniform as Gaussian')).toThrow('exceeds the DKW band');
    new RandomStream(2).fillNormal(x, sqrt(0.9));
    expect(() => expectScale(x, GAUSSIAN, 'variance 0.9')).toThrow('outside');
    expect(() => expectShape(x, Phi, 'variance 0.9')).not.toThrow(); // the KS band alone is too wide for 10%
    // Discrete laws: ties are one jump, compared with F(x−) below and F(x) at the value.
    expect(kolmogorovDistance([0, 1, 0, 1], (k) => (k + 1) / 2, (k) => k / 2)).toBe(0);
    expect(kolmogorovDistance([0, 0, 0, 1], (k) => (k + 1) / 2, (k) => k / 2)).toBe(0.25);
    expect(kolmogorovDistance([0.5], (x) => x)).toBe(0.5);
  });
});

describe('weight laws over generated parameters', () => {
  it('sampleLaw: every law, std log-uniform in [1e-4, 1e2], n ∈ [10000, 30000], offset and Float32/Float64 output: exact law and scale; nothing written outside the slice', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WEIGHT_LAWS), logUniform(1e-4, 1e2), fc.integer({ min: 10_000, max: 30_000 }), fc.integer({ min: 0, max: 7 }), fc.boolean(), seedArb, (law, std, n, offset, f32, seed) => {
        const out = f32 ? new Float32Array(n + offset + 3) : new Float64Array(n + offset + 3);
        out.fill(Number.NaN);
        sampleLaw(new RandomStream(seed), law, std, out, offset, n);
        for (const k of [...Array(offset).keys(), n + offset, n + offset + 1, n + offset + 2]) if (!Number.isNaN(out[k])) throw new Error(`${law}: entry ${k} outside the slice was written`);
        const z = standardized(out.subarray(offset, offset + n), std);
        const label = `${law}, std ${std.toExponential(3)}, n ${n}, seed ${seed}`;
        expectShape(z, LAWS[law].cdf, label);
        expectScale(z, LAWS[law], label);
      }),
      fcOptions(RUNS.laws),
    );
  });

  it('fillTruncatedNormal: truncation bound ∈ [0.25, 5], std log-uniform in [1e-4, 1e2]: N(0, s²) conditioned on |x| ≤ b·s, never beyond', () => {
    fc.assert(
      fc.property(logUniform(0.25, 5), logUniform(1e-4, 1e2), fc.integer({ min: 8000, max: 20_000 }), seedArb, (b, std, n, seed) => {
        const out = new Float64Array(n);
        new RandomStream(seed).fillTruncatedNormal(out, std, b);
        const z = standardized(out, std);
        if (z.some((v) => abs(v) > b * (1 + 1e-12))) throw new Error(`bound ${b}: a draw beyond ±b·std`);
        const label = `truncated at ${b.toFixed(3)}, std ${std.toExponential(3)}, n ${n}, seed ${seed}`;
        expectShape(z, truncatedNormal(b).cdf, label);
        expectScale(z, truncatedNormal(b), label);
      }),
      fcOptions(RUNS.truncation),
    );
  });
});

describe('scalar draws', () => {
  it('nextFloat64 ~ U[0, 1), nextInt(m) ~ uniform on {0 … m−1} for m ∈ [2, 5000], RAI’s Beta(2, 1) entry (F(x) = x²)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5000 }), fc.integer({ min: 4000, max: 12_000 }), seedArb, (m, n, seed) => {
        const s = new RandomStream(seed);
        const u = Float64Array.from({ length: n }, () => s.nextFloat64());
        if (u.some((v) => !(v >= 0 && v < 1))) throw new Error('nextFloat64 outside [0, 1)');
        expectShape(u, (x) => min(1, max(0, x)), `nextFloat64, n ${n}, seed ${seed}`);
        const k = Float64Array.from({ length: n }, () => s.nextInt(m));
        if (k.some((v) => !(Number.isInteger(v) && v >= 0 && v < m))) throw new Error(`nextInt(${m}) outside {0 … ${m - 1}}`);
        // On the integers: F(k) = (k + 1)/m, F(k−) = k/m.
        expectShape(k, (x) => (x + 1) / m, `nextInt(${m}), n ${n}, seed ${seed}`, (x) => x / m);
        const beta = Float64Array.from({ length: n }, () => betaTwoOne(s));
        expectShape(beta, (x) => min(1, max(0, x)) ** 2, `Beta(2, 1), n ${n}, seed ${seed}`);
      }),
      fcOptions(RUNS.scalars),
    );
  });
});

describe('initializers over generated architectures and rules', () => {
  /** The variance rules written out independently of init/initializer.ts' table. */
  const nominal = (rule: VarianceRule, fanIn: number, fanOut: number): number =>
    'scale' in rule ? rule.scale / fanIn : rule.preset === 'he' ? 2 / fanIn : rule.preset === 'lecun' ? 1 / fanIn : 2 / (fanIn + fanOut);
  const ruleArb: fc.Arbitrary<VarianceRule> = fc.oneof(
    fc.constantFrom<VarianceRule>({ preset: 'he' }, { preset: 'lecun' }, { preset: 'glorot' }),
    logUniform(1e-2, 1e2).map((scale): VarianceRule => ({ scale })),
  );

  it('sampleDenseParams: every law and variance rule over widths in [40, 100]: each layer’s weights / √(rule(fan-in, fan-out)) follow the law; Gaussian biases / s_b are N(0, 1), zero biases are 0', () => {
    const widthsArb = fc.tuple(fc.integer({ min: 40, max: 100 }), fc.integer({ min: 40, max: 100 }), fc.integer({ min: 40, max: 100 }), fc.integer({ min: 1, max: 4 }));
    const biasArb = fc.option(logUniform(1e-3, 1), { nil: undefined });
    fc.assert(
      fc.property(fc.constantFrom(...WEIGHT_LAWS), ruleArb, widthsArb, biasArb, seedArb, (law, variance, widths, biasStd, seed) => {
        const init: InitScheme = { law, variance, bias: biasStd === undefined ? { law: 'zero' } : { law: 'gaussian', std: biasStd } };
        const p = sampleDenseParams({ widths, init, activation: { kind: 'relu' } }, new RandomStream(seed));
        const w = p.layers.flatMap((l) => Array.from(l.weights, (v) => v / sqrt(nominal(variance, l.fanIn, l.fanOut))));
        const label = `${law}, ${JSON.stringify(variance)}, widths [${widths}], seed ${seed}`;
        expectShape(w, LAWS[law].cdf, `${label}: weights`);
        expectScale(w, LAWS[law], `${label}: weights`);
        const b = p.layers.flatMap((l) => Array.from(l.biases));
        if (biasStd === undefined) {
          if (b.some((v) => v !== 0)) throw new Error(`${label}: zero bias law, non-zero bias`);
        } else expectShape(standardized(b, biasStd), Phi, `${label}: biases of std ${biasStd}`);
      }),
      fcOptions(RUNS.dense),
    );
  });

  it('RAI’s documented σ', () => expect(RAI_SIGMA).toBe(0.6007));

  it('sampleRaiParams: for 2000–5000 neurons of fan-in 1–6, entry k of (W_j, b_j) follows (n/(n+1))·N(0, σ²/n) + (1/(n+1))·Beta(2, 1), σ = 0.6007', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2000, max: 5000 }), fc.nat(), seedArb, (fanIn, neurons, position, seed) => {
        const p = sampleRaiParams([fanIn, neurons], new RandomStream(seed));
        const k = position % (fanIn + 1);
        const { weights, biases } = p.layers[0];
        const entry = Float64Array.from({ length: neurons }, (_, j) => (k < fanIn ? weights[j * fanIn + k] : biases[j]));
        const s = 0.6007 / sqrt(fanIn);
        const wBeta = 1 / (fanIn + 1);
        const cdf = (x: number): number => (1 - wBeta) * Phi(x / s) + wBeta * min(1, max(0, x)) ** 2;
        expectShape(entry, cdf, `RAI fan-in ${fanIn}, entry ${k}, ${neurons} neurons, seed ${seed}`);
      }),
      fcOptions(RUNS.rai),
    );
  });

  it('sampleDataDependentParams: the anchored first layer’s weights are N(0, 2/n_0) (He), whatever the data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 3000, max: 6000 }), fc.integer({ min: 1, max: 20 }), seedArb, (n0, width, points, seed) => {
        const s = new RandomStream(seed);
        const inputs = new Float64Array(points * n0);
        s.fillNormal(inputs, 3);
        const p = sampleDataDependentParams({ widths: [n0, width, 1], init: { law: 'gaussian', variance: { preset: 'he' }, bias: { law: 'zero' } }, activation: { kind: 'relu' } }, inputs, s);
        const z = standardized(p.layers[0].weights, sqrt(2 / n0));
        const label = `DDI n_0 ${n0}, width ${width}, ${points} points, seed ${seed}`;
        expectShape(z, Phi, label);
        expectScale(z, GAUSSIAN, label);
      }),
      fcOptions(RUNS.ddi),
    );
  });

  const scaleArb: fc.Arbitrary<InitScale> = fc.oneof(
    logUniform(0.05, 8).map((gamma): InitScale => ({ kind: 'variance-power', gamma })),
    logUniform(0.05, 8).map((gamma): InitScale => ({ kind: 'std-power', gamma })),
    logUniform(1e-8, 1).map((variance): InitScale => ({ kind: 'variance', variance })),
    logUniform(1e-6, 1).map((std): InitScale => ({ kind: 'std', std })),
  );
  /** The small-init table of condensation/small-init.ts, written out independently. */
  const std = (scale: InitScale, m: number): number =>
    scale.kind === 'variance-power' ? sqrt(m ** -scale.gamma) : scale.kind === 'std-power' ? m ** -scale.gamma : scale.kind === 'variance' ? sqrt(scale.variance) : scale.std;

  it('initStd: every small-init scale and hidden width m ∈ [1, 10⁵] gives the tabulated standard deviation', () => {
    fc.assert(
      fc.property(scaleArb, fc.integer({ min: 1, max: 100_000 }), (scale, m) => {
        const expected = std(scale, m);
        expect(abs(initStd(scale, m) - expected)).toBeLessThanOrEqual(1e-14 * expected);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('sampleSmallInit: every weight and bias of [n_0, m, 1] is N(0, s²) with s = the tabulated std, m ∈ [1000, 4000]', () => {
    fc.assert(
      fc.property(scaleArb, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1000, max: 4000 }), seedArb, (scale, n0, m, seed) => {
        const p = sampleSmallInit([n0, m, 1], scale, new RandomStream(seed));
        const s = std(scale, m);
        const z = standardized(p.layers.flatMap((l) => [...l.weights, ...l.biases]), s);
        const label = `${JSON.stringify(scale)}, [${n0}, ${m}, 1], s = ${s.toExponential(3)}, seed ${seed}`;
        expectShape(z, Phi, label);
        expectScale(z, GAUSSIAN, label);
      }),
      fcOptions(RUNS.smallInit),
    );
  });
});
