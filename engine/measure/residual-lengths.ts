/**
 * Activation lengths of an ensemble of independent residual networks, carried in log space.
 *
 * The network (Hanin & Rolnick 2018, ResNets): width n everywhere, no input projection, L modules
 *   z_0 = x,   z_l = z_{l−1} + η_l · W2_l · σ(W1_l z_{l−1}),
 * W1_l, W2_l ∈ R^{n×n} with zero biases, W1 of He variance 2/n, W2 of variance 1/n (the module's
 * last layer is linear and symmetric), σ = ReLU. For every network e, input b and module l the
 * engine records log M_l with M_l = ‖z_l‖²/n.
 *
 * Log space. The map z ↦ z + η W2 σ(W1 z) is positively homogeneous (σ is), so with
 * z_{l−1} = s·h, mean(h²) = 1, the engine computes r·(h/r + (η/r)·W2 σ(W1 h)) with r = max(η, 1)
 * (neither term overflows float32 for any finite η), renormalises the result to unit RMS and carries
 * log M as a log. The trace is accumulated as log(M_l/M_0) and log M_0 is added in float64, so a
 * module with η_l = 0 (the identity: it is skipped, its weights still drawn) leaves log M exactly
 * unchanged.
 *
 * Randomness: network e draws from `netStream(seed, 'net', e)` (the engine component; default
 * `deriveSeed(seed, 'net', e)`), per module W1 then W2 (row-major [n_in, n_out], the h·W convention
 * of `ensembleMatMul`), so a network does not depend on how many run beside it, on the chunking, or
 * on the other modules' η.
 *
 * Mutants: `residualScale` replaces every η_l (e.g. `residual-scale-ignored`: η = 1); `variance`
 * sees W1 as the He rule and W2 as the LeCun rule (1/fan-in); `law` and `activation` apply as in
 * fully connected networks.
 */
import * as tf from '@tensorflow/tfjs';
import { RandomStream } from '../random/stream';
import { netSeed, type NetStreamFn } from '../random/net-stream';
import { fingerprint } from '../random/fingerprint';
import { sampleLaw, sampleLawEach, type WeightLaw, type WeightSampler } from '../init/laws';
import { nominalVariance, type VarianceRule } from '../init/initializer';
import { applyActivation, relu, type Activation } from '../network/activation';
import type { ActivationFn, VarianceFn } from '../network/spec';
import { MAX_WIDTH } from '../network/architecture';
import { chooseStrategy, ensembleMatMul, type MatMulStrategy } from '../network/ensemble-matmul';
import { initEngine } from '../backend';
import { MAX_CHUNK_WEIGHTS } from './lengths';
import { classifyUnits, normalizeInputs, renormalize, storeLayers, validateNets, type LogLengthTrace } from './log-space';

export { lengthRatio, STATUS_DEAD, STATUS_NONFINITE, STATUS_OK, type LogLengthTrace } from './log-space';

/** Largest number of residual modules accepted. */
export const MAX_MODULES = 10_000;

/** Variance rules of the module's two layers, as the `variance` component sees them. */
export const W1_RULE: VarianceRule = { preset: 'he' };
export const W2_RULE: VarianceRule = { preset: 'lecun' };

export interface ResidualLengthExperiment {
  /** n: the width of the input and of every module (W1, W2 ∈ R^{n×n}). */
  width: number;
  /** η_1 … η_L: the output scale of each residual module (finite, ≥ 0). */
  etas: readonly number[];
  /** Fixed inputs, row-major [B × n]; shared by every network. */
  inputs: Float32Array;
  /** Number of independent networks. */
  nets: number;
  /** Seed of the experiment; network e draws from `netStream(seed, 'net', e)` (the component; default `deriveSeed(seed, 'net', e)`). */
  seed: number;
  /** Components substituted for the engine's defaults (engine/components.ts). */
  parts?: ResidualParts;
  strategy?: MatMulStrategy | 'auto';
}

/** Component: the output scale the engine applies for a module's nominal η (default: η itself). */
export type ResidualScaleFn = (eta: number) => number;

/** The components a residual experiment uses. */
export interface ResidualParts {
  variance?: VarianceFn;
  activation?: ActivationFn;
  sampleWeights?: WeightSampler;
  residualScale?: ResidualScaleFn;
  netStream?: NetStreamFn;
}

/** What the engine actually runs for one module (after its components). */
export interface ResolvedResidualModule {
  eta: number;
  law: WeightLaw;
  /** Nominal std of W1 and W2 (see init/laws.ts for what it means per law). */
  std1: number;
  std2: number;
  activation: Activation;
}

export interface ResidualLengthTrace extends LogLengthTrace {
  width: number;
  modules: ResolvedResidualModule[];
  strategy: MatMulStrategy;
}

export function validateResidualExperiment(exp: Pick<ResidualLengthExperiment, 'width' | 'etas' | 'nets'>): void {
  const { width, etas } = exp;
  if (!Number.isInteger(width) || width < 1 || width > MAX_WIDTH) {
    throw new Error(`width must be an integer in [1, ${MAX_WIDTH}]; got ${width}`);
  }
  if (!Array.isArray(etas) || etas.length < 1 || etas.length > MAX_MODULES) {
    throw new Error(`etas must list η_1 … η_L for 1 ≤ L ≤ ${MAX_MODULES} modules; got ${Array.isArray(etas) ? `${etas.length} values` : JSON.stringify(etas)}`);
  }
  etas.forEach((eta, l) => {
    if (typeof eta !== 'number' || !Number.isFinite(eta) || eta < 0) {
      throw new Error(`etas[${l}] (η_${l + 1}) must be a finite number ≥ 0; got ${eta}`);
    }
  });
  validateNets(exp.nets);
}

/** The modules the engine runs: η through the residual-scale component, He/LeCun variances and ReLU through theirs. */
export function resolveResidualModules(width: number, etas: readonly number[], parts: ResidualParts = {}): ResolvedResidualModule[] {
  const variance = parts.variance ?? nominalVariance;
  const std1 = Math.sqrt(variance(W1_RULE, width, width));
  const std2 = Math.sqrt(variance(W2_RULE, width, width));
  const law: WeightLaw = 'gaussian';
  const activation = parts.activation ? parts.activation(relu) : relu;
  return etas.map((eta) => {
    const resolved = parts.residualScale ? parts.residualScale(eta) : eta;
    if (!Number.isFinite(resolved) || resolved < 0) throw new Error(`residualScale component: the scale must be finite and ≥ 0; got ${resolved} for η = ${eta}`);
    return { eta: resolved, law, std1, std2, activation };
  });
}

/** Runs the ensemble and returns every unit's log-length trace (log M_l, l = 0..L). */
export async function measureResidualLengths(exp: ResidualLengthExperiment): Promise<ResidualLengthTrace> {
  await initEngine();
  validateResidualExperiment(exp);
  const n = exp.width;
  const modules = resolveResidualModules(n, exp.etas, exp.parts);
  const sample = exp.parts?.sampleWeights ?? sampleLaw;
  const netStream = exp.parts?.netStream ?? netSeed;
  const { unit: unitInputs, logM0, batch } = normalizeInputs(exp.inputs, n);
  const depth = modules.length;
  const stride = depth + 1;
  const logM = new Float64Array(exp.nets * batch * stride);
  const fingerprints = new Float64Array(exp.nets);
  const perNet = n * n;
  const chunk = Math.max(1, Math.min(exp.nets, Math.floor(MAX_CHUNK_WEIGHTS / (2 * perNet))));
  const strategy = chooseStrategy(batch, n, n, exp.strategy ?? 'auto');
  const zeroLogM0 = new Float64Array(batch);

  const x = tf.tensor3d(unitInputs, [1, batch, n]);
  for (let start = 0; start < exp.nets; start += chunk) {
    const count = Math.min(chunk, exp.nets - start);
    const streams = Array.from({ length: count }, (_, e) => new RandomStream(netStream(exp.seed, 'net', start + e)));
    let z = tf.broadcastTo(x, [count, batch, n]) as tf.Tensor3D;
    // log(M_l / M_0) of the true activations; z holds them at unit RMS.
    const logStart = tf.zeros([count, batch]) as tf.Tensor2D;
    let logS = logStart;
    const perLayer: tf.Tensor2D[] = [];
    const w1 = new Float32Array(count * perNet);
    const w2 = new Float32Array(count * perNet);
    for (const [l, m] of modules.entries()) {
      if (exp.parts?.sampleWeights) {
        streams.forEach((s, e) => {
          sample(s, m.law, m.std1, w1, e * perNet, perNet);
          sample(s, m.law, m.std2, w2, e * perNet, perNet);
        });
      } else {
        // Per network: W1 then W2, as above (every network draws from its own stream).
        sampleLawEach(streams, m.law, m.std1, w1, perNet);
        sampleLawEach(streams, m.law, m.std2, w2, perNet);
      }
      if (l === 0) for (let e = 0; e < count; e++) fingerprints[start + e] = fingerprint(w1, e * perNet, perNet);
      if (m.eta === 0) {
        perLayer.push(tf.clone(logS)); // the identity module: M_l = M_{l−1} exactly
        continue;
      }
      const r = Math.max(m.eta, 1);
      const [zNext, logNext] = tf.tidy(() => {
        const a = ensembleMatMul(z, w1, [count, n, n], strategy);
        const h = applyActivation(m.activation, a) as tf.Tensor3D;
        const u = ensembleMatMul(h, w2, [count, n, n], strategy);
        const sum = r === 1 ? tf.add(z, tf.mul(u, m.eta)) : tf.add(tf.mul(z, 1 / r), tf.mul(u, m.eta / r));
        // Any non-finite value in the pre-activation or the module output poisons the log.
        const pre = tf.add(a, u);
        return renormalize(sum, tf.add(logS, 2 * Math.log(r)) as tf.Tensor2D, pre) as [tf.Tensor3D, tf.Tensor2D];
      });
      z.dispose();
      z = zNext;
      logS = logNext;
      perLayer.push(logNext);
    }
    z.dispose();
    await storeLayers(perLayer, logM, zeroLogM0, start, count);
    tf.dispose([...perLayer, logStart]);
    for (let u = start * batch; u < (start + count) * batch; u++) {
      const m0 = logM0[u % batch];
      for (let l = 0; l <= depth; l++) logM[u * stride + l] += m0;
    }
  }
  x.dispose();

  return {
    width: n,
    modules,
    strategy,
    nets: exp.nets,
    inputsPerNet: batch,
    depth,
    logM,
    ...classifyUnits(logM, exp.nets * batch, depth),
    fingerprints,
  };
}
