/**
 * FM1 in residual networks: the mean activation length (Hanin & Rolnick 2018, abstract; ResNet
 * section). Claim sheet: shared/claims.md §2.4.
 *
 * Model. Width n everywhere (input x ∈ R^n, no input projection), L residual modules
 *
 *     z_0 = x,   z_l = z_{l−1} + η_l · W2_l · ReLU(W1_l z_{l−1}),
 *
 * W1_l, W2_l ∈ R^{n×n}, zero biases, W1 i.i.d. symmetric of variance 2/n (He), W2 i.i.d. symmetric
 * of variance 1/n (the module's last layer is linear), all independent; M_l = ‖z_l‖²/n.
 *
 * Statement. For a fixed input x ≠ 0,
 *
 *     E[M_L] / M_0 = ∏_{l=1}^{L} (1 + η_l²).
 *
 * So the mean length stays bounded in depth iff Σ_l η_l² < ∞ ("correctly scaling the residual
 * modules"); a constant η explodes like (1 + η²)^L.
 *
 * Why [D]. Condition on z = z_{l−1}. y = W1 z has independent symmetric coordinates of variance
 * 2‖z‖²/n, and ReLU keeps half of a symmetric variable's second moment, so h = ReLU(y) has
 * E‖h‖² = n · ‖z‖²/n = ‖z‖². Given h, u = W2 h has E‖u‖² = n · ‖h‖²/n = ‖h‖², and
 * E⟨z, u⟩ = Σ_i z_i E[(W2 h)_i] = 0 because W2 is centred and independent of h. Hence
 * E[‖z_l‖² | z_{l−1}] = ‖z_{l−1}‖² + 2η E⟨z, u⟩ + η² E‖u‖² = (1 + η_l²) ‖z_{l−1}‖²; take
 * expectations module by module. In the claim sheet's notation the per-module gain is
 * a_l = η_l² κ with κ = E‖W2 ReLU(W1 z)‖²/‖z‖² = 1 for this module.
 */
import { OutOfDomainError, type Theorem } from '../types';
import { cite } from './paper';

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

export const ID = 'HR2018.ResNet.mean-length';

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

/** ∏_l (1 + η_l²). */
export function resnetMeanRatio(config: Pick<ResNetConfig, 'etas'>): number {
  return config.etas.reduce((p, eta) => p * (1 + eta * eta), 1);
}

export const resnetMeanLength: Theorem<ResNetConfig> = {
  id: ID,
  title: 'ResNet FM1: mean length is multiplied by 1 + η_l² per residual module',
  paper: cite('abstract ("FM1 … in ResNets … avoided by correctly scaling the residual modules"); ResNet section'),
  provenance: 'D',
  statement:
    'For z_l = z_{l−1} + η_l W2_l ReLU(W1_l z_{l−1}) (width n, zero biases, W1 of variance 2/n, W2 symmetric of variance 1/n): E[M_L]/M_0 = ∏_{l=1}^{L} (1 + η_l²), x fixed. Bounded in L iff Σ η_l² < ∞; constant η explodes like (1 + η²)^L.',
  hypotheses: [
    'residual modules z ↦ z + η_l W2_l ReLU(W1_l z) of width n, no input projection, zero biases',
    'W1_l i.i.d. from a symmetric law of variance 2/n (He); W2_l i.i.d. from a symmetric law of variance 1/n; all modules independent',
    'η_l finite and ≥ 0 (the output scale of module l)',
    'input x fixed and non-zero; expectation over the weights',
  ],
  verification:
    '[P] abstract: FM1 in ResNets is avoided "by correctly scaling the residual modules". [R] the paper\'s parameterization (claims.md §2.4 recalls "Σ η_l < ∞" with η_l the per-module contribution to the squared length); here η_l scales the module OUTPUT, so the condition reads Σ η_l² < ∞. [D] the exact product ∏(1 + η_l²): derived in this file\'s doc comment (cross term zero by symmetry of W2) and Monte Carlo checked (engine/measure/residual-lengths.test.ts and the property test).',
  domain: (config) => {
    checkResNetDomain(ID, config);
    if (!Number.isFinite(resnetMeanRatio(config))) {
      throw new OutOfDomainError(ID, `the predicted E[M_L]/M_0 = ∏(1 + η_l²) overflows float64; got etas ${JSON.stringify(config.etas)}`);
    }
    return config;
  },
  predict: resnetMeanRatio,
};
