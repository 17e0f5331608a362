/**
 * Oracle for the training activations (train/activations.ts) over their whole input range.
 *
 * For every kind the engine supports, fast-check generates inputs over [−20, 20] — uniform, spread
 * over all magnitudes down to float32 subnormals and exact zeros, and at the points where a kernel
 * changes regime (tanh saturating in float32 near ±9, tfjs' softplus threshold ±13.94, sigmoid
 * rounding to 1 near 17.3) — and the leaky ReLU's slope in [0, 1). On every backend available here
 * (contracts.ts' forEachBackend), the tfjs forward value and the tf.grad derivative are compared
 * with float64 definitions written here (the table in activations.ts), and the float64 derivative
 * with a central finite difference of the float64 definition.
 *
 * Tolerances, for an input x already in float32 (u = 2^-24, the float32 unit roundoff):
 * - value: |σ_tfjs(x) − σ(x)| ≤ R_v·u·|σ(x)| + 2^-126. R_v = 0 for relu and linear (exact), 2 for
 *   the leaky ReLU (slope rounded to float32, one product), 16 for the smooth kinds (fastTanh is
 *   within ~3 ulps, the tfjs sigmoid/softplus kernels within ~8: a factor-2 margin). 2^-126 (the
 *   smallest normal float32) admits a result that underflows or is flushed to zero.
 * - derivative: |σ'_tfjs(x) − σ'(x)| ≤ R_d·u·|σ'(x)| + e(x)·u + 2^-126, with e(x) the absolute error
 *   of the float32 formula: 1 − tanh² x (and s·(1 − s) for the sigmoid) loses its relative accuracy
 *   where it is small, an absolute ~10u (e = 16); x·tanh and x²·tanh multiply it by |x| and x²
 *   (e = 16(1 + |x|), 16(1 + |x|)²); softplus' derivative is a sigmoid kernel (relative, e = 0).
 * - finite difference: h = 1e-5·max(1, |x|); truncation h²·|σ'''|/6 and rounding ε64·|σ|/h are both
 *   < 1e-9 on [−20, 20], checked at 1e-7·(1 + |σ'(x)|). Not at a kink: for relu and the leaky ReLU
 *   the points with |x| ≤ 2h are excluded, and x = 0 itself is checked against the documented
 *   convention instead (tfjs uses the left slope: 0 for relu, the slope for the leaky ReLU).
 *
 * Known defect (reported, not fixed here): on the cpu backend, tanh, x·tanh x and x²·tanh x lose
 * their relative accuracy for |x| below ~1e-11 (tanh(1e-12) is 2.2e-5 off, tanh(1e-17) = 0): tfjs'
 * cpu Elu kernel computes e^x − 1 instead of expm1, which fastTanh relies on. The cpu runs below
 * therefore start at |x| ≥ 1e-10, and a `failing` test pins the defect (it turns red when fixed).
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { initEngine } from '../backend';
import { forEachBackend, KNOWN_BACKENDS } from '../testing/contracts';
import { activation64, activationDerivative64, applyTrainActivation, TRAIN_ACTIVATION_KINDS, type TrainActivation, type TrainActivationKind } from './activations';

const U = 2 ** -24;
const FLT_MIN = 2 ** -126;
const { abs, exp, log1p, max, tanh } = Math;

beforeAll(async () => {
  await initEngine();
});

interface Oracle {
  f: (x: number) => number;
  d1: (x: number) => number;
  /** R_v, R_d and e(x) of the file header. */
  valueUlps: number;
  derivativeUlps: number;
  derivativeError: (x: number) => number;
  /** Piecewise linear with a kink at 0. */
  kink: boolean;
}

const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)));
const none = (): number => 0;

/** The float64 definitions (activations.ts' table), independent of the engine's float64 versions. */
function oracle(a: TrainActivation): Oracle {
  switch (a.kind) {
    case 'relu':
      return { f: (x) => (x > 0 ? x : 0), d1: (x) => (x > 0 ? 1 : 0), valueUlps: 0, derivativeUlps: 0, derivativeError: none, kink: true };
    case 'leaky-relu': {
      const s = a.slope;
      return { f: (x) => (x > 0 ? x : s * x), d1: (x) => (x > 0 ? 1 : s), valueUlps: 2, derivativeUlps: 2, derivativeError: none, kink: true };
    }
    case 'linear':
      return { f: (x) => x, d1: () => 1, valueUlps: 0, derivativeUlps: 0, derivativeError: none, kink: false };
    case 'tanh':
      return { f: tanh, d1: (x) => 1 - tanh(x) ** 2, valueUlps: 16, derivativeUlps: 16, derivativeError: () => 16, kink: false };
    case 'sigmoid':
      return { f: sigmoid, d1: (x) => sigmoid(x) * (1 - sigmoid(x)), valueUlps: 16, derivativeUlps: 16, derivativeError: () => 16, kink: false };
    case 'softplus':
      return { f: (x) => max(x, 0) + log1p(exp(-abs(x))), d1: sigmoid, valueUlps: 16, derivativeUlps: 16, derivativeError: none, kink: false };
    case 'xtanh':
      return { f: (x) => x * tanh(x), d1: (x) => tanh(x) + x * (1 - tanh(x) ** 2), valueUlps: 16, derivativeUlps: 16, derivativeError: (x) => 16 * (1 + abs(x)), kink: false };
    case 'x2tanh':
      return {
        f: (x) => x * x * tanh(x),
        d1: (x) => 2 * x * tanh(x) + x * x * (1 - tanh(x) ** 2),
        valueUlps: 16,
        derivativeUlps: 16,
        derivativeError: (x) => 16 * (1 + abs(x)) ** 2,
        kink: false,
      };
  }
}

/** An activation of the kind, the leaky ReLU's slope generated in [0, 1). */
const activationOf = (kind: TrainActivationKind): fc.Arbitrary<TrainActivation> =>
  kind === 'leaky-relu' ? fc.integer({ min: 0, max: (1 << 20) - 1 }).map((i) => ({ kind, slope: i / (1 << 20) })) : fc.constant({ kind } as TrainActivation);

/** Inputs over [−20, 20]: uniform, all magnitudes (fc.double), near 0, and the kernels' regime changes. */
const inputArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 1 << 24 }).map((i) => -20 + (40 * i) / (1 << 24)), weight: 4 },
  { arbitrary: fc.double({ min: -20, max: 20, noNaN: true }), weight: 2 },
  { arbitrary: fc.double({ min: -1e-3, max: 1e-3, noNaN: true }), weight: 1 },
  { arbitrary: fc.constantFrom(0, -0, 2 ** -149, -(2 ** -149), FLT_MIN, 6e-8, -6e-8, 1, -1, 9.01, -9.01, 13.94, -13.94, 17.33, -17.33, 20, -20), weight: 1 },
);
const inputsArb = fc.array(inputArb, { minLength: 1, maxLength: 64 });

/**
 * tfjs' value and derivative at float32 inputs against the oracle; inputs with 0 < |x| < `floor` are
 * skipped (the cpu defect). Returns the first disagreement, or undefined.
 */
function disagreement(a: TrainActivation, xs: readonly number[], floor: number): string | undefined {
  const o = oracle(a);
  const x = tf.tensor1d(Float32Array.from(xs));
  try {
    const x32 = x.dataSync();
    const [y, g] = tf.tidy(() => [applyTrainActivation(a, x).dataSync(), tf.grad((t: tf.Tensor) => tf.mul(applyTrainActivation(a, t), 1))(x).dataSync()]);
    for (let i = 0; i < x32.length; i++) {
      const v = x32[i];
      if (v !== 0 && abs(v) < floor) continue;
      const f = o.f(v);
      const d = o.d1(v);
      const valueTol = o.valueUlps * U * abs(f) + FLT_MIN;
      if (!(abs(y[i] - f) <= valueTol)) return `σ(${v}): tfjs ${y[i]}, float64 ${f}, |difference| ${abs(y[i] - f).toExponential(2)} > ${valueTol.toExponential(2)}`;
      const gradTol = o.derivativeUlps * U * abs(d) + o.derivativeError(v) * U + FLT_MIN;
      if (!(abs(g[i] - d) <= gradTol)) return `σ'(${v}): tfjs ${g[i]}, float64 ${d}, |difference| ${abs(g[i] - d).toExponential(2)} > ${gradTol.toExponential(2)}`;
      const h = 1e-5 * max(1, abs(v));
      if (o.kink && abs(v) <= 2 * h) continue;
      const fd = (o.f(v + h) - o.f(v - h)) / (2 * h);
      const fdTol = 1e-7 * (1 + abs(d));
      if (!(abs(g[i] - fd) <= gradTol + fdTol)) return `σ'(${v}): tfjs ${g[i]}, central difference ${fd}, |difference| ${abs(g[i] - fd).toExponential(2)} > ${(gradTol + fdTol).toExponential(2)}`;
    }
    return undefined;
  } finally {
    x.dispose();
  }
}

/** Backends on which inputs with 0 < |x| < floor are not checked (the known cpu defect above). */
const TINY_FLOOR: Readonly<Record<string, number>> = { cpu: 1e-10 };

describe('training activations against their float64 definitions, over generated inputs', () => {
  it('the oracle covers every kind the engine supports', () => {
    const kinds: TrainActivationKind[] = ['relu', 'leaky-relu', 'linear', 'tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh'];
    expect([...TRAIN_ACTIVATION_KINDS].sort()).toEqual([...kinds].sort());
  });

  it.each(TRAIN_ACTIVATION_KINDS)('%s (float64): σ′ agrees with a central difference; the engine’s activation64 / activationDerivative64 equal the definitions', (kind) => {
    fc.assert(
      fc.property(activationOf(kind), inputsArb, (a, xs) => {
        const o = oracle(a);
        const f64 = activation64(a);
        const d64 = activationDerivative64(a);
        for (const x of xs) {
          const f = o.f(x);
          const d = o.d1(x);
          if (!(abs(f64(x) - f) <= 1e-14 * max(1, abs(f)))) throw new Error(`activation64(${x}) = ${f64(x)}, definition ${f}`);
          if (!(abs(d64(x) - d) <= 1e-14 * max(1, abs(d)))) throw new Error(`activationDerivative64(${x}) = ${d64(x)}, definition ${d}`);
          const h = 1e-5 * max(1, abs(x));
          if (o.kink && abs(x) <= 2 * h) continue;
          const fd = (o.f(x + h) - o.f(x - h)) / (2 * h);
          if (!(abs(fd - d) <= 1e-7 * (1 + abs(d)))) throw new Error(`σ'(${x}) = ${d}, central difference ${fd}`);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it.each(TRAIN_ACTIVATION_KINDS)('%s: tfjs value and tf.grad derivative on every backend', async (kind) => {
    const { runs } = await forEachBackend(KNOWN_BACKENDS, (backend) => {
      fc.assert(
        fc.property(activationOf(kind), inputsArb, (a, xs) => {
          const problem = disagreement(a, xs, TINY_FLOOR[backend] ?? 0);
          if (problem !== undefined) throw new Error(`${backend}, ${JSON.stringify(a)}: ${problem}`);
        }),
        { seed: 42, numRuns: 60 },
      );
      return backend;
    });
    expect(runs.map((r) => r.result)).toEqual(expect.arrayContaining(['wasm', 'cpu']));
  });

  it('the kink convention at x = 0: tfjs uses the left slope (relu 0, leaky ReLU its slope)', () => {
    expect(disagreement({ kind: 'relu' }, [0, -0], 0)).toBeUndefined();
    expect(disagreement({ kind: 'leaky-relu', slope: 0.25 }, [0, -0], 0)).toBeUndefined();
    const g = tf.tidy(() => tf.grad((t: tf.Tensor) => tf.mul(applyTrainActivation({ kind: 'leaky-relu', slope: 0.25 }, t), 1))(tf.tensor1d([0])).dataSync());
    expect(g[0]).toBe(0.25);
  });

  // KNOWN DEFECT (see the file header): remove `.failing` once the cpu backend is accurate near 0.
  it.failing('KNOWN DEFECT, cpu backend: tanh, x·tanh x, x²·tanh x keep their relative accuracy for 0 < |x| < 1e-10', async () => {
    const tiny = [1e-11, 1e-12, -1e-14, 1e-17, -1e-20, 1e-30];
    const { runs } = await forEachBackend(['cpu'], () => (['tanh', 'xtanh', 'x2tanh'] as const).map((kind) => disagreement({ kind }, tiny, 0)));
    expect(runs).toHaveLength(1);
    expect(runs[0].result).toEqual([undefined, undefined, undefined]);
  });
});
