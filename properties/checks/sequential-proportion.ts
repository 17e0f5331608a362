/**
 * A sequential one-sided test of "P(unit = 1) ≥ p₀" on 0/1 units, powered against a stated
 * alternative p₁ < p₀ (a truncated, group-sequential SPRT with exact error rates).
 *
 * Why. A fixed-n test of p ≥ 0.9 with power ≥ 1 − α against p = 0.75 at the suite's α ≈ 10⁻⁵ needs
 * ≈ 450 units; when the truth is well inside the null (p ≈ 0.95) the evidence is decisive long
 * before. Wald's sequential probability ratio test stops as soon as the likelihood ratio of the
 * alternative to the null leaves [β/(1−α), (1−β)/α]; we use it with looks in batches and a cap, and
 * compute both error rates exactly instead of relying on Wald's approximations.
 *
 * The rule (design {alternative p₁, nMin, batch, nMax}; f = the number of 0 units so far, n the number
 * of units): looks at n = nMin, nMin + batch, …, nMax (nMax − nMin a multiple of batch). With
 * LLR(n, f) = f·log(q₁/q₀) + (n − f)·log(p₁/p₀) (q = 1 − p) and A = log(1/α):
 *   - reject "p ≥ p₀" at the first look with LLR ≥ A  ⇔ f ≥ r_k = ⌈(A − n_k·log(p₁/p₀)) / (log(q₁/q₀) − log(p₁/p₀))⌉;
 *   - accept at the first look with LLR ≤ −A          ⇔ f ≤ a_k = ⌊(−A − n_k·log(p₁/p₀)) / (…)⌋;
 *   - at the last look (n = nMax) decide anyway: reject iff f ≥ r_K, with r_K the smallest threshold
 *     whose exact false-failure rate (below) is ≤ α.
 * Validity. The decision at each look depends only on the units up to that look, and the experiment
 * stops at the first decision (`decided`); so the probability of rejecting when p = p₀ is a sum over
 * stopping paths, computed exactly by dynamic programming over f (the failures of each batch are
 * Binomial(batch, q)), and it is largest at p = p₀ among p ≥ p₀ (every boundary is a "f large"
 * region: the rejection probability increases with q). That exact rate is the recorded false-failure
 * rate; the power at any p (a twin's world, the stated alternative) is the same sum at that p.
 *
 * Reference: Wald (1945), "Sequential tests of statistical hypotheses", Ann. Math. Statist. 16:117–186;
 * Jennison & Turnbull (2000), Group Sequential Methods, ch. 2 and 19 (exact computation of the error
 * rates of group-sequential binomial tests).
 */
import type { Check, CheckOutcome, Plan, World } from '../harness/types';
import type { SequentialDesign } from '../../theorems/vocabulary';
import { clopperPearsonInterval } from '../stats';
import { binomialWindow } from './binomial';

const { ceil, floor, log, max } = Math;

/** The looks and the failure thresholds of a design at α (f ≥ reject[k]: reject; f ≤ accept[k]: accept). */
export interface SequentialBoundaries {
  looks: number[];
  reject: number[];
  accept: number[];
  /** Exact P(reject) at p = p₀. */
  falseFailure: number;
}

export function validateDesign(d: SequentialDesign, p0: number, parameter = 'sequential'): SequentialDesign {
  const bad = (k: string, range: string, v: unknown): never => {
    throw new Error(`${parameter}.${k} must be ${range}; got ${String(v)}`);
  };
  if (!(p0 > 0 && p0 < 1)) bad('p₀ (the prediction)', 'in (0, 1)', p0);
  if (!(d.alternative > 0 && d.alternative < p0)) bad('alternative', `in (0, p₀ = ${p0})`, d.alternative);
  if (!(Number.isInteger(d.nMin) && d.nMin >= 1)) bad('nMin', 'an integer ≥ 1', d.nMin);
  if (!(Number.isInteger(d.batch) && d.batch >= 1)) bad('batch', 'an integer ≥ 1', d.batch);
  if (!(Number.isInteger(d.nMax) && d.nMax >= d.nMin && (d.nMax - d.nMin) % d.batch === 0)) bad('nMax', `an integer ≥ nMin (${d.nMin}) with nMax − nMin a multiple of batch (${d.batch})`, d.nMax);
  return d;
}

/** Binomial(n, q) pmf as a dense array over 0…n. */
function pmf(n: number, q: number): Float64Array {
  const out = new Float64Array(n + 1);
  const w = binomialWindow(n, q);
  out.set(w.pmf, w.start);
  return out;
}

/** P(reject) and P(accept) of the rule with these thresholds when P(unit = 0) = q (exact DP over the failures). */
function errorRates(looks: readonly number[], reject: readonly number[], accept: readonly number[], q: number): { reject: number; accept: number } {
  let dist = pmf(looks[0], q); // over f, paths still undecided before this look's decision
  let pr = 0;
  let pa = 0;
  for (let k = 0; k < looks.length; k++) {
    if (k > 0) {
      const step = pmf(looks[k] - looks[k - 1], q);
      const next = new Float64Array(looks[k] + 1);
      for (let f = 0; f < dist.length; f++) {
        const m = dist[f];
        if (m === 0) continue;
        for (let j = 0; j < step.length; j++) next[f + j] += m * step[j];
      }
      dist = next;
    }
    for (let f = 0; f < dist.length; f++) {
      if (f >= reject[k]) {
        pr += dist[f];
        dist[f] = 0;
      } else if (f <= accept[k]) {
        pa += dist[f];
        dist[f] = 0;
      }
    }
  }
  return { reject: pr, accept: pa };
}

const boundaryCache = new Map<string, SequentialBoundaries>();

/** The boundaries of a design for "p ≥ p₀" at level α (Wald's at the interim looks, the last chosen exactly). */
export function sequentialBoundaries(design: SequentialDesign, p0: number, alpha: number): SequentialBoundaries {
  validateDesign(design, p0);
  if (!(alpha > 0 && alpha < 0.5)) throw new Error(`sequentialBoundaries: alpha must be in (0, 0.5); got ${alpha}`);
  const key = `${design.alternative}/${design.nMin}/${design.batch}/${design.nMax}/${p0}/${alpha}`;
  const hit = boundaryCache.get(key);
  if (hit) return hit;
  const p1 = design.alternative;
  const wf = log((1 - p1) / (1 - p0));
  const ws = log(p1 / p0);
  const A = log(1 / alpha);
  const looks: number[] = [];
  for (let n = design.nMin; n <= design.nMax; n += design.batch) looks.push(n);
  const reject = looks.map((n) => max(0, ceil((A - n * ws) / (wf - ws) - 1e-12)));
  const accept = looks.map((n) => floor((-A - n * ws) / (wf - ws) + 1e-12));
  const K = looks.length - 1;
  // Last look: the smallest threshold with an exact false-failure rate ≤ α (rates fall as it rises).
  let best: number | undefined;
  for (let r = max(0, accept[K] + 1); r <= looks[K] + 1; r++) {
    const rr = [...reject.slice(0, K), r];
    const aa = [...accept.slice(0, K), r - 1];
    if (errorRates(looks, rr, aa, 1 - p0).reject <= alpha) {
      best = r;
      break;
    }
  }
  if (best === undefined) throw new Error(`sequentialBoundaries: no last-look threshold keeps the false-failure rate ≤ ${alpha} (interim looks alone exceed it); raise nMin`);
  reject[K] = best;
  accept[K] = best - 1;
  const out = { looks, reject, accept, falseFailure: errorRates(looks, reject, accept, 1 - p0).reject };
  boundaryCache.set(key, out);
  return out;
}

/** Exact P(reject "p ≥ p₀") when the true P(unit = 1) is p. */
export function sequentialRejectionProbability(design: SequentialDesign, p0: number, alpha: number, p: number): number {
  const b = sequentialBoundaries(design, p0, alpha);
  return errorRates(b.looks, b.reject, b.accept, 1 - p).reject;
}

/** The decision at the first deciding look within the units (in the order they were drawn), or undefined. */
export function sequentialDecision(units: Float64Array, b: SequentialBoundaries): { look: number; n: number; failures: number; verdict: 'rejected' | 'consistent' } | undefined {
  let failures = 0;
  let seen = 0;
  for (let k = 0; k < b.looks.length && b.looks[k] <= units.length; k++) {
    for (; seen < b.looks[k]; seen++) {
      const u = units[seen];
      if (u !== 0 && u !== 1) throw new Error(`sequentialProportionAtLeast: units must be 0 or 1; got units[${seen}] = ${u}`);
      if (u === 0) failures++;
    }
    if (failures >= b.reject[k]) return { look: k, n: b.looks[k], failures, verdict: 'rejected' };
    if (failures <= b.accept[k]) return { look: k, n: b.looks[k], failures, verdict: 'consistent' };
  }
  return undefined;
}

const designText = (d: SequentialDesign): string => `looks at n = ${d.nMin}, ${d.nMin + d.batch}, …, ${d.nMax}; alternative p₁ = ${d.alternative}`;

/** The sequential check of "P(unit = 1) ≥ prediction" with a design (see the file header). */
export function sequentialProportionAtLeast(design: SequentialDesign): Check {
  const name = 'sequentialProportionAtLeast';
  return {
    name: `P(unit = 1) is at least the prediction, tested sequentially against p₁ = ${design.alternative}`,
    method: `truncated group-sequential SPRT on 0/1 units (${designText(design)}); false-failure rate and power exact (dynamic programming over the failures)`,
    sides: 'upper',
    decided(units: Float64Array, prediction: number, alpha: number): boolean {
      return sequentialDecision(units, sequentialBoundaries(design, prediction, alpha)) !== undefined;
    },
    evaluate(units, prediction, alpha): CheckOutcome {
      const b = sequentialBoundaries(design, prediction, alpha);
      const d = sequentialDecision(units, b);
      if (!d) throw new Error(`${name}: the ${units.length} units end before the rule decides (${designText(design)}): the experiment must draw until \`decided\``);
      const x = d.n - d.failures;
      const ci = clopperPearsonInterval(x, d.n, 1 - alpha, 'upper');
      const power = errorRates(b.looks, b.reject, b.accept, 1 - design.alternative).reject;
      return {
        estimate: x / d.n,
        interval: { lower: ci.lower, upper: ci.upper, level: 1 - alpha },
        verdict: d.verdict,
        falseFailure: { rate: b.falseFailure, method: 'exact', note: `exact probability of rejecting at p = ${prediction} (the least favourable point of p ≥ ${prediction}) over every stopping path of the sequential rule (${designText(design)})` },
        minDetectable: { relative: (prediction - design.alternative) / prediction, power },
        ...(1 - power > alpha * (1 + 1e-9) ? { calibrationWarning: `under-powered design: power ${power.toPrecision(6)} against p = ${design.alternative} < 1 − α_i (α_i = ${alpha.toExponential(2)}); raise nMax` } : {}),
        notes: [
          `${x} of ${d.n} units are 1 (p̂ = ${(x / d.n).toPrecision(4)}) at look ${d.look + 1} of ${b.looks.length} (n = ${b.looks.join(', ')}): reject when the 0 units reach ${b.reject.join(', ')}; accept when they are at most ${b.accept.join(', ')}`,
          `power against p = ${design.alternative}: ${power.toPrecision(6)} (exact; miss ${(1 - power).toExponential(2)} vs α_i ${alpha.toExponential(2)}); the interval is the fixed-n Clopper–Pearson bound at the stopping look (descriptive: the verdict is the sequential rule's)`,
        ],
      };
    },
    designPower(_plan: Plan, prediction: number, world: World, alpha: number): number {
      if (!(world.value >= 0 && world.value <= 1)) throw new Error(`${name}.designPower: world.value must be a probability; got ${world.value}`);
      return sequentialRejectionProbability(design, prediction, alpha, world.value);
    },
    acceptance(_plan: Plan, world: World, alpha: number): number {
      return 1 - sequentialBoundaries({ ...design, alternative: design.alternative < world.value ? design.alternative : world.value / 2 }, world.value, alpha).falseFailure;
    },
  };
}
