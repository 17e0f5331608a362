/**
 * "P(unit = 1) ≤ P(reference unit = 1)" for **paired** 0/1 units (unit i and reference i measured on
 * the same network, e.g. success and trainability): the exact one-sided conditional sign test on the
 * discordant pairs (McNemar's exact test). With b pairs (1, 0) and c pairs (0, 1), under the claim
 * P(1, 0) ≤ P(0, 1), so given b + c = k discordant pairs, b ~ Binomial(k, π) with π ≤ ½; the claim is
 * rejected when P(Binomial(k, ½) ≥ b) ≤ α. The conditional size is ≤ α for every k, so the
 * unconditional false-failure rate is ≤ max_k (attained size) ≤ α, whatever the pairs' law — exact,
 * no calibration. The power at a world (P(1, 0), P(0, 1)) = (p₊, p₋) is exact: Σ_k P(K = k) ·
 * P(Binomial(k, p₊/(p₊ + p₋)) ≥ b*_k) with K ~ Binomial(n, p₊ + p₋).
 *
 * Only the prediction 0 (a difference of rates bounded by 0) is supported: a margin would need the
 * marginal, not the conditional, law.
 */
import type { Check, Plan, World } from '../harness/types';
import { binomialTail } from './binomial';
import { countSuccesses, planSizes } from './proportion';

const FN = 'pairedProportionAtMost';

function checkAlpha(alpha: number): void {
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new Error(`${FN}: alpha must be in (0, 1); got ${alpha}`);
}

function checkPrediction(prediction: number): void {
  if (prediction !== 0) throw new Error(`${FN}: only the prediction 0 (P(unit = 1) − P(reference = 1) ≤ 0) is supported; got ${prediction}`);
}

/** Smallest b with P(Binomial(k, ½) ≥ b) ≤ α (k + 1 when none): the rejection threshold at k discordant pairs. */
export function criticalDiscordant(k: number, alpha: number): number {
  let b = k + 1;
  while (b > 0 && binomialTail(b - 1, k, 0.5, 'upper') <= alpha) b--;
  return b;
}

/** The largest conditional size max_k P(Binomial(k, ½) ≥ b*_k) over k ≤ n: a proven bound on the false-failure rate. */
function attainedSize(n: number, alpha: number): number {
  let worst = 0;
  for (let k = 1; k <= n; k++) {
    const b = criticalDiscordant(k, alpha);
    if (b <= k) worst = Math.max(worst, binomialTail(b, k, 0.5, 'upper'));
  }
  return worst;
}

/** Exact rejection probability at discordance probabilities (p₊, p₋) over n pairs. */
export function pairedRejectionProbability(n: number, pPlus: number, pMinus: number, alpha: number): number {
  const q = pPlus + pMinus;
  if (!(pPlus >= 0 && pMinus >= 0 && q <= 1 + 1e-12)) throw new Error(`${FN}: world.arms must be [P(1, 0), P(0, 1)], non-negative with sum ≤ 1; got [${pPlus}, ${pMinus}]`);
  if (q === 0) return 0;
  const pi = pPlus / q;
  let power = 0;
  for (let k = 1; k <= n; k++) {
    const b = criticalDiscordant(k, alpha);
    if (b > k) continue;
    const pk = binomialTail(k, n, q, 'upper') - binomialTail(k + 1, n, q, 'upper');
    if (pk > 0) power += pk * binomialTail(b, k, pi, 'upper');
  }
  return Math.min(1, power);
}

function pairedSize(plan: Plan, fn: string): number {
  return planSizes(fn, plan, 1)[0];
}

function worldDiscordance(world: World, fn: string): [number, number] {
  const arms = world?.arms;
  if (!Array.isArray(arms) || arms.length !== 2) throw new Error(`${fn}: world.arms must be the discordance probabilities [P(unit 1, reference 0), P(unit 0, reference 1)]; got ${JSON.stringify(arms)}`);
  return [arms[0], arms[1]];
}

export const pairedProportionAtMost: Check = {
  name: 'P(unit = 1) ≤ P(reference unit = 1) on paired 0/1 units',
  method: 'one-sided exact conditional sign test on the discordant pairs (McNemar exact); size ≤ α for every number of discordant pairs',
  sides: 'upper',
  evaluate(units, prediction, alpha, reference) {
    checkAlpha(alpha);
    checkPrediction(prediction);
    if (!reference || reference.length !== units.length) throw new Error(`${FN} needs a reference sample of paired 0/1 units of the same length (Experiment.reference)`);
    const n = units.length;
    const ones = countSuccesses(FN, 'units', units);
    const refOnes = countSuccesses(FN, 'reference', reference);
    let b = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      if (units[i] === 1 && reference[i] === 0) b++;
      else if (units[i] === 0 && reference[i] === 1) c++;
    }
    const k = b + c;
    const pValue = k === 0 ? 1 : binomialTail(b, k, 0.5, 'upper');
    const rejected = k > 0 && pValue <= alpha;
    const estimate = (b - c) / n;
    // The interval reported: the exact bound on the difference implied by the test's decision
    // (upper side unbounded: the claim is one-sided).
    return {
      estimate,
      interval: { lower: rejected ? estimate : -1, upper: 1, level: 1 - alpha },
      verdict: rejected ? 'rejected' : 'consistent',
      pValue,
      notes: [
        `${n} pairs: ${b} with unit 1 and reference 0, ${c} with unit 0 and reference 1 (rates ${(ones / n).toPrecision(4)} vs ${(refOnes / n).toPrecision(4)}); one-sided exact sign test on the ${k} discordant pairs: p = ${pValue.toPrecision(3)}`,
      ],
      falseFailure: { rate: attainedSize(n, alpha), method: 'exact', note: `largest conditional size over k ≤ ${n} discordant pairs (each ≤ α by construction)` },
    };
  },
  /** Exact, at world.arms = [P(1, 0), P(0, 1)]. */
  designPower(plan, prediction, world, alpha) {
    checkAlpha(alpha);
    checkPrediction(prediction);
    const [pPlus, pMinus] = worldDiscordance(world, `${FN}.designPower`);
    return pairedRejectionProbability(pairedSize(plan, `${FN}.designPower`), pPlus, pMinus, alpha);
  },
  /** Exact: 1 − the rejection probability at the world's discordances (at its boundary p₊ = p₋ this is ≥ 1 − α). */
  acceptance(plan, world, alpha) {
    checkAlpha(alpha);
    const [pPlus, pMinus] = worldDiscordance(world, `${FN}.acceptance`);
    return 1 - pairedRejectionProbability(pairedSize(plan, `${FN}.acceptance`), pPlus, pMinus, alpha);
  },
};
