/**
 * Oracle for the trainer's optimizers (train.ts: SGD and Adam) over their whole hyperparameter range.
 *
 * fast-check generates the hyperparameters the optimizer spec exposes — learning rate log-uniform in
 * [1e-4, 1e-1]; for Adam β1 ∈ [0, 0.99], β2 ∈ [0.9, 0.9999], ε log-uniform in [1e-8, 1e-3], or the
 * spec without them (then the documented defaults 0.9, 0.999, 1e-7 apply) — the number of steps
 * (1–10) and a tiny random problem: an ensemble of 1–3 nets [n_0 ≤ 3, 1–2 hidden layers of ≤ 4,
 * n_out ≤ 2], one training activation per hidden layer (every kind), 1–6 points, shared or per-net
 * data, either strategy, a trained or a fixed read-out bias.
 *
 * Reference: an independent float64 implementation written here — the forward pass, hand-written
 * backpropagation of the MSE (mean over points and outputs, no ½), σ, σ', σ'' from their
 * definitions — and SGD / Adam (Kingma & Ba, in the tfjs/PyTorch form the trainer documents).
 *
 * Teacher forcing. The trainer returns θ_t at every step t (float32, widened exactly). The reference
 * predicts θ_{t+1} from the engine's own θ_t, with Adam's moments rebuilt in float64 from the
 * reference gradients at the engine's θ_0 … θ_t. So every update is checked on its own, and float32
 * noise is not amplified along the trajectory (a float64 trajectory run freely drifts away from a
 * float32 one, and Adam turns any difference in a near-zero gradient into a full step).
 *
 * Tolerance (first-order running error analysis, u = 2^-24 the float32 unit roundoff):
 * - the engine's gradient g_k differs from the float64 one by δg_k ≤ C·u·A_k, where A_k is the
 *   same backpropagation run on magnitudes (|W|, |b|, |x|, |σ(z)| + |σ'(z)|·ẑ, |f| + |y| for the
 *   residual, |σ'| + e_σ/C + |σ''|·ẑ for the derivative, ẑ = Σ|W||h| + |b|), so it bounds the
 *   error of every rounded dot product and activation; e_σ is the absolute float32 error of the
 *   kernel's σ' in units of u (1 − tanh² x loses its relative accuracy near saturation). C = 64:
 *   dot products of ≤ 6 terms (≤ 6u each), activations within 16u (activations.oracle.test.ts
 *   measures ≤ 8u), two layers forward and back plus the loss: ≈ 60u in the worst case.
 * - SGD: |θ_{t+1} − (θ_t − lr·g)| ≤ lr·δg + u·|θ_{t+1}| (the update runs in float64 and is rounded
 *   to float32 once when stored: half an ulp, ≤ u·|θ_{t+1}|). This rounding term is exact, not
 *   padded: the measured |difference| / tolerance reaches ~0.9 when a value lands near a half ulp.
 * - Adam: m̂ and v̂ are weighted averages of the gradients (weights summing to 1), so
 *   δm̂ ≤ Σ w_s δg_s, δv̂ ≤ Σ w'_s (2|g_s|δg_s + δg_s²), δ√v̂ ≤ min(√δv̂, δv̂/√v̂), and the update
 *   u = m̂/(√v̂ + ε) moves by δu ≤ δm̂/(√v̂ − δ√v̂ + ε) + |m̂|·δ√v̂ / ((√v̂ + ε)(√v̂ − δ√v̂ + ε));
 *   tolerance lr·δu + u·|θ_{t+1}|.
 * - the reported loss L(θ_t): |L − L64| ≤ 2C·u·mean((|f| + |y|)²).
 * The tolerance is not vacuous: in every run the median of lr·δu / |update| is below 1% (asserted),
 * and a wrong optimizer (no bias correction, β1/β2 swapped, ε under the root, lr off by 0.1%) is
 * rejected (the last test).
 */
import fc from 'fast-check';
import { initEngine } from '../backend';
import { RandomStream } from '../random/stream';
import type { DenseParams64 } from './params';
import type { TrainActivation } from './activations';
import { ADAM_DEFAULTS, trainEnsemble, type OptimizerSpec, type TrainData, type TrainResult, type TrainStrategy } from './train';

const U = 2 ** -24;
const C = 64;
const { abs, exp, log1p, max, min, sqrt, tanh } = Math;

beforeAll(async () => {
  await initEngine();
});

// ---------------------------------------------------------------------------------------------
// Float64 reference: activations, forward pass, backpropagation with its error envelope

interface Scalar64 {
  f: (z: number) => number;
  d1: (z: number) => number;
  d2: (z: number) => number;
  /** Absolute error of the float32 kernel's σ'(z), in units of u. */
  d1Error: (z: number) => number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)));

/** σ, σ', σ'' from their definitions (train/activations.ts' table), independent of the engine. */
function scalar64(a: TrainActivation): Scalar64 {
  const zero = (): number => 0;
  switch (a.kind) {
    case 'relu':
      return { f: (z) => (z > 0 ? z : 0), d1: (z) => (z > 0 ? 1 : 0), d2: zero, d1Error: zero };
    case 'leaky-relu': {
      const s = a.slope;
      return { f: (z) => (z > 0 ? z : s * z), d1: (z) => (z > 0 ? 1 : s), d2: zero, d1Error: zero };
    }
    case 'linear':
      return { f: (z) => z, d1: () => 1, d2: zero, d1Error: zero };
    case 'tanh':
      return { f: tanh, d1: (z) => 1 - tanh(z) ** 2, d2: (z) => -2 * tanh(z) * (1 - tanh(z) ** 2), d1Error: () => 16 };
    case 'sigmoid':
      return { f: sigmoid, d1: (z) => sigmoid(z) * (1 - sigmoid(z)), d2: (z) => sigmoid(z) * (1 - sigmoid(z)) * (1 - 2 * sigmoid(z)), d1Error: () => 16 };
    case 'softplus':
      return { f: (z) => max(z, 0) + log1p(exp(-abs(z))), d1: sigmoid, d2: (z) => sigmoid(z) * (1 - sigmoid(z)), d1Error: () => 4 };
    case 'xtanh':
      return {
        f: (z) => z * tanh(z),
        d1: (z) => tanh(z) + z * (1 - tanh(z) ** 2),
        d2: (z) => 2 * (1 - tanh(z) ** 2) - 2 * z * tanh(z) * (1 - tanh(z) ** 2),
        d1Error: (z) => 16 * (1 + abs(z)),
      };
    case 'x2tanh':
      return {
        f: (z) => z * z * tanh(z),
        d1: (z) => 2 * z * tanh(z) + z * z * (1 - tanh(z) ** 2),
        d2: (z) => 2 * tanh(z) + 4 * z * (1 - tanh(z) ** 2) - 2 * z * z * tanh(z) * (1 - tanh(z) ** 2),
        d1Error: (z) => 16 * (1 + abs(z)) ** 2,
      };
  }
}

/** Flat parameter vector: layer by layer, weights (row-major [fanOut × fanIn]) then biases. */
const flatten = (p: DenseParams64): Float64Array => Float64Array.from(p.layers.flatMap((l) => [...l.weights, ...l.biases]));

interface LossGrad {
  loss: number;
  /** mean((|f| + |y|)²): the loss's error scale. */
  lossScale: number;
  grad: Float64Array;
  /** A_k: the gradient's error scale (δg_k ≤ C·u·A_k). */
  gradScale: Float64Array;
}

/** L(θ) = (1/(n·n_out)) Σ (f − y)², its gradient, and the error scales (see the file header). */
function lossGrad64(p: DenseParams64, acts: readonly Scalar64[], x: ArrayLike<number>, y: ArrayLike<number>): LossGrad {
  const L = p.layers.length;
  const n0 = p.inputDim;
  const nOut = p.layers[L - 1].fanOut;
  const n = x.length / n0;
  const N = n * nOut;
  const offsets: number[] = [];
  let size = 0;
  for (const l of p.layers) {
    offsets.push(size);
    size += l.fanIn * l.fanOut + l.fanOut;
  }
  const grad = new Float64Array(size);
  const gradScale = new Float64Array(size);
  let loss = 0;
  let lossScale = 0;
  for (let i = 0; i < n; i++) {
    // Forward: h[l] is layer l's input, z[l] its pre-activation; hh, zz the magnitudes.
    const h: Float64Array[] = [Float64Array.from({ length: n0 }, (_, q) => x[i * n0 + q])];
    const hh: Float64Array[] = [h[0].map(abs)];
    const z: Float64Array[] = [];
    const zz: Float64Array[] = [];
    p.layers.forEach((layer, l) => {
      const { fanIn, fanOut, weights: W, biases: b } = layer;
      const zl = new Float64Array(fanOut);
      const zzl = new Float64Array(fanOut);
      for (let j = 0; j < fanOut; j++) {
        let s = b[j];
        let ss = abs(b[j]);
        for (let q = 0; q < fanIn; q++) {
          s += W[j * fanIn + q] * h[l][q];
          ss += abs(W[j * fanIn + q]) * hh[l][q];
        }
        zl[j] = s;
        zzl[j] = ss;
      }
      z.push(zl);
      zz.push(zzl);
      if (l < L - 1) {
        const a = acts[l];
        h.push(zl.map((v) => a.f(v)));
        hh.push(zl.map((v, j) => abs(a.f(v)) + abs(a.d1(v)) * zzl[j]));
      }
    });
    // Backward.
    let delta = new Float64Array(nOut);
    let deltaScale = new Float64Array(nOut);
    for (let k = 0; k < nOut; k++) {
      const r = z[L - 1][k] - y[i * nOut + k];
      const rr = zz[L - 1][k] + abs(y[i * nOut + k]);
      loss += (r * r) / N;
      lossScale += (rr * rr) / N;
      delta[k] = (2 * r) / N;
      deltaScale[k] = (2 * rr) / N;
    }
    for (let l = L - 1; l >= 0; l--) {
      const { fanIn, fanOut, weights: W } = p.layers[l];
      const o = offsets[l];
      for (let j = 0; j < fanOut; j++) {
        for (let q = 0; q < fanIn; q++) {
          grad[o + j * fanIn + q] += delta[j] * h[l][q];
          gradScale[o + j * fanIn + q] += deltaScale[j] * hh[l][q];
        }
        grad[o + fanIn * fanOut + j] += delta[j];
        gradScale[o + fanIn * fanOut + j] += deltaScale[j];
      }
      if (l === 0) break;
      const a = acts[l - 1];
      const next = new Float64Array(fanIn);
      const nextScale = new Float64Array(fanIn);
      for (let q = 0; q < fanIn; q++) {
        let back = 0;
        let backScale = 0;
        for (let j = 0; j < fanOut; j++) {
          back += W[j * fanIn + q] * delta[j];
          backScale += abs(W[j * fanIn + q]) * deltaScale[j];
        }
        const zq = z[l - 1][q];
        next[q] = back * a.d1(zq);
        nextScale[q] = backScale * (abs(a.d1(zq)) + a.d1Error(zq) / C + abs(a.d2(zq)) * zz[l - 1][q]);
      }
      delta = next;
      deltaScale = nextScale;
    }
  }
  return { loss, lossScale, grad, gradScale };
}

// ---------------------------------------------------------------------------------------------
// Optimizers in float64 and the teacher-forced check

interface Hyper {
  kind: 'sgd' | 'adam';
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** One optimizer update of a coordinate: step number t = 1, 2, …; returns the new moments and Δθ. */
type UpdateRule = (h: Hyper, t: number, g: number, m: number, v: number) => { m: number; v: number; delta: number };

const REFERENCE: UpdateRule = (h, t, g, m0, v0) => {
  if (h.kind === 'sgd') return { m: 0, v: 0, delta: -h.lr * g };
  const m = h.beta1 * m0 + (1 - h.beta1) * g;
  const v = h.beta2 * v0 + (1 - h.beta2) * g * g;
  const mHat = m / (1 - h.beta1 ** t);
  const vHat = v / (1 - h.beta2 ** t);
  return { m, v, delta: (-h.lr * mHat) / (sqrt(vHat) + h.epsilon) };
};

interface Problem {
  params: DenseParams64[];
  acts: TrainActivation[];
  data: TrainData[];
  readoutBias: boolean;
}

interface CheckOutcome {
  violations: string[];
  /** lr·δu / |Δθ| for every checked update with Δθ ≠ 0 (how tight the tolerance is). */
  tightness: number[];
  updates: number;
}

/** Teacher-forced check of every update and every reported loss of a run (see the file header). */
function checkRun(result: TrainResult, problem: Problem, h: Hyper, steps: number, rule: UpdateRule = REFERENCE): CheckOutcome {
  const acts = problem.acts.map(scalar64);
  const out: CheckOutcome = { violations: [], tightness: [], updates: 0 };
  const fail = (text: string): void => {
    if (out.violations.length < 5) out.violations.push(text);
  };
  if (result.stepsRun !== steps || result.checkpoints.length !== steps + 1) fail(`expected ${steps} steps and ${steps + 1} checkpoints; got ${result.stepsRun} and ${result.checkpoints.length}`);
  problem.params.forEach((_p, e) => {
    if (result.divergedStep[e] !== -1) fail(`net ${e} diverged at step ${result.divergedStep[e]}`);
    const data = problem.data[problem.data.length === 1 ? 0 : e];
    const nOut = problem.params[e].layers[problem.params[e].layers.length - 1].fanOut;
    const first = flatten(result.checkpoints[0].params[e]);
    const frozenFrom = problem.readoutBias ? first.length : first.length - nOut;
    const m = new Float64Array(first.length);
    const v = new Float64Array(first.length);
    const mErr = new Float64Array(first.length); // Σ (1 − β1) β1^{t−s} δg_s
    const vErr = new Float64Array(first.length); // Σ (1 − β2) β2^{t−s} (2|g_s| δg_s + δg_s²)
    for (let t = 0; t < steps; t++) {
      const at = result.checkpoints[t];
      const theta = flatten(at.params[e]);
      const next = flatten(result.checkpoints[t + 1].params[e]);
      const ref = lossGrad64(at.params[e], acts, data.inputs, data.targets);
      const lossTol = 2 * C * U * ref.lossScale;
      if (!(abs(at.loss[e] - ref.loss) <= lossTol)) fail(`net ${e}, L(θ_${t}): engine ${at.loss[e]}, float64 ${ref.loss}, tolerance ${lossTol.toExponential(2)}`);
      const step = t + 1;
      const c1 = 1 - h.beta1 ** step;
      const c2 = 1 - h.beta2 ** step;
      for (let k = 0; k < theta.length; k++) {
        if (k >= frozenFrom) {
          if (next[k] !== theta[k]) fail(`net ${e}, step ${step}: the fixed read-out bias [${k}] moved from ${theta[k]} to ${next[k]}`);
          continue;
        }
        const g = ref.grad[k];
        const dg = C * U * ref.gradScale[k];
        const upd = rule(h, step, g, m[k], v[k]);
        m[k] = upd.m;
        v[k] = upd.v;
        let noise: number;
        if (h.kind === 'sgd') noise = h.lr * dg;
        else {
          mErr[k] = h.beta1 * mErr[k] + (1 - h.beta1) * dg;
          vErr[k] = h.beta2 * vErr[k] + (1 - h.beta2) * (2 * abs(g) * dg + dg * dg);
          const mHat = m[k] / c1;
          const root = sqrt(v[k] / c2);
          const dm = mErr[k] / c1;
          const dv = vErr[k] / c2;
          const dRoot = root > 0 ? min(sqrt(dv), dv / root) : sqrt(dv);
          const low = max(root - dRoot, 0) + h.epsilon;
          noise = h.lr * (dm / low + (abs(mHat) * dRoot) / ((root + h.epsilon) * low));
        }
        const expected = theta[k] + upd.delta;
        const tol = noise + U * abs(next[k]) + 1e-45;
        out.updates++;
        if (upd.delta !== 0) out.tightness.push(noise / abs(upd.delta));
        if (!(abs(next[k] - expected) <= tol)) {
          fail(`net ${e}, step ${step}, parameter ${k}: engine θ = ${next[k]}, float64 reference ${expected} (θ_${t} = ${theta[k]}, g = ${g.toExponential(4)}, Δθ = ${upd.delta.toExponential(4)}), |difference| ${abs(next[k] - expected).toExponential(2)} > tolerance ${tol.toExponential(2)}`);
        }
      }
    }
  });
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[(s.length - 1) >> 1];
};

// ---------------------------------------------------------------------------------------------
// Generated problems

/** Log-uniform on [lo, hi] (fast-check's integer bias still reaches both ends). */
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: 1 << 20 }).map((i) => lo * (hi / lo) ** (i / (1 << 20)));
const uniform = (lo: number, hi: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: 1 << 20 }).map((i) => lo + ((hi - lo) * i) / (1 << 20));

/** Every training activation kind, each as likely (the leaky ReLU with a generated slope). */
const activationArb: fc.Arbitrary<TrainActivation> = fc.oneof(
  { arbitrary: fc.constantFrom<TrainActivation>({ kind: 'relu' }, { kind: 'linear' }, { kind: 'tanh' }, { kind: 'sigmoid' }, { kind: 'softplus' }, { kind: 'xtanh' }, { kind: 'x2tanh' }), weight: 7 },
  { arbitrary: uniform(0, 0.99).map((slope): TrainActivation => ({ kind: 'leaky-relu', slope })), weight: 1 },
);

interface ProblemConfig {
  seed: number;
  n0: number;
  hidden: number[];
  nOut: number;
  acts: TrainActivation[];
  points: number;
  nets: number;
  perNetData: boolean;
  weightStd: number;
  readoutBias: boolean;
  strategy: TrainStrategy;
  steps: number;
  lr: number;
}

const problemArb = fc.record({
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  n0: fc.integer({ min: 1, max: 3 }),
  hidden: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }),
  nOut: fc.integer({ min: 1, max: 2 }),
  acts: fc.array(activationArb, { minLength: 2, maxLength: 2 }),
  points: fc.integer({ min: 1, max: 6 }),
  nets: fc.integer({ min: 1, max: 3 }),
  perNetData: fc.boolean(),
  weightStd: uniform(0.2, 1),
  readoutBias: fc.boolean(),
  strategy: fc.constantFrom<TrainStrategy>('batched', 'loop'),
  steps: fc.integer({ min: 1, max: 10 }),
  lr: logUniform(1e-4, 1e-1),
});

/** Parameters N(0, weightStd²) (biases N(0, 0.3²)), inputs U(−1, 1), targets N(0, 1): float32 values. */
function buildProblem(c: ProblemConfig): Problem {
  const s = new RandomStream(c.seed);
  const widths = [c.n0, ...c.hidden, c.nOut];
  const f32 = (n: number, draw: (out: Float32Array) => void): Float64Array => {
    const out = new Float32Array(n);
    draw(out);
    return Float64Array.from(out);
  };
  const params = Array.from({ length: c.nets }, (): DenseParams64 => ({
    inputDim: c.n0,
    layers: widths.slice(1).map((fanOut, l) => ({
      fanIn: widths[l],
      fanOut,
      weights: f32(widths[l] * fanOut, (w) => s.fillNormal(w, c.weightStd)),
      biases: f32(fanOut, (b) => s.fillNormal(b, 0.3)),
    })),
  }));
  const data = Array.from({ length: c.perNetData ? c.nets : 1 }, (): TrainData => ({
    inputs: f32(c.points * c.n0, (x) => s.fillUniform(x)),
    targets: f32(c.points * c.nOut, (y) => s.fillNormal(y)),
  }));
  return { params, acts: c.acts.slice(0, c.hidden.length), data, readoutBias: c.readoutBias };
}

async function run(problem: Problem, c: ProblemConfig, optimizer: OptimizerSpec): Promise<TrainResult> {
  return trainEnsemble({
    params: problem.params,
    activation: problem.acts,
    data: c.perNetData ? problem.data : problem.data[0],
    optimizer,
    steps: c.steps,
    checkpoints: Array.from({ length: c.steps + 1 }, (_, t) => t),
    strategy: c.strategy,
    readoutBias: c.readoutBias,
  });
}

function assertOutcome(outcome: CheckOutcome, label: string): void {
  if (outcome.violations.length > 0) throw new Error(`${label}: the engine disagrees with the float64 reference:\n${outcome.violations.join('\n')}`);
  // Not vacuous: the allowance for float32 gradient noise is a small fraction of the typical update.
  const tight = median(outcome.tightness);
  if (outcome.tightness.length > 0 && !(tight < 0.01)) throw new Error(`${label}: the tolerance is not informative (median lr·δu/|Δθ| = ${tight.toExponential(2)})`);
}

const RUNS = { seed: 42, numRuns: 30 } as const;

describe('optimizers against a float64 reference, over generated hyperparameters', () => {
  it('the documented Adam defaults', () => {
    expect(ADAM_DEFAULTS).toEqual({ beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
  });

  it('SGD: every update is θ − lr·∇L (float64 gradient at the engine’s θ_t), lr log-uniform in [1e-4, 1e-1]', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, async (c) => {
        const problem = buildProblem(c);
        const result = await run(problem, c, { kind: 'sgd', lr: c.lr });
        assertOutcome(checkRun(result, problem, { kind: 'sgd', lr: c.lr, beta1: 0, beta2: 0, epsilon: 0 }, c.steps), 'SGD');
      }),
      RUNS,
    );
  });

  it('Adam: every update is Kingma & Ba’s with bias correction, over β1 ∈ [0, 0.99], β2 ∈ [0.9, 0.9999], ε ∈ [1e-8, 1e-3] and the defaults', async () => {
    const adamArb = fc.record({ beta1: uniform(0, 0.99), beta2: uniform(0.9, 0.9999), epsilon: logUniform(1e-8, 1e-3), defaults: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(problemArb, adamArb, async (c, a) => {
        const problem = buildProblem(c);
        const spec: OptimizerSpec = a.defaults ? { kind: 'adam', lr: c.lr } : { kind: 'adam', lr: c.lr, beta1: a.beta1, beta2: a.beta2, epsilon: a.epsilon };
        // The reference states the documented defaults itself (not through ADAM_DEFAULTS).
        const h: Hyper = a.defaults ? { kind: 'adam', lr: c.lr, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } : { kind: 'adam', lr: c.lr, beta1: a.beta1, beta2: a.beta2, epsilon: a.epsilon };
        const result = await run(problem, c, spec);
        assertOutcome(checkRun(result, problem, h, c.steps), 'Adam');
      }),
      RUNS,
    );
  });

  it('the oracle has power: a wrong Adam or SGD is rejected by the same tolerance', async () => {
    const c: ProblemConfig = { seed: 7, n0: 2, hidden: [4, 3], nOut: 1, acts: [{ kind: 'tanh' }, { kind: 'softplus' }], points: 5, nets: 2, perNetData: false, weightStd: 0.6, readoutBias: true, strategy: 'batched', steps: 6, lr: 1e-2 };
    const problem = buildProblem(c);
    const h: Hyper = { kind: 'adam', lr: c.lr, beta1: 0.8, beta2: 0.99, epsilon: 1e-3 };
    const adam = await run(problem, c, { kind: 'adam', lr: h.lr, beta1: h.beta1, beta2: h.beta2, epsilon: h.epsilon });
    expect(checkRun(adam, problem, h, c.steps).violations).toEqual([]);
    const wrong: Record<string, UpdateRule> = {
      'no bias correction': (hh, _t, g, m0, v0) => REFERENCE(hh, 1e9, g, m0, v0),
      'β1 and β2 swapped': (hh, t, g, m0, v0) => REFERENCE({ ...hh, beta1: hh.beta2, beta2: hh.beta1 }, t, g, m0, v0),
      'ε under the square root': (hh, t, g, m0, v0) => {
        const r = REFERENCE(hh, t, g, m0, v0);
        const mHat = r.m / (1 - hh.beta1 ** t);
        return { ...r, delta: (-hh.lr * mHat) / sqrt(r.v / (1 - hh.beta2 ** t) + hh.epsilon) };
      },
      'lr off by 0.1%': (hh, t, g, m0, v0) => REFERENCE({ ...hh, lr: hh.lr * 1.001 }, t, g, m0, v0),
    };
    for (const [name, rule] of Object.entries(wrong)) expect([name, checkRun(adam, problem, h, c.steps, rule).violations.length]).not.toEqual([name, 0]);
    const sgd = await run(problem, c, { kind: 'sgd', lr: 0.05 });
    const hs: Hyper = { kind: 'sgd', lr: 0.05, beta1: 0, beta2: 0, epsilon: 0 };
    expect(checkRun(sgd, problem, hs, c.steps).violations).toEqual([]);
    expect(checkRun(sgd, problem, hs, c.steps, (hh, t, g, m0, v0) => REFERENCE({ ...hh, lr: hh.lr * 1.001 }, t, g, m0, v0)).violations).not.toEqual([]);
    expect(checkRun(sgd, problem, hs, c.steps, (hh, t, g, m0, v0) => REFERENCE(hh, t, g * (1 + 1e-3), m0, v0)).violations).not.toEqual([]);
  });
});
