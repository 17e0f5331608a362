/**
 * FM1 audit of an initializer (Hanin & Rolnick 2018, docs/claims.md §2.3): what a weight sampler
 * *does*, measured, against what FM1 needs.
 *
 * For a fully connected ReLU network with zero biases and independent weights of any symmetric law
 * with variance σ_l², E[M_l] = (n_{l−1}σ_l²/2)·E[M_{l−1}] exactly (HR2018.FM1.mean-length, [D]): the
 * gain per layer is g = c/2 with c = fan-in · variance, and E[M_d]/M_0 = g^d. FM1 is avoided iff
 * g = 1 (He: c = 2); a gain off by 1% multiplies the mean length by 0.37–2.7 over 100 layers.
 *
 * Measured, per initializer (square layers of width n, K kernels):
 * - c: fan-in × the mean squared weight (the laws are centred), with a 99.9% interval from the
 *   sample's own fourth moment (Var(w²)/N for N weights; N = K·n² ≈ 4·10⁵, so the normal limit is
 *   exact to many digits);
 * - E[M_d]/M_0 at depth d by forward passes of K nets (float64, zero biases), with a 99.9% interval:
 *   the direct check of the prediction g^d.
 * Verdict on FM1 (a resolution fixed here: |g − 1| ≤ 0.01 keeps the mean length within ×[0.37, 2.7]
 * over 100 layers): "avoids FM1" when the interval of g lies inside [0.99, 1.01], "triggers FM1" when
 * it lies outside, else "undetermined". The corrected scale is the factor 2/c on the variance.
 */
import { RandomStream } from '../../engine/random/stream';
import { deriveSeed } from '../../engine/random/seed';
import { Z_999 } from '../harness/worlds';
import { sampleMoments } from '../stats';

/** A weight sampler under audit: one kernel [fanOut × fanIn] (row j = neuron j's weights) per seed. */
export type KernelSampler = (fanIn: number, fanOut: number, seed: number) => Float64Array;

export const FM1_RESOLUTION = 0.01;

export interface AuditDesign {
  width: number;
  /** Kernels drawn for c (each width × width). */
  kernels: number;
  /** Depths at which the prediction g^d is printed; the forward check runs at `checkDepth`. */
  depths: number[];
  checkDepth: number;
  /** Networks of the forward check. */
  nets: number;
  seed: number;
}

export const DEFAULT_AUDIT: AuditDesign = { width: 64, kernels: 400, depths: [10, 50, 100], checkDepth: 10, nets: 200, seed: 20181203 };

export interface InitializerAudit {
  /** fan-in × variance, measured, with its 99.9% interval. */
  c: { estimate: number; lower: number; upper: number };
  /** Gain per layer g = c/2. */
  gain: { estimate: number; lower: number; upper: number };
  /** g^d at each depth of the design (from the estimate and the interval's ends). */
  predicted: { depth: number; estimate: number; lower: number; upper: number }[];
  /** E[M_d]/M_0 measured at checkDepth by forward passes, with its 99.9% interval. */
  measured: { depth: number; estimate: number; lower: number; upper: number };
  verdict: 'avoids FM1' | 'triggers FM1' | 'undetermined';
  /** Multiply the variance by this to reach c = 2. */
  varianceCorrection: number;
}

export function auditInitializer(sample: KernelSampler, design: AuditDesign = DEFAULT_AUDIT): InitializerAudit {
  const n = design.width;
  // c from the pooled squared weights.
  let s2 = 0;
  let s4 = 0;
  let count = 0;
  for (let k = 0; k < design.kernels; k++) {
    const w = sample(n, n, deriveSeed(design.seed, 'kernel', k));
    for (const v of w) {
      const q = v * v;
      s2 += q;
      s4 += q * q;
    }
    count += w.length;
  }
  const m2 = s2 / count;
  const varQ = Math.max(0, s4 / count - m2 * m2);
  const half = (Z_999 * Math.sqrt(varQ / count)) * n;
  const c = { estimate: n * m2, lower: n * m2 - half, upper: n * m2 + half };
  const gain = { estimate: c.estimate / 2, lower: c.lower / 2, upper: c.upper / 2 };
  // Forward check: E[M_d]/M_0 at checkDepth, ReLU, zero biases, width n.
  const ratios = new Float64Array(design.nets);
  const stream = new RandomStream(deriveSeed(design.seed, 'inputs'));
  for (let e = 0; e < design.nets; e++) {
    let h = new Float64Array(n);
    stream.fillNormal(h);
    let m0 = 0;
    for (const v of h) m0 += v * v;
    for (let l = 0; l < design.checkDepth; l++) {
      const W = sample(n, n, deriveSeed(design.seed, 'net', e, l));
      const next = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        let z = 0;
        for (let i = 0; i < n; i++) z += W[j * n + i] * h[i];
        next[j] = z > 0 ? z : 0;
      }
      h = next;
    }
    let md = 0;
    for (const v of h) md += v * v;
    ratios[e] = md / m0;
  }
  const r = sampleMoments(ratios);
  const rHalf = (Z_999 * r.sd) / Math.sqrt(r.n);
  const verdict = gain.lower >= 1 - FM1_RESOLUTION && gain.upper <= 1 + FM1_RESOLUTION ? 'avoids FM1' : gain.upper < 1 - FM1_RESOLUTION || gain.lower > 1 + FM1_RESOLUTION ? 'triggers FM1' : 'undetermined';
  return {
    c,
    gain,
    predicted: design.depths.map((d) => ({ depth: d, estimate: gain.estimate ** d, lower: Math.max(0, gain.lower) ** d, upper: gain.upper ** d })),
    measured: { depth: design.checkDepth, estimate: r.mean, lower: r.mean - rHalf, upper: r.mean + rHalf },
    verdict,
    varianceCorrection: 2 / c.estimate,
  };
}
