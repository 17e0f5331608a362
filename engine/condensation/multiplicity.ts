/**
 * The multiplicity of an activation (Zhou et al. 2022, Definition 1): σ has multiplicity p when
 * σ^(k)(0) = 0 for k = 1, …, p − 1 and σ^(p)(0) ≠ 0 (σ(0) itself is unconstrained). ReLU is not
 * differentiable at 0: "the multiplicity definition cannot apply".
 *
 * Computed from the engine's float64 activation (engine/train/activations.ts `activation64`, after a
 * mutant's activation rewrite) by finite differences — never from a table:
 *
 * - Kink test. One-sided slopes Δ(h) = (σ(h) − σ(0))/h − (σ(0) − σ(−h))/h at h = 1/32 and h/2: for
 *   a C² function Δ(h) = hσ''(0) + O(h²) halves with h; at a kink it tends to the jump of σ'. σ is
 *   declared not differentiable at 0 when |Δ(h/2)| > 10⁻³ and |Δ(h/2)| > 0.75·|Δ(h)|.
 * - Derivatives. D_k(h) = h^(−k) Σ_i (−1)^i C(k, i) σ((k/2 − i)h), the k-th central difference
 *   (error (k h²/24)σ^(k+2)(0) + O(h⁴)), Richardson-extrapolated: R_k = (4D_k(h/2) − D_k(h))/3,
 *   error O(h⁴). With h = 1/32 the nodes lie in |x| ≤ 5/64 (well inside tanh's radius of convergence
 *   π/2) and the float64 rounding of D_k(h/2) is ≲ 2^k ε max|σ| / (h/2)^k ≤ 4·10⁻⁶·max|σ| for k ≤ 5.
 * - Tolerance rule: σ^(k)(0) is zero iff |R_k| ≤ 10⁻⁵; the multiplicity is the first k ≤ 5 with
 *   |R_k| > 10⁻⁵. The non-zero derivatives of the paper's activations are ≥ 1/8 in magnitude
 *   (sigmoid'''(0) = −1/8), four orders above the tolerance. The Richardson error estimate
 *   |D_k(h/2) − D_k(h)|/3 is reported; a value above 10⁻²·max(1, |R_k|) (σ too rough for the step)
 *   is an error.
 *
 * {@link exactTaylorDerivatives} gives the exact derivatives at 0 for the smooth activations from
 * their power series (Taylor-mode recurrences), for the unit tests.
 */
import { activation64, type TrainActivation } from '../train/activations';

export const FD_STEP = 1 / 32;
export const ZERO_TOLERANCE = 1e-5;
export const MAX_ORDER = 5;
export const KINK_MIN_JUMP = 1e-3;

export type MultiplicityResult =
  | { applicable: true; p: number; derivatives: number[]; errorEstimates: number[] }
  | { applicable: false; reason: string; slopeJump: number };

function binomial(k: number, i: number): number {
  let c = 1;
  for (let j = 1; j <= i; j++) c = (c * (k - i + j)) / j;
  return c;
}

/** k-th central difference of σ at 0 with step h. */
export function centralDifference(sigma: (x: number) => number, k: number, h: number): number {
  let s = 0;
  for (let i = 0; i <= k; i++) s += (i % 2 === 0 ? 1 : -1) * binomial(k, i) * sigma((k / 2 - i) * h);
  return s / h ** k;
}

/** Multiplicity p of σ computed from its float64 values near 0 (rules in the file header). */
export function computeMultiplicity(sigma: (x: number) => number): MultiplicityResult {
  const h = FD_STEP;
  const jump = (step: number) => (sigma(step) - sigma(0)) / step - (sigma(0) - sigma(-step)) / step;
  const j1 = jump(h);
  const j2 = jump(h / 2);
  if (Math.abs(j2) > KINK_MIN_JUMP && Math.abs(j2) > 0.75 * Math.abs(j1)) {
    return { applicable: false, reason: `σ' jumps by ${j2.toPrecision(4)} at 0 (one-sided slopes differ): not differentiable, the definition does not apply`, slopeJump: j2 };
  }
  const derivatives: number[] = [];
  const errorEstimates: number[] = [];
  for (let k = 1; k <= MAX_ORDER; k++) {
    const a = centralDifference(sigma, k, h);
    const b = centralDifference(sigma, k, h / 2);
    const r = (4 * b - a) / 3;
    const err = Math.abs(b - a) / 3;
    if (err > 1e-2 * Math.max(1, Math.abs(r))) throw new Error(`computeMultiplicity: the ${k}-th difference does not converge at h = ${h} (error estimate ${err.toExponential(2)}); σ is too rough near 0`);
    derivatives.push(r);
    errorEstimates.push(err);
    if (Math.abs(r) > ZERO_TOLERANCE) return { applicable: true, p: k, derivatives, errorEstimates };
  }
  throw new Error(`computeMultiplicity: σ^(k)(0) = 0 (|R_k| ≤ ${ZERO_TOLERANCE}) for every k ≤ ${MAX_ORDER}; multiplicity > ${MAX_ORDER} or σ constant near 0`);
}

/** The multiplicity of an engine activation (float64 version), after the `trainActivation` component's rewrite if given. */
export function activationMultiplicity(a: TrainActivation, rewrite?: (a: TrainActivation) => TrainActivation): MultiplicityResult {
  return computeMultiplicity(activation64(rewrite ? rewrite(a) : a));
}

/** p as a number: the multiplicity, or 0 for "not applicable" (the convention of the claim's units). */
export const multiplicityNumber = (r: MultiplicityResult): number => (r.applicable ? r.p : 0);

// ---------------------------------------------------------------------------------------------
// Exact power series at 0 (Taylor-mode recurrences on coefficient arrays), for the unit tests.

/** Coefficients c_0 … c_K of the product of two series. */
function mul(a: number[], b: number[]): number[] {
  return a.map((_, k) => {
    let s = 0;
    for (let i = 0; i <= k; i++) s += a[i] * b[k - i];
    return s;
  });
}

/** Series of y with y' = F(y), y(0) = y0, F a polynomial map on series (coefficient recurrence). */
function odeSeries(y0: number, F: (y: number[]) => number[], K: number): number[] {
  const y = new Array<number>(K + 1).fill(0);
  y[0] = y0;
  for (let k = 0; k < K; k++) y[k + 1] = F(y)[k] / (k + 1);
  return y;
}

/** Exact σ^(k)(0), k = 0 … K, for tanh, sigmoid, softplus, x·tanh x, x²·tanh x and linear. */
export function exactTaylorDerivatives(kind: 'tanh' | 'sigmoid' | 'softplus' | 'xtanh' | 'x2tanh' | 'linear', K: number): number[] {
  const one = (c: number) => [c, ...new Array<number>(K).fill(0)];
  const x = [0, 1, ...new Array<number>(K - 1).fill(0)];
  const tanhS = odeSeries(0, (t) => one(1).map((v, k) => v - mul(t, t)[k]), K);
  const sigS = odeSeries(0.5, (s) => s.map((v, k) => v - mul(s, s)[k]), K);
  let c: number[];
  switch (kind) {
    case 'tanh':
      c = tanhS;
      break;
    case 'sigmoid':
      c = sigS;
      break;
    case 'softplus':
      c = [Math.LN2, ...sigS.slice(0, K).map((v, k) => v / (k + 1))];
      break;
    case 'xtanh':
      c = mul(x, tanhS);
      break;
    case 'x2tanh':
      c = mul(mul(x, x), tanhS);
      break;
    case 'linear':
      c = x;
      break;
  }
  let f = 1;
  return c.map((v, k) => {
    if (k > 0) f *= k;
    return v * f;
  });
}
