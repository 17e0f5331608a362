/**
 * The residual model of Hanin & Rolnick (2018) shared by the ResNet claims (claim sheet:
 * docs/claims.md §2.4): its configuration, η schedules, the hypotheses (validated here) and the
 * exact moments of the length ratio.
 *
 * Model. Width n everywhere (input x ∈ R^n, no input projection), L residual modules
 *
 *     z_0 = x,   z_l = z_{l−1} + η_l · W2_l · ReLU(W1_l z_{l−1}),
 *
 * W1_l, W2_l ∈ R^{n×n}, zero biases, W1 i.i.d. symmetric of variance 2/n (He), W2 i.i.d. symmetric
 * of variance 1/n (the module's last layer is linear), all independent; M_l = ‖z_l‖²/n.
 *
 * Moments (Gaussian weights, [D]). R_l = ‖z_l‖²/‖z_{l−1}‖² has a law independent of z_{l−1}
 * (rotation invariance), so E[(M_L/M_0)^k] = ∏_l E[R_l^k]. With s² = ‖h‖²/n (h = ReLU(W1 z), ‖z‖ = 1),
 * g ~ N(0, 1) and C ~ χ²_{n−1} independent, R = (1 + η s g)² + η² s² C; ‖h‖² is a sum of n i.i.d.
 * (2/n)·ReLU(N(0,1))², whose moments follow from its cumulants ({@link moduleRatioMoment}; used to
 * size the Monte Carlo and to check the closed forms of the claims).
 */
import { OutOfDomainError } from '../types';

/** How a configuration's η_1 … η_L were generated (informational: the prediction reads `etas`). */
export type EtaSchedule =
  | { kind: 'constant'; eta: number; modules: number }
  | { kind: 'geometric'; eta1: number; ratio: number; modules: number }
  | { kind: 'harmonic'; eta1: number; modules: number };

export interface ResNetConfig {
  /** n: width of the input and of every module. */
  width: number;
  /** η_1 … η_L, the output scale of each residual module. */
  etas: number[];
  /** The schedule the etas come from, if any (checked against `etas`). */
  schedule?: EtaSchedule;
}

/** Constant η_l = η: Σ η_l² = Lη² grows with L (FM1 unless η → 0 with L). */
export function constantEtas(eta: number, modules: number): number[] {
  return Array.from({ length: modules }, () => eta);
}

/** Geometric η_l = η_1 · b^(l−1), 0 < b < 1: Σ η_l² < η_1²/(1 − b²) for every L (summable). */
export function geometricEtas(eta1: number, ratio: number, modules: number): number[] {
  return Array.from({ length: modules }, (_, l) => eta1 * ratio ** l);
}

/** Harmonic η_l = η_1 / l: Σ η_l² < η_1² π²/6 for every L (summable). */
export function harmonicEtas(eta1: number, modules: number): number[] {
  return Array.from({ length: modules }, (_, l) => eta1 / (l + 1));
}

export function etasOf(schedule: EtaSchedule): number[] {
  switch (schedule.kind) {
    case 'constant':
      return constantEtas(schedule.eta, schedule.modules);
    case 'geometric':
      return geometricEtas(schedule.eta1, schedule.ratio, schedule.modules);
    case 'harmonic':
      return harmonicEtas(schedule.eta1, schedule.modules);
  }
}

/** A configuration from a schedule. */
export function scheduled(width: number, schedule: EtaSchedule): ResNetConfig {
  return { width, etas: etasOf(schedule), schedule };
}

function scheduleProblem(s: EtaSchedule, etas: readonly number[]): string | undefined {
  if (!['constant', 'geometric', 'harmonic'].includes(s.kind)) return `schedule.kind must be constant, geometric or harmonic; got "${(s as { kind: string }).kind}"`;
  if (!Number.isInteger(s.modules) || s.modules < 1) return `schedule.modules must be an integer ≥ 1; got ${s.modules}`;
  if (s.kind === 'geometric' && !(s.ratio > 0 && s.ratio < 1)) return `schedule.ratio (b in η_l = η_1·b^(l−1)) must lie in (0, 1) for a summable schedule; got ${s.ratio}`;
  const expected = etasOf(s);
  if (expected.length !== etas.length || expected.some((e, l) => e !== etas[l])) {
    return `etas do not follow schedule ${JSON.stringify(s)}`;
  }
  return undefined;
}

/** Checks the model's hypotheses (shared by the ResNet claims); returns the configuration. */
export function checkResNetDomain(id: string, config: ResNetConfig): ResNetConfig {
  const { width, etas } = config;
  if (!Number.isInteger(width) || width < 1) throw new OutOfDomainError(id, `width (n) must be an integer ≥ 1; got ${width}`);
  if (!Array.isArray(etas) || etas.length < 1) throw new OutOfDomainError(id, `etas must list η_1 … η_L with L ≥ 1 modules; got ${JSON.stringify(etas)}`);
  etas.forEach((eta, l) => {
    if (typeof eta !== 'number' || !Number.isFinite(eta) || eta < 0) {
      throw new OutOfDomainError(id, `etas[${l}] (η_${l + 1}, a module's output scale) must be a finite number ≥ 0; got ${eta}`);
    }
  });
  const problem = config.schedule ? scheduleProblem(config.schedule, etas) : undefined;
  if (problem !== undefined) throw new OutOfDomainError(id, problem);
  return config;
}

/** ∏_l (1 + η_l²): E[M_L]/M_0 (HR2018.ResNet.mean-length). */
export function resnetMeanRatio(config: Pick<ResNetConfig, 'etas'>): number {
  return config.etas.reduce((p, eta) => p * (1 + eta * eta), 1);
}

const binomial = (a: number, b: number): number => {
  let r = 1;
  for (let i = 1; i <= b; i++) r = (r * (a - b + i)) / i;
  return r;
};
/** E[g^i] for g ~ N(0, 1): (i − 1)!! for even i, 0 for odd i. */
const gaussianMoment = (i: number): number => {
  if (i % 2 === 1) return 0;
  let r = 1;
  for (let j = i - 1; j > 1; j -= 2) r *= j;
  return r;
};
/** E[C^m] for C ~ χ²_df: df (df + 2) … (df + 2m − 2). */
const chiSquareMoment = (df: number, m: number): number => {
  let r = 1;
  for (let t = 0; t < m; t++) r *= df + 2 * t;
  return r;
};

/** E[S^m], m = 0..order, for S = ‖ReLU(W1 z)‖² with ‖z‖ = 1 (a sum of n i.i.d. (2/n)·ReLU(g)²). */
function hiddenNormMoments(width: number, order: number): number[] {
  // Raw moments of X = (2/n)·ReLU(g)²: E X^j = (2/n)^j · ½ · (2j − 1)!!.
  const x = Array.from({ length: order + 1 }, (_, j) => (j === 0 ? 1 : (2 / width) ** j * 0.5 * gaussianMoment(2 * j)));
  // Cumulants of X from its moments, then S has cumulants n·κ_j, then raw moments of S.
  const kappa = [0];
  for (let m = 1; m <= order; m++) {
    let k = x[m];
    for (let j = 1; j < m; j++) k -= binomial(m - 1, j - 1) * kappa[j] * x[m - j];
    kappa.push(k);
  }
  const s = [1];
  for (let m = 1; m <= order; m++) {
    let v = 0;
    for (let j = 1; j <= m; j++) v += binomial(m - 1, j - 1) * width * kappa[j] * s[m - j];
    s.push(v);
  }
  return s;
}

/**
 * E[R^k] of one module, R = ‖z_l‖²/‖z_{l−1}‖², exactly, for k ≥ 0 (Gaussian weights). k = 1 gives
 * 1 + η², k = 2 the closed form of HR2018.ResNet.bounded-second-moment (moduleSecondMoment).
 */
export function moduleRatioMoment(k: number, eta: number, width: number): number {
  if (!Number.isInteger(k) || k < 0) throw new Error(`k must be an integer ≥ 0; got ${k}`);
  const hidden = hiddenNormMoments(width, k); // E[S^p]; E[s^{2p}] = E[S^p]/n^p
  const sPow = (p: number): number => hidden[p] / width ** p; // E[s^{2p}]
  let total = 0;
  for (let j = 0; j <= k; j++) {
    // R^k = Σ_j C(k,j) (1 + η s g)^{2j} (η² s² C)^{k−j}
    for (let i = 0; i <= 2 * j; i += 2) {
      const p = i / 2 + (k - j); // power of s²
      total += binomial(k, j) * chiSquareMoment(width - 1, k - j) * binomial(2 * j, i) * gaussianMoment(i) * eta ** (2 * p) * sPow(p);
    }
  }
  return total;
}

/** E[(M_L/M_0)^k] = ∏_l E[R_l^k] (Gaussian weights). */
export function lengthRatioMoment(k: number, config: Pick<ResNetConfig, 'width' | 'etas'>): number {
  return config.etas.reduce((p, eta) => p * moduleRatioMoment(k, eta, config.width), 1);
}
