/**
 * Configurations of the 2-D claims: a ReLU network on a 2-D input space (hidden layers only), He
 * Gaussian weights, Gaussian biases N(0, s_b²), and the square [c − h, c + h]² of input space.
 */

export interface SquareSpec {
  center: number[];
  halfSide: number;
}

export function squareProblem(sq: SquareSpec): string | undefined {
  if (!Array.isArray(sq.center) || sq.center.length !== 2 || !sq.center.every((x) => Number.isFinite(x))) return `square.center must be 2 finite numbers; got ${JSON.stringify(sq.center)}`;
  if (!(Number.isFinite(sq.halfSide) && sq.halfSide > 0)) return `square.halfSide must be a finite number > 0; got ${sq.halfSide}`;
  return undefined;
}

export function biasProblem(biasStd: number): string | undefined {
  return Number.isFinite(biasStd) && biasStd > 0 && biasStd <= 100 ? undefined : `biasStd (s_b) must be in (0, 100]; got ${biasStd}`;
}

export function increasingProblem(name: string, xs: unknown, divisorOf?: number): string | undefined {
  const ok =
    Array.isArray(xs) &&
    xs.length >= 2 &&
    xs.every((x, i) => Number.isInteger(x) && x >= 1 && (i === 0 || x > (xs[i - 1] as number)) && (divisorOf === undefined || divisorOf % (x as number) === 0));
  return ok ? undefined : `${name} must be ≥ 2 increasing integers ≥ 1${divisorOf !== undefined ? ` dividing ${divisorOf}` : ''}; got ${JSON.stringify(xs)}`;
}

/** Number of pairs of distinct neurons, C(N, 2): the regressor of the N² claims (plane-neurons-squared.ts). */
export const neuronPairs = (neurons: number): number => (neurons * (neurons - 1)) / 2;

/** T̂ from a mean count: E[#regions]/area = (T̂·N)²/2 (Theorem 5's constant, reported, not asserted). */
export const fittedT = (meanRegions: number, area: number, neurons: number): number => Math.sqrt((2 * meanRegions) / area) / neurons;
