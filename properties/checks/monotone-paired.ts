/**
 * "The paired steps along the design points are not below the prediction": groups x₁ < x₂ < … < x_k
 * of *paired* units (unit i of every group comes from the same seed / network), step j the paired
 * difference D_j = U_{j+1} − U_j. The relation `nonDecreasing(v)` states, for every step, that a step
 * below v is no more likely than a step above it: P(D_j < v) ≤ P(D_j > v) (for a continuous D_j: the
 * median step is ≥ v; v = 0: "a decrease is no more likely than an increase"; v > 0 asks for a rise of
 * at least v in the typical unit).
 *
 * Test: the exact (conditional) sign test per step, Bonferroni over the k − 1 steps. Ties D = v are
 * set aside; of the N_j other pairs, K_j = #{i : D_ij < v} is, given N_j, Binomial(N_j, q_j) with
 * q_j = P(D_j < v)/(P(D_j < v) + P(D_j > v)) ≤ ½ under the claim. Step j is rejected when K_j ≥ c(N_j),
 * the smallest count with P(Binomial(N_j, ½) ≥ c) ≤ α/(k − 1). Dually, the one-sided upper confidence
 * bound of the step is the c(N_j)-th smallest non-tied difference, and step j is rejected iff it is
 * below v. The claim is rejected when ANY step is (the reported estimate — the step's median — and
 * interval are those of the step with the smallest upper bound).
 *
 * Why this test (issue 12). The units here are small paired integer counts (orientation counts, n ≈
 * 24–64 pairs, many ties) or bounded scores: a Student t bound has no provable rate at α ≈ 1e-6 (its
 * Edgeworth calibration is meaningless at n ≈ 30), a distribution-free bound on the mean (Hoeffding,
 * empirical Bernstein) needs the range of a count difference (up to the number of neurons), hundreds of
 * times its spread, and a sign-flip permutation test needs a symmetric null that "E[D] ≥ 0" does not
 * give. The sign test on the stated indicators 1[D < v], 1[D > v] is exact for every law of D: given
 * N_j the binomial upper tail is increasing in q_j, so the rate is ≤ α/(k − 1) per step for every N_j,
 * and ≤ Σ_j max_N P(Binomial(N, ½) ≥ c(N)) ≤ α in all, attained near q_j = ½ — recorded with method
 * 'exact'.
 *
 * Design power and acceptance take `World.arms` = per step the probabilities of a step below and
 * above the prediction, [below₁, above₁, below₂, above₂, …] (ties have the rest). Per step the
 * rejection probability is exact, Σ_N P(N_j = N) P(Binomial(N, q_j) ≥ c(N)); power ≥ the largest over
 * steps (the union is at least each), acceptance ≥ 1 − their sum.
 *
 * Reference: the sign test (ties set aside) and its order-statistic interval, e.g. Conover (1999),
 * Practical Nonparametric Statistics, 3rd ed., §3.4.
 */
import type { Check, CheckOutcome, Group, Plan, World } from '../harness/types';
import { binomialTail } from './binomial';

const { max, min } = Math;

/** Smallest c with P(Binomial(n, ½) ≥ c) ≤ a (n + 1 when even c = n has a larger tail: no rejection possible). */
export function signTestCritical(n: number, a: number): number {
  let c = n + 1;
  while (c > 0 && binomialTail(c - 1, n, 0.5, 'upper') <= a) c--;
  return c;
}

/** Largest exact per-step rate max_{N ≤ n} P(Binomial(N, ½) ≥ c(N)) of the conditional sign test at level a. */
export function signTestRate(n: number, a: number): number {
  let worst = 0;
  for (let N = 1; N <= n; N++) worst = max(worst, binomialTail(signTestCritical(N, a), N, 0.5, 'upper'));
  return worst;
}

/**
 * Exact probability that one step is rejected when each of its n pairs is below the prediction with
 * probability `below` and above it with probability `above` (ties otherwise).
 */
export function signTestRejection(n: number, a: number, below: number, above: number): number {
  const moving = below + above;
  if (moving <= 0) return 0;
  const q = below / moving;
  let total = 0;
  for (let N = 1; N <= n; N++) {
    const pN = binomialTail(N, n, moving, 'upper') - binomialTail(N + 1, n, moving, 'upper');
    if (pN > 0) total += pN * binomialTail(signTestCritical(N, a), N, q, 'upper');
  }
  return min(1, total);
}

export function checkAlpha(fn: string, alpha: number): void {
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new Error(`${fn}: alpha must be in (0, 1); got ${alpha}`);
}

/** n (paired units per group) and the number of steps of a plan, validated. */
export function planSteps(fn: string, plan: Plan): { n: number; steps: number } {
  const sizes = plan?.n;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((k) => Number.isInteger(k) && k >= 1 && k === sizes[0])) {
    throw new Error(`${fn}: plan.n must give ≥ 2 equal (paired) integer group sizes ≥ 1; got ${JSON.stringify(sizes)}`);
  }
  return { n: sizes[0], steps: sizes.length - 1 };
}

/** Per-step rejection probabilities of a world (World.arms = [below₁, above₁, below₂, above₂, …]), validated. */
function stepRejections(fn: string, plan: Plan, world: World, alpha: number): number[] {
  const { n, steps } = planSteps(fn, plan);
  const arms = world?.arms;
  const valid = Array.isArray(arms) && arms.length === 2 * steps && arms.every((p) => p >= 0 && p <= 1);
  if (!valid || Array.from({ length: steps }, (_, j) => arms[2 * j] + arms[2 * j + 1]).some((s) => s > 1 + 1e-12)) {
    throw new Error(`${fn}: world.arms must hold per step the probabilities of a step below and above the prediction, [below₁, above₁, …] (${2 * steps} numbers in [0, 1], each pair summing to ≤ 1); got ${JSON.stringify(arms)}`);
  }
  return Array.from({ length: steps }, (_, j) => signTestRejection(n, alpha / steps, arms[2 * j], arms[2 * j + 1]));
}

interface StepRow {
  from: number;
  to: number;
  median: number;
  below: number;
  moving: number;
  critical: number;
  upper: number;
}

export const monotonePaired: Check = {
  name: 'paired steps between consecutive design points are not below the prediction (a step below is no more likely than a step above)',
  method: 'exact sign test per consecutive paired step (ties set aside: steps below vs above the prediction against Binomial(N, ½)), Bonferroni over the steps; rejected when any step is',
  sides: 'upper',
  evaluate(_units, prediction, alpha, _reference, groups?: Group[]): CheckOutcome {
    const fn = 'monotonePaired';
    checkAlpha(fn, alpha);
    if (!Number.isFinite(prediction)) throw new Error(`${fn}: prediction must be finite; got ${prediction}`);
    if (!groups || groups.length < 2) throw new Error(`${fn} needs at least 2 groups (Experiment.groups), one per design point`);
    const sorted = [...groups].sort((a, b) => a.x - b.x);
    const n = sorted[0].units.length;
    sorted.forEach((g, j) => {
      if (g.units.length !== n) throw new Error(`${fn}: groups must be paired (same length ${n}); group ${j} (x = ${g.x}) has ${g.units.length}`);
      g.units.forEach((u, i) => {
        if (!Number.isFinite(u)) throw new Error(`${fn}: group ${j} (x = ${g.x}) unit ${i} must be finite; got ${u}`);
      });
    });
    if (n < 1) throw new Error(`${fn} needs at least 1 paired unit per group; got ${n}`);
    const steps = sorted.length - 1;
    const each = alpha / steps;
    const rows: StepRow[] = [];
    for (let j = 0; j < steps; j++) {
      const diff = Float64Array.from(sorted[j + 1].units, (u, i) => u - sorted[j].units[i]).sort();
      const median = n % 2 ? diff[(n - 1) / 2] : 0.5 * (diff[n / 2 - 1] + diff[n / 2]);
      const moving = diff.filter((d) => d !== prediction);
      const below = moving.filter((d) => d < prediction).length;
      const critical = signTestCritical(moving.length, each);
      rows.push({ from: sorted[j].x, to: sorted[j + 1].x, median, below, moving: moving.length, critical, upper: critical <= moving.length ? moving[critical - 1] : Infinity });
    }
    // The claim fails when ANY step's bound is below the prediction: report the smallest bound.
    const worst = rows.reduce((w, r) => (r.upper < w.upper ? r : w));
    const perStepRate = signTestRate(n, each);
    return {
      estimate: worst.median,
      interval: { lower: -Infinity, upper: worst.upper, level: 1 - each },
      verdict: rows.some((r) => r.below >= r.critical) ? 'rejected' : 'consistent',
      notes: [
        `sign test per step at α/${steps} = ${each.toExponential(2)} (ties with the prediction set aside)`,
        ...rows.map(
          (r) =>
            `x = ${r.from} → ${r.to}: median step ${r.median.toPrecision(4)}; ${r.below} below and ${r.moving - r.below} above ${prediction} (${n - r.moving} ties); rejected at ≥ ${r.critical} below${r.critical > r.moving ? ' (impossible: no power)' : ''}; upper bound ${r.upper.toPrecision(4)}`,
        ),
      ],
      falseFailure: {
        rate: min(1, steps * perStepRate),
        method: 'exact',
        note: `exact binomial tails: max over N ≤ ${n} non-tied pairs of P(Binomial(N, ½) ≥ c(N)) = ${perStepRate.toExponential(3)} per step (the least favourable null, a step below as likely as above), summed over ${steps} step(s)`,
      },
    };
  },
  designPower(plan, prediction, world, alpha) {
    const fn = 'monotonePaired.designPower';
    checkAlpha(fn, alpha);
    if (!Number.isFinite(prediction)) throw new Error(`${fn}: prediction must be finite; got ${prediction}`);
    return max(...stepRejections(fn, plan, world, alpha));
  },
  acceptance(plan, world, alpha) {
    const fn = 'monotonePaired.acceptance';
    checkAlpha(fn, alpha);
    return max(0, 1 - stepRejections(fn, plan, world, alpha).reduce((s, r) => s + r, 0));
  },
};
