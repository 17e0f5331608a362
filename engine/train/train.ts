/**
 * Full-batch training of an ensemble of E independent fully connected networks (tfjs, float32).
 *
 * Every net has the same architecture [n_0, hidden…, n_out], its own initial parameters
 * ({@link DenseParams64}, rounded to float32) and either the shared data set or its own one (same
 * number of points n). Hidden layers apply the training activation σ (activations.ts) — one for
 * every hidden layer, or one per hidden layer (`activation` given as a list, e.g. the six-layer
 * condensation net of Zhou et al. 2022 with x²·tanh, x·tanh, sigmoid, tanh, softplus) — the read-out
 * is linear. Optional skip connections (`residual`): a residual hidden layer l (fan-in = fan-out)
 * computes h_l = σ_l(W_l h_{l−1} + b_l) + h_{l−1} (the six-layer residual net of Zhou et al. 2022,
 * Fig. 3); `residual: true` makes every hidden layer after the first residual (the first maps
 * n_0 → n_1 and the read-out is linear, neither has a skip), a list gives one flag per hidden layer.
 * `readoutBias: false` keeps the read-out bias at its initial value (never updated; the authors'
 * notebook uses an output layer without bias — pass a zero bias). Loss of net e: the MSE
 * L_e = (1/(n·n_out)) Σ_i Σ_k (f_e(x_i)_k − y_ik)² — mean over
 * points and outputs, **no ½ factor**.
 *
 * Independence. The ensemble is differentiated as one graph with loss Σ_e L_e. Net e's parameters
 * enter only L_e, so ∂(Σ_e' L_e')/∂θ_e = ∂L_e/∂θ_e: every net gets exactly its own gradient, and
 * since SGD and Adam act elementwise (Adam's step count is global but equal for all nets), net e
 * follows the trajectory it would follow alone. `train.test.ts` checks this against a net trained
 * alone (equal to float32 tolerance; the two strategies below can differ in the last bits).
 *
 * Steps and checkpoints. θ_0 is the initialization and θ_{t+1} = update(θ_t, ∇L(θ_t)). "Loss at
 * step t" is L(θ_t), evaluated in the same forward pass as the gradient of update t+1; `steps`
 * updates are performed and L(θ_steps) costs one extra forward pass. A checkpoint t ∈ [0, steps]
 * returns θ_t (float32 values widened exactly to float64) and L(θ_t). `success.lossBelow` gives per
 * net the first t with L_e(θ_t) < threshold (−1 if never); with `stopWhenAllSucceeded` training
 * stops at the first t where every net has succeeded or is frozen (checkpoints after that step are
 * not returned; `stepsRun` says where training stopped).
 *
 * Optimizers (full batch; the update runs in JS on the float32 parameters, in float64 arithmetic,
 * with float64 moment buffers, and is rounded to float32 when stored):
 * - `{ kind: 'sgd', lr }`: θ ← θ − lr·g.
 * - `{ kind: 'adam', lr, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 }`: Kingma & Ba with tfjs'
 *   (and Keras') default ε = 1e-7 (PyTorch: 1e-8) and the same form as tfjs and PyTorch:
 *   m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g², θ ← θ − lr·(m/(1−β1^t)) / (√(v/(1−β2^t)) + ε),
 *   t = 1, 2, … the update's number.
 *
 * Retirement (`retire`). At every checkpoint the caller may name nets that need no further training
 * (e.g. a net whose initial stage has ended): a retired net keeps θ and L at that checkpoint (later
 * snapshots and the final values report them, `retiredStep[e]` says where), is no longer computed —
 * the trainer drops retired nets from its tensors once they are a quarter of those it computes — and
 * training stops at the first checkpoint where every net is retired or frozen. Since the nets are
 * independent (above), retiring some never changes the others' trajectories: a net that is never
 * retired follows exactly the steps it follows without `retire` (tested, bit for bit).
 *
 * Non-finite values are a measured outcome, never an error. A net whose loss L_e(θ_t) or whose
 * gradient at θ_t has a non-finite entry is *frozen* at θ_t: `divergedStep[e] = t`, its parameters
 * are no longer updated (the other nets are unaffected: their gradients do not involve it), its
 * loss keeps being reported as L_e(θ_t) (NaN or ±Infinity, or finite when only the gradient
 * overflowed).
 *
 * Strategies (the forward and backward pass; the optimizer is the same JS loop for both):
 * - `batched`: parameters as stacked tensors [E, fanIn, fanOut] / [E, 1, fanOut], one rank-3
 *   `tf.matMul` per layer and a fixed number of ops per step. With the native batched matMul
 *   (engine/native) each layer is one custom-gradient affine op whose gradients are batched
 *   matMuls too (nativeAffine); on the pure wasm path the rank-3 kernel is a scalar loop, and layers
 *   with fanIn = 1 or fanOut = 1 use broadcast products instead (batchedProduct);
 * - `loop`: one rank-2 `tf.fused.matMul` (XNNPACK) per net and layer inside the same tape, ~8 ops per
 *   net-layer at ~10–30 µs of dispatch each.
 * `auto` ({@link chooseTrainStrategy}) picks `batched` when the native batched matMul is active, else
 * by shape (never by timing, so results are reproducible), from the measurements in
 * engine/bench/train-bench.ts.
 *
 * Memory: every tensor created in a step is disposed in that step; `tf.memory().numTensors` is the
 * same before and after a call (tested).
 */
import * as tf from '@tensorflow/tfjs';
import { validateDenseParams, widthsOf, type DenseParams64, type DenseLayer64 } from './params';
import { applyTrainActivation, validateTrainActivation, type TrainActivation } from './activations';
import { nativeBatchMatMulActive } from '../native/native-matmul';

// Captured once: jest's sandbox makes every global lookup (Math.x, Number.isFinite) slow in hot loops.
const { sqrt, pow } = Math;
const isFiniteNumber = Number.isFinite;

export type OptimizerSpec =
  | { kind: 'adam'; lr: number; beta1?: number; beta2?: number; epsilon?: number }
  | { kind: 'sgd'; lr: number };

/** Adam defaults (tfjs / Keras). */
export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

/** A data set: `inputs` row-major [n × n_0], `targets` row-major [n × n_out] (float32 inside tfjs). */
export interface TrainData {
  inputs: ArrayLike<number>;
  targets: ArrayLike<number>;
}

export type TrainStrategy = 'batched' | 'loop';

export interface TrainOptions {
  /** E ≥ 1 initial networks, all of the same architecture. */
  params: readonly DenseParams64[];
  /**
   * Activation of every hidden layer, or a list with one activation per hidden layer (length =
   * number of layers − 1); the read-out is linear.
   */
  activation: TrainActivation | readonly TrainActivation[];
  /** One data set shared by all nets, or one per net (E of them, same n). */
  data: TrainData | readonly TrainData[];
  optimizer: OptimizerSpec;
  /** Number of updates (integer ≥ 0). */
  steps: number;
  /** Steps t ∈ [0, steps] at which to return θ_t and L(θ_t) (any order, duplicates ignored). */
  checkpoints?: readonly number[];
  success?: { lossBelow: number; stopWhenAllSucceeded?: boolean };
  /** Record every net's loss at t = 0, k, 2k, … (and at the last step run). */
  lossEvery?: number;
  strategy?: TrainStrategy | 'auto';
  /**
   * Skip connections: `true` = every hidden layer after the first, or one flag per hidden layer
   * (length = number of layers − 1). A residual layer needs fan-in = fan-out. Default: none.
   */
  residual?: boolean | readonly boolean[];
  /** Train the read-out bias (default true); false = it stays at its initial value. */
  readoutBias?: boolean;
  /** Called with each checkpoint's snapshot; returns the nets (indices) that need no further training (see the header). */
  retire?: (snapshot: Snapshot) => Iterable<number>;
}

export interface Snapshot {
  step: number;
  /** L_e(θ_step) per net. */
  loss: Float64Array;
  /** θ_step per net (float32 values, widened to float64). */
  params: DenseParams64[];
}

export interface TrainResult {
  strategy: TrainStrategy;
  /** Number of updates performed: `steps`, or fewer after an early stop. */
  stepsRun: number;
  /** L_e(θ_stepsRun). */
  finalLoss: Float64Array;
  /** θ_stepsRun per net. */
  finalParams: DenseParams64[];
  /** The requested checkpoints that were reached, in increasing step order. */
  checkpoints: Snapshot[];
  /** Per net the first step t with L_e(θ_t) < success.lossBelow, −1 if never (present iff `success` was given). */
  successStep?: Int32Array;
  /** Per net the step at which it was frozen on a non-finite loss or gradient, −1 if never. */
  divergedStep: Int32Array;
  /** Per net the checkpoint at which `retire` retired it, −1 if never (all −1 without `retire`). */
  retiredStep: Int32Array;
  /** Per recorded step, every net's loss (present iff `lossEvery` was given). */
  history?: { step: number; loss: Float64Array }[];
  timing: { totalMs: number; stepsPerSecond: number };
}

export const MAX_STEPS = 10_000_000;

// ---------------------------------------------------------------------------------------------
// Validation

function validateOptimizer(o: OptimizerSpec): Required<Extract<OptimizerSpec, { kind: 'adam' }>> | Extract<OptimizerSpec, { kind: 'sgd' }> {
  if (o === null || typeof o !== 'object') throw new Error(`optimizer must be { kind: 'adam' | 'sgd', lr, … }; got ${String(o)}`);
  const kind = (o as { kind: unknown }).kind;
  if (kind !== 'adam' && kind !== 'sgd') throw new Error(`optimizer.kind must be 'adam' or 'sgd'; got "${String(kind)}"`);
  if (!(Number.isFinite(o.lr) && o.lr > 0)) throw new Error(`optimizer.lr must be a finite number > 0; got ${o.lr}`);
  if (o.kind === 'sgd') return o;
  const full = { ...ADAM_DEFAULTS, ...o } as Required<Extract<OptimizerSpec, { kind: 'adam' }>>;
  for (const k of ['beta1', 'beta2'] as const) {
    if (!(Number.isFinite(full[k]) && full[k] >= 0 && full[k] < 1)) throw new Error(`optimizer.${k} must be a number in [0, 1); got ${full[k]}`);
  }
  if (!(Number.isFinite(full.epsilon) && full.epsilon > 0)) throw new Error(`optimizer.epsilon must be a finite number > 0; got ${full.epsilon}`);
  return full;
}

function validateData(d: TrainData, n0: number, nOut: number, parameter: string): number {
  if (d === null || typeof d !== 'object') throw new Error(`${parameter} must be { inputs, targets }; got ${String(d)}`);
  const { inputs, targets } = d;
  if (inputs == null || typeof inputs.length !== 'number' || inputs.length === 0 || inputs.length % n0 !== 0) {
    throw new Error(`${parameter}.inputs must hold n × n_0 = n × ${n0} values (n ≥ 1); got length ${inputs?.length}`);
  }
  const n = inputs.length / n0;
  if (targets == null || targets.length !== n * nOut) {
    throw new Error(`${parameter}.targets must hold n × n_out = ${n} × ${nOut} = ${n * nOut} values; got length ${targets?.length}`);
  }
  for (let k = 0; k < inputs.length; k++) if (!Number.isFinite(inputs[k])) throw new Error(`${parameter}.inputs[${k}] must be finite; got ${inputs[k]}`);
  for (let k = 0; k < targets.length; k++) if (!Number.isFinite(targets[k])) throw new Error(`${parameter}.targets[${k}] must be finite; got ${targets[k]}`);
  return n;
}

function validateSteps(steps: number): void {
  if (!Number.isInteger(steps) || steps < 0 || steps > MAX_STEPS) throw new Error(`steps must be an integer in [0, ${MAX_STEPS}]; got ${steps}`);
}

// ---------------------------------------------------------------------------------------------
// Strategy

/**
 * Measured crossover (engine/bench/train-bench.ts and a sweep, wasm, Adam, 100 points): per net,
 * the loop pays ~8 dispatched ops per layer, the batched kernel runs its rank-3 products at
 * ~1.5 GFLOP/s instead of XNNPACK's ~10. Equal speed at 8 nets 2→64→64→1 and 5→1000→1
 * (~0.3–0.5 MFLOP of matMul per layer), loop 1.3× faster at 2→128→128→1 (1.1 MFLOP per layer),
 * batched 1.6–6× faster for the small nets of the memorization / trainability experiments.
 */
export const LOOP_MIN_FLOPS_TRAIN = 1_000_000;

/**
 * `loop` when the forward matMul flops per net and layer, (Σ_l 2·n·fanIn_l·fanOut_l) / L over the
 * layers that use a real matMul in the batched strategy (fanIn > 1 and fanOut > 1), reach
 * {@link LOOP_MIN_FLOPS_TRAIN}; else `batched`. Shapes only, never timings (reproducible).
 */
export function chooseTrainStrategy(widths: readonly number[], points: number, native = nativeBatchMatMulActive()): TrainStrategy {
  // With the native batched matMul (engine/native) the batched strategy wins at every shape measured
  // (train-bench: 1.5–14× the loop, 2→128→128→1 included).
  if (native) return 'batched';
  let flops = 0;
  for (let l = 1; l < widths.length; l++) if (widths[l - 1] > 1 && widths[l] > 1) flops += 2 * points * widths[l - 1] * widths[l];
  return flops / (widths.length - 1) >= LOOP_MIN_FLOPS_TRAIN ? 'loop' : 'batched';
}

// ---------------------------------------------------------------------------------------------
// The trainer

interface Layout {
  E: number;
  widths: number[];
  L: number;
  /** Per parameter group p (2l: weights of layer l, 2l+1: biases): values per net. */
  size: number[];
}

/** tfjs layout: weights [fanIn, fanOut] per net (transposed from DenseParams64's [fanOut × fanIn]). */
function pack(params: readonly DenseParams64[], lay: Layout): Float32Array[] {
  const theta: Float32Array[] = lay.size.map((s) => new Float32Array(lay.E * s));
  params.forEach((p, e) => {
    p.layers.forEach((layer, l) => {
      const { fanIn, fanOut, weights, biases } = layer;
      const W = theta[2 * l];
      const base = e * fanIn * fanOut;
      for (let j = 0; j < fanOut; j++) for (let i = 0; i < fanIn; i++) W[base + i * fanOut + j] = weights[j * fanIn + i];
      theta[2 * l + 1].set(biases, e * fanOut);
    });
  });
  return theta;
}

function unpack(theta: readonly Float32Array[], lay: Layout, e: number): DenseParams64 {
  const layers: DenseLayer64[] = [];
  for (let l = 0; l < lay.L; l++) {
    const fanIn = lay.widths[l];
    const fanOut = lay.widths[l + 1];
    const W = theta[2 * l];
    const base = e * fanIn * fanOut;
    const weights = new Float64Array(fanIn * fanOut);
    for (let j = 0; j < fanOut; j++) for (let i = 0; i < fanIn; i++) weights[j * fanIn + i] = W[base + i * fanOut + j];
    const biases = Float64Array.from(theta[2 * l + 1].subarray(e * fanOut, (e + 1) * fanOut));
    layers.push({ fanIn, fanOut, weights, biases });
  }
  return { inputDim: lay.widths[0], layers };
}

/** Gradient of net e, group p: values arr[off … off + size_p). */
type GradSlice = (p: number, e: number) => { arr: Float32Array; off: number };

/** One forward (+ backward) pass: writes L_e(θ) into `loss`; returns the gradient accessor and a disposer. */
interface Engine {
  evaluate(theta: readonly Float32Array[], loss: Float64Array, withGrad: boolean): { grad: GradSlice; dispose: () => void } | undefined;
  dispose(): void;
}

function toF32(a: ArrayLike<number>): Float32Array {
  return a instanceof Float32Array ? a : Float32Array.from(a);
}

/**
 * h [E or 1, n, fanIn] · W [E, fanIn, fanOut]. wasm's rank-3 matMul is a scalar loop and worst
 * for the outer products of a 1-D input layer and of a scalar read-out's backward pass (4–5 ms for
 * [8,100,1]×[8,1,1000]), so those two shapes use broadcast products instead (~0.2 ms; measured in
 * engine/bench/train-bench.ts): fanIn = 1 → h ⊙ W; fanOut = 1 → Σ_k h_k W_k.
 */
function batchedProduct(h: tf.Tensor3D, W: tf.Tensor3D, E: number, fanIn: number, fanOut: number): tf.Tensor {
  if (fanIn === 1) return tf.mul(h, W);
  if (fanOut === 1) return tf.sum(tf.mul(h, tf.reshape(W, [E, 1, fanIn])), 2, true);
  return tf.matMul(h, W);
}

/**
 * z = h·W + b with every gradient a batched matMul, for when the native batched matMul is active
 * (engine/native): dh = dz·Wᵀ, dW = hᵀ·dz, db = 1ᵀ·dz. tfjs' own gradient of the broadcast bias
 * add is a Sum over the points axis, which the wasm backend computes through a transpose (≈ 1 ms
 * per [8,100,1000] — more than the whole layer's products on the native path). `ones` is [1, 1, n];
 * with `inputGrad` false (the data layer) dh is not computed (zeros: the data are constants).
 */
function nativeAffine(ones: tf.Tensor3D, inputGrad: boolean): (h: tf.Tensor3D, W: tf.Tensor3D, b: tf.Tensor3D) => tf.Tensor3D {
  return tf.customGrad((h, W, b, save) => {
    (save as tf.GradSaveFunc)([h as tf.Tensor, W as tf.Tensor]);
    return {
      value: tf.add(tf.matMul(h as tf.Tensor3D, W as tf.Tensor3D), b as tf.Tensor3D),
      gradFunc: (dz: tf.Tensor, [hs, Ws]: tf.Tensor[]) => [
        inputGrad ? tf.matMul(dz as tf.Tensor3D, Ws as tf.Tensor3D, false, true) : tf.zerosLike(hs),
        tf.matMul(hs as tf.Tensor3D, dz as tf.Tensor3D, true, false),
        tf.matMul(ones, dz as tf.Tensor3D),
      ],
    };
  }) as unknown as (h: tf.Tensor3D, W: tf.Tensor3D, b: tf.Tensor3D) => tf.Tensor3D;
}

/**
 * Writes every net's loss L_e(θ) into `loss`; with `withGrad`, also returns the gradients of
 * Σ_e L_e with respect to `ps` (one array per tensor, in the order of `ps`).
 */
function lossAndGrads(lossOf: (ps: tf.Tensor[]) => tf.Tensor1D, ps: tf.Tensor[], loss: Float64Array, withGrad: boolean): Float32Array[] | undefined {
  if (!withGrad) {
    tf.tidy(() => loss.set(lossOf(ps).dataSync()));
    return undefined;
  }
  const { value, grads } = tf.valueAndGrads((...args: tf.Tensor[]) => {
    const perNet = lossOf(args);
    loss.set(perNet.dataSync());
    return tf.sum(perNet) as tf.Scalar;
  })(ps);
  value.dispose();
  const arrays = grads.map((g) => g.dataSync() as Float32Array);
  tf.dispose(grads);
  return arrays;
}

/** One activation per hidden layer; throws naming the parameter when a list has the wrong length. */
export function hiddenActivations(activation: TrainActivation | readonly TrainActivation[], hiddenLayers: number): TrainActivation[] {
  if (Array.isArray(activation)) {
    const list = activation as readonly TrainActivation[];
    if (list.length !== hiddenLayers) throw new Error(`activation must be one activation or a list of one per hidden layer (${hiddenLayers}); got a list of ${list.length}`);
    return list.map((a, l) => validateTrainActivation(a, `activation[${l}]`));
  }
  validateTrainActivation(activation as TrainActivation);
  return new Array<TrainActivation>(hiddenLayers).fill(activation as TrainActivation);
}

/**
 * One skip flag per hidden layer; throws naming the parameter when a list has the wrong length or a
 * residual layer has fan-in ≠ fan-out. `true` = every hidden layer after the first.
 */
export function residualFlags(residual: boolean | readonly boolean[] | undefined, widths: readonly number[]): boolean[] {
  const hidden = widths.length - 2;
  let flags: boolean[];
  if (residual === undefined || residual === false) return new Array<boolean>(hidden).fill(false);
  if (residual === true) flags = Array.from({ length: hidden }, (_, l) => l >= 1);
  else if (Array.isArray(residual)) {
    const list = residual as readonly unknown[];
    if (list.length !== hidden) throw new Error(`residual must be a boolean or a list of one flag per hidden layer (${hidden}); got a list of ${list.length}`);
    list.forEach((f, l) => {
      if (typeof f !== 'boolean') throw new Error(`residual[${l}] must be a boolean; got ${JSON.stringify(f)}`);
    });
    flags = [...(list as boolean[])];
  } else throw new Error(`residual must be a boolean or a list of one flag per hidden layer (${hidden}); got ${JSON.stringify(residual)}`);
  flags.forEach((f, l) => {
    if (f && widths[l] !== widths[l + 1]) {
      const name = residual === true ? 'residual' : `residual[${l}]`;
      throw new Error(`${name}: hidden layer ${l + 1} has fan-in ${widths[l]} ≠ fan-out ${widths[l + 1]}; a residual layer needs fan-in = fan-out`);
    }
  });
  return flags;
}

function batchedEngine(lay: Layout, act: readonly TrainActivation[], skip: readonly boolean[], data: readonly TrainData[], n: number, native: boolean): Engine {
  const { E, widths, L } = lay;
  const shared = data.length === 1;
  const B = shared ? 1 : E;
  const stackData = (get: (d: TrainData) => ArrayLike<number>, width: number): tf.Tensor3D => {
    const buf = new Float32Array(B * n * width);
    data.forEach((d, e) => buf.set(toF32(get(d)), e * n * width));
    return tf.tensor3d(buf, [B, n, width]);
  };
  const x = stackData((d) => d.inputs, widths[0]);
  const y = stackData((d) => d.targets, widths[L]);
  const ones = native ? tf.ones([1, 1, n]) as tf.Tensor3D : undefined;
  const affine = ones
    ? [nativeAffine(ones, false), nativeAffine(ones, true)]
    : undefined;
  const lossOf = (ps: tf.Tensor[]): tf.Tensor1D => {
    let h: tf.Tensor = x;
    for (let l = 0; l < L; l++) {
      const z = affine
        ? affine[l === 0 ? 0 : 1](h as tf.Tensor3D, ps[2 * l] as tf.Tensor3D, ps[2 * l + 1] as tf.Tensor3D)
        : tf.add(batchedProduct(h as tf.Tensor3D, ps[2 * l] as tf.Tensor3D, E, widths[l], widths[l + 1]), ps[2 * l + 1]);
      h = l < L - 1 ? (skip[l] ? tf.add(applyTrainActivation(act[l], z), h) : applyTrainActivation(act[l], z)) : z;
    }
    return tf.mean(tf.squaredDifference(h, y), [1, 2]) as tf.Tensor1D;
  };
  return {
    evaluate(theta, loss, withGrad) {
      const ps = theta.map((buf, p) => {
        const l = p >> 1;
        return p % 2 === 0 ? tf.tensor3d(buf, [E, widths[l], widths[l + 1]]) : tf.tensor3d(buf, [E, 1, widths[l + 1]]);
      });
      try {
        const arrays = lossAndGrads(lossOf, ps, loss, withGrad);
        return arrays && { grad: (p, e) => ({ arr: arrays[p], off: e * lay.size[p] }), dispose: () => undefined };
      } finally {
        tf.dispose(ps);
      }
    },
    dispose() {
      x.dispose();
      y.dispose();
      ones?.dispose();
    },
  };
}

function loopEngine(lay: Layout, act: readonly TrainActivation[], skip: readonly boolean[], data: readonly TrainData[], n: number): Engine {
  const { E, widths, L } = lay;
  const xs = data.map((d) => tf.tensor2d(toF32(d.inputs), [n, widths[0]]));
  const ys = data.map((d) => tf.tensor2d(toF32(d.targets), [n, widths[L]]));
  const P = 2 * L;
  const lossOf = (ps: tf.Tensor[]): tf.Tensor1D => {
    const losses: tf.Tensor[] = [];
    for (let e = 0; e < E; e++) {
      let h: tf.Tensor2D = xs[xs.length === 1 ? 0 : e];
      for (let l = 0; l < L; l++) {
        const z = tf.fused.matMul({ a: h, b: ps[e * P + 2 * l] as tf.Tensor2D, bias: ps[e * P + 2 * l + 1] });
        h = (l < L - 1 ? (skip[l] ? tf.add(applyTrainActivation(act[l], z), h) : applyTrainActivation(act[l], z)) : z) as tf.Tensor2D;
      }
      losses.push(tf.mean(tf.squaredDifference(h, ys[ys.length === 1 ? 0 : e])));
    }
    return tf.stack(losses) as tf.Tensor1D;
  };
  return {
    evaluate(theta, loss, withGrad) {
      const ps: tf.Tensor[] = [];
      for (let e = 0; e < E; e++) {
        for (let l = 0; l < L; l++) {
          const fanIn = widths[l];
          const fanOut = widths[l + 1];
          ps.push(tf.tensor2d(theta[2 * l].subarray(e * fanIn * fanOut, (e + 1) * fanIn * fanOut), [fanIn, fanOut]));
          ps.push(tf.tensor1d(theta[2 * l + 1].subarray(e * fanOut, (e + 1) * fanOut)));
        }
      }
      try {
        const arrays = lossAndGrads(lossOf, ps, loss, withGrad);
        return arrays && { grad: (p, e) => ({ arr: arrays[e * P + p], off: 0 }), dispose: () => undefined };
      } finally {
        tf.dispose(ps);
      }
    },
    dispose() {
      tf.dispose(xs);
      tf.dispose(ys);
    },
  };
}

/**
 * Trains E independent networks; see the file header for the loss, the step and checkpoint
 * semantics, the optimizers and the handling of non-finite values. Call `initEngine()` first.
 */
export async function trainEnsemble(options: TrainOptions): Promise<TrainResult> {
  const { params, activation, optimizer, steps } = options;
  if (!Array.isArray(params) || params.length < 1) throw new Error(`params must be a non-empty array of DenseParams64 (one per net); got ${Array.isArray(params) ? 'an empty array' : String(params)}`);
  params.forEach((p, e) => validateDenseParams(p, `params[${e}]`));
  const widths = widthsOf(params[0]);
  params.forEach((p, e) => {
    const w = widthsOf(p);
    if (w.length !== widths.length || w.some((v, i) => v !== widths[i])) {
      throw new Error(`params[${e}] must have the architecture of params[0] (widths [${widths.join(', ')}]); got [${w.join(', ')}]`);
    }
  });
  const acts = hiddenActivations(activation, widths.length - 2);
  const skip = residualFlags(options.residual, widths);
  const readoutBias = options.readoutBias ?? true;
  if (typeof readoutBias !== 'boolean') throw new Error(`readoutBias must be a boolean; got ${JSON.stringify(readoutBias)}`);
  const opt = validateOptimizer(optimizer);
  validateSteps(steps);
  const E = params.length;
  const L = widths.length - 1;
  const dataList: readonly TrainData[] = Array.isArray(options.data) ? (options.data as readonly TrainData[]) : [options.data as TrainData];
  if (Array.isArray(options.data) && dataList.length !== E) throw new Error(`data must be one data set or one per net (${E}); got ${dataList.length} data sets`);
  let n = -1;
  dataList.forEach((d, e) => {
    const ne = validateData(d, widths[0], widths[L], Array.isArray(options.data) ? `data[${e}]` : 'data');
    if (n >= 0 && ne !== n) throw new Error(`data[${e}] must have as many points as data[0] (${n}); got ${ne}`);
    n = ne;
  });
  const checkpointSteps = [...new Set(options.checkpoints ?? [])].sort((a, b) => a - b);
  checkpointSteps.forEach((c) => {
    if (!Number.isInteger(c) || c < 0 || c > steps) throw new Error(`checkpoints must be integers in [0, steps] = [0, ${steps}]; got ${c}`);
  });
  const success = options.success;
  if (success !== undefined && !(Number.isFinite(success.lossBelow) && success.lossBelow > 0)) {
    throw new Error(`success.lossBelow must be a finite number > 0; got ${success.lossBelow}`);
  }
  const lossEvery = options.lossEvery;
  if (lossEvery !== undefined && !(Number.isInteger(lossEvery) && lossEvery >= 1)) throw new Error(`lossEvery must be an integer ≥ 1; got ${lossEvery}`);
  const requested = options.strategy ?? 'auto';
  if (requested !== 'auto' && requested !== 'batched' && requested !== 'loop') throw new Error(`strategy must be 'auto', 'batched' or 'loop'; got "${String(requested)}"`);
  const strategy = requested === 'auto' ? chooseTrainStrategy(widths, n) : requested;

  const t0 = process.hrtime.bigint();
  const size: number[] = [];
  for (let l = 0; l < L; l++) size.push(widths[l] * widths[l + 1], widths[l + 1]);
  // The nets the engine computes: slot j holds net ids[j] (all nets until retired ones are dropped).
  let ids = Array.from({ length: E }, (_, e) => e);
  let lay: Layout = { E, widths, L, size };
  let theta = pack(params, lay);
  let m = opt.kind === 'adam' ? size.map((s) => new Float64Array(E * s)) : [];
  let v = opt.kind === 'adam' ? size.map((s) => new Float64Array(E * s)) : [];
  let slotLoss = new Float64Array(E);
  const loss = new Float64Array(E);
  const frozenLoss = new Float64Array(E);
  const divergedStep = new Int32Array(E).fill(-1);
  const retiredStep = new Int32Array(E).fill(-1);
  const retiredParams: (DenseParams64 | undefined)[] = new Array<DenseParams64 | undefined>(E);
  const successStep = success ? new Int32Array(E).fill(-1) : undefined;
  const checkpoints: Snapshot[] = [];
  const history: { step: number; loss: Float64Array }[] | undefined = lossEvery ? [] : undefined;
  let nextCheckpoint = 0;
  const native = nativeBatchMatMulActive();
  const makeEngine = (): Engine => {
    const d = dataList.length === 1 ? dataList : ids.map((e) => dataList[e]);
    return strategy === 'batched' ? batchedEngine(lay, acts, skip, d, n, native) : loopEngine(lay, acts, skip, d, n);
  };
  const paramsOf = (): DenseParams64[] => {
    const out = new Array<DenseParams64>(E);
    ids.forEach((e, j) => (out[e] = unpack(theta, lay, j)));
    retiredParams.forEach((p, e) => {
      if (p) out[e] = p;
    });
    return out;
  };
  /** Drops retired nets from the engine's tensors (their θ is kept in retiredParams). */
  const compact = (): void => {
    const keep = ids.map((e, j) => [e, j] as const).filter(([e]) => retiredStep[e] < 0);
    const copy = <A extends Float32Array | Float64Array>(arrs: A[], make: (len: number) => A): A[] =>
      arrs.map((a, p) => {
        const out = make(keep.length * size[p]);
        keep.forEach(([, j], k) => out.set(a.subarray(j * size[p], (j + 1) * size[p]), k * size[p]));
        return out;
      });
    theta = copy(theta, (len) => new Float32Array(len));
    m = copy(m, (len) => new Float64Array(len));
    v = copy(v, (len) => new Float64Array(len));
    ids = keep.map(([e]) => e);
    lay = { E: ids.length, widths, L, size };
    slotLoss = new Float64Array(ids.length);
    engine.dispose();
    engine = makeEngine();
  };

  const idle = (e: number): boolean => divergedStep[e] >= 0 || retiredStep[e] >= 0;
  let engine = makeEngine();
  let t = 0;
  try {
    for (;; t++) {
      const pass = engine.evaluate(theta, slotLoss, t < steps);
      try {
        // Record L(θ_t).
        ids.forEach((e, j) => (loss[e] = slotLoss[j]));
        let done = true;
        let allIdle = true;
        for (let e = 0; e < E; e++) {
          if (idle(e)) {
            loss[e] = frozenLoss[e];
          } else if (!Number.isFinite(loss[e])) {
            divergedStep[e] = t;
            frozenLoss[e] = loss[e];
          }
          if (successStep && successStep[e] < 0 && retiredStep[e] < 0 && loss[e] < success!.lossBelow) successStep[e] = t;
          if (!idle(e) && (!successStep || successStep[e] < 0)) done = false;
          if (!idle(e)) allIdle = false;
        }
        let stop = t === steps || (success?.stopWhenAllSucceeded === true && done);
        if (history && (t % lossEvery! === 0 || stop)) history.push({ step: t, loss: Float64Array.from(loss) });
        if (nextCheckpoint < checkpointSteps.length && checkpointSteps[nextCheckpoint] === t) {
          const snapshot = { step: t, loss: Float64Array.from(loss), params: paramsOf() };
          checkpoints.push(snapshot);
          nextCheckpoint++;
          if (options.retire) {
            for (const e of options.retire(snapshot)) {
              if (!Number.isInteger(e) || e < 0 || e >= E) throw new Error(`retire must return net indices in [0, ${E - 1}]; got ${e}`);
              if (idle(e)) continue;
              retiredStep[e] = t;
              frozenLoss[e] = loss[e];
              retiredParams[e] = snapshot.params[e];
            }
            if (ids.every((e) => idle(e))) stop = true;
          }
        }
        if (allIdle && options.retire) stop = true;
        if (stop) break;
        // Update θ_t → θ_{t+1}, net by net (frozen and retired nets are skipped).
        const grad = pass!.grad;
        const step = t + 1;
        const c1 = opt.kind === 'adam' ? 1 - pow(opt.beta1, step) : 1;
        const c2 = opt.kind === 'adam' ? 1 - pow(opt.beta2, step) : 1;
        for (let j = 0; j < ids.length; j++) {
          const e = ids[j];
          if (idle(e)) continue;
          let finite = true;
          for (let p = 0; p < 2 * L && finite; p++) {
            const { arr, off } = grad(p, j);
            for (let k = off, end = off + size[p]; k < end; k++) {
              if (!isFiniteNumber(arr[k])) {
                finite = false;
                break;
              }
            }
          }
          if (!finite) {
            divergedStep[e] = t;
            frozenLoss[e] = loss[e];
            continue;
          }
          for (let p = 0; p < 2 * L; p++) {
            if (p === 2 * L - 1 && !readoutBias) continue;
            const { arr, off } = grad(p, j);
            const th = theta[p];
            const base = j * size[p];
            const len = size[p];
            if (opt.kind === 'sgd') {
              const lr = opt.lr;
              for (let k = 0; k < len; k++) th[base + k] -= lr * arr[off + k];
            } else {
              const { lr, beta1: b1, beta2: b2, epsilon: eps } = opt;
              const mp = m[p];
              const vp = v[p];
              for (let k = 0; k < len; k++) {
                const g = arr[off + k];
                const mk = b1 * mp[base + k] + (1 - b1) * g;
                const vk = b2 * vp[base + k] + (1 - b2) * g * g;
                mp[base + k] = mk;
                vp[base + k] = vk;
                th[base + k] -= (lr * (mk / c1)) / (sqrt(vk / c2) + eps);
              }
            }
          }
        }
      } finally {
        pass?.dispose();
      }
      const retiredSlots = ids.reduce((k, e) => k + (retiredStep[e] >= 0 ? 1 : 0), 0);
      if (retiredSlots > 0 && retiredSlots >= ids.length / 4) compact();
    }
  } finally {
    engine.dispose();
  }
  const totalMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    strategy,
    stepsRun: t,
    finalLoss: Float64Array.from(loss),
    finalParams: paramsOf(),
    checkpoints,
    ...(successStep ? { successStep } : {}),
    divergedStep,
    retiredStep,
    ...(history ? { history } : {}),
    timing: { totalMs, stepsPerSecond: t / (totalMs / 1000) },
  };
}
