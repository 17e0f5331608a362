/**
 * Zhou, Zhou, Luo, Zhang & Xu (2022), "Towards Understanding the Condensation of Neural Networks at
 * Initial Training" (NeurIPS 2022; arXiv 2105.11686). Primary text used: the full text of an earlier
 * double-blind submission of the same paper ([P: sub], docs/claims.md §4) and the v6 abstract
 * ([P: v6-abstract]); the authors' notebook (code/condense_exp/initial_condense.ipynb) [P: code].
 */
import type { Citation } from '../types';

const ZHOU_2022 = {
  authors: 'Hanxu Zhou, Qixuan Zhou, Tao Luo, Yaoyu Zhang, Zhi-Qin John Xu',
  year: 2022,
  title: 'Towards Understanding the Condensation of Neural Networks at Initial Training',
  arxiv: '2105.11686',
  venue: 'NeurIPS 2022',
} as const;

export const citeZhou = (where: string): Citation => ({ ...ZHOU_2022, where });

export { throwIf } from '../types';

/** The paper's activations and their declared multiplicity (Definition 1; 0 = "does not apply", ReLU). */
export const DECLARED_MULTIPLICITY = { tanh: 1, sigmoid: 1, softplus: 1, xtanh: 2, x2tanh: 3, relu: 0 } as const;
export type PaperActivation = keyof typeof DECLARED_MULTIPLICITY;
export const PAPER_ACTIVATIONS = Object.keys(DECLARED_MULTIPLICITY) as PaperActivation[];

export const activationProblem = (a: unknown, allowed: readonly string[] = PAPER_ACTIVATIONS): string | undefined =>
  typeof a === 'string' && allowed.includes(a) ? undefined : `activation must be one of ${allowed.join(', ')}; got ${JSON.stringify(a)}`;

export const intProblem = (name: string, v: unknown, lo: number, hi: number): string | undefined =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi ? undefined : `${name} must be an integer in [${lo}, ${hi}]; got ${JSON.stringify(v)}`;

export const rangeProblem = (name: string, v: unknown, lo: number, hi: number): string | undefined =>
  typeof v === 'number' && v >= lo && v <= hi ? undefined : `${name} must be a number in [${lo}, ${hi}]; got ${JSON.stringify(v)}`;

/**
 * E|cos(v, r)| for a fixed v and r uniform on the sphere S^{k−1} (k = d + 1 input-weight
 * coordinates): Γ(k/2) / (√π Γ((k+1)/2)); k = 2: 2/π, k = 3: 1/2. [D]
 */
export function randomDirectionMeanAbsCos(k: number): number {
  if (!(Number.isInteger(k) && k >= 2)) throw new Error(`k must be an integer ≥ 2; got ${k}`);
  return gammaRatio(k) / Math.sqrt(Math.PI);
}

/** Γ(k/2)/Γ((k+1)/2) from k = 2 (Γ(1)/Γ(3/2) = 2/√π) or k = 3 (Γ(3/2)/Γ(2) = √π/2), via Γ(x+1) = xΓ(x): ratio(k+2) = ratio(k)·k/(k+1). */
function gammaRatio(k: number): number {
  let r = k % 2 === 0 ? 2 / Math.sqrt(Math.PI) : Math.sqrt(Math.PI) / 2;
  for (let j = k % 2 === 0 ? 2 : 3; j < k; j += 2) r *= j / (j + 1);
  return r;
}
