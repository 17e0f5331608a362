/**
 * Initialization schemes as the papers define them, independently of the engine's own tables, so
 * that an engine whose "He" is not 2/fan-in disagrees with the theorem instead of with itself.
 */
import { mathjs } from './math';

export type LawName = 'gaussian' | 'uniform' | 'truncated-normal';
export type PresetName = 'he' | 'lecun' | 'glorot';
export type VarianceSpec = { preset: PresetName } | { scale: number };

export interface InitSpec {
  law: LawName;
  variance: VarianceSpec;
}

const LAWS: readonly LawName[] = ['gaussian', 'uniform', 'truncated-normal'];
const PRESETS: readonly PresetName[] = ['he', 'lecun', 'glorot'];

/**
 * Nominal variance × fan-in of layer j (the "c_j" of Var = c_j / n_{j−1}):
 * He et al. (2015, ICCV, eq. 10): 2; LeCun et al. (1998, Efficient BackProp §4.6): 1;
 * Glorot & Bengio (2010, AISTATS, eq. 12, normal form): 2·n_in / (n_in + n_out).
 */
export function nominalScale(variance: VarianceSpec, fanIn: number, fanOut: number): number {
  if ('scale' in variance) return variance.scale;
  switch (variance.preset) {
    case 'he':
      return 2;
    case 'lecun':
      return 1;
    case 'glorot':
      return (2 * fanIn) / (fanIn + fanOut);
  }
}

const PHI = (x: number): number => 0.5 * (1 + mathjs().erf(x / Math.SQRT2));
const phi = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/**
 * Var(Z | |Z| ≤ a) for Z ~ N(0, 1): 1 − 2aφ(a) / (2Φ(a) − 1) (Johnson, Kotz & Balakrishnan,
 * Continuous Univariate Distributions vol. 1, §10.1). At a = 2: 0.7737413.
 */
export function truncatedNormalVariance(a: number): number {
  return 1 - (2 * a * phi(a)) / (2 * PHI(a) - 1);
}

/** E[X⁴] / E[X²]² of the law (3 Gaussian, 9/5 uniform, truncated normal from its moments). */
export function normalizedFourthMoment(law: LawName, truncation = 2): number {
  switch (law) {
    case 'gaussian':
      return 3;
    case 'uniform':
      return 9 / 5;
    case 'truncated-normal': {
      const a = truncation;
      const z = 2 * PHI(a) - 1;
      const m2 = 1 - (2 * a * phi(a)) / z;
      const m4 = 3 - (2 * (a ** 3 + 3 * a) * phi(a)) / z;
      return m4 / (m2 * m2);
    }
  }
}

/**
 * Actual variance / nominal variance: 1 for laws parameterised by their variance; for TF/Keras'
 * truncated normal (cut at ±2 nominal std, not rescaled) it is Var(Z | |Z| ≤ 2) = 0.773741.
 */
export function lawVarianceFactor(law: LawName): number {
  return law === 'truncated-normal' ? truncatedNormalVariance(2) : 1;
}

/** Effective c_j = n_{j−1} · Var(W^{(j)}) for every layer of a width profile. */
export function effectiveScales(init: InitSpec, widths: readonly number[]): number[] {
  const factor = lawVarianceFactor(init.law);
  return widths.slice(1).map((fanOut, k) => factor * nominalScale(init.variance, widths[k], fanOut));
}

/** Checks the pieces every initialization-based theorem needs; returns a message or undefined. */
export function initProblem(init: InitSpec): string | undefined {
  if (!LAWS.includes(init.law)) return `law must be one of ${LAWS.join(', ')}; got "${init.law}"`;
  if ('preset' in init.variance) {
    if (!PRESETS.includes(init.variance.preset)) return `variance.preset must be one of ${PRESETS.join(', ')}; got "${init.variance.preset}"`;
  } else if (!Number.isFinite(init.variance.scale) || init.variance.scale <= 0) {
    return `variance.scale (c in Var = c/fan-in) must be a finite number > 0; got ${init.variance.scale}`;
  }
  return undefined;
}

export function widthsProblem(widths: readonly number[]): string | undefined {
  if (!Array.isArray(widths) || widths.length < 2) return `widths must be [n_0, n_1, …, n_d] with depth d ≥ 1; got ${JSON.stringify(widths)}`;
  const bad = widths.findIndex((n) => !Number.isInteger(n) || n < 1);
  return bad >= 0 ? `widths[${bad}] must be an integer ≥ 1; got ${widths[bad]}` : undefined;
}

/** β = Σ_{j≥1} 1/n_j, the sum of reciprocal layer widths of a profile [n_0, …, n_d] (FM2's exponent). */
export const beta = (widths: readonly number[]): number => widths.slice(1).reduce((s, n) => s + 1 / n, 0);
