/**
 * "The counts follow a predicted law": a goodness-of-fit check on units that are integer counts
 * (e.g. the number of active neurons in a layer, 0..N), against a discrete law on [lo, hi].
 *
 * Prediction. A `Check` receives one number; here it *indexes* the law: `law(prediction)` is the
 * predicted distribution, and its mean must equal the prediction (checked, to 1e-9 relative), so the
 * report's "estimate vs prediction" line compares the sample mean with the law's mean. Example:
 * `binomialCountsCheck(0.5)` with prediction N/2 tests "counts ~ Binomial(N, ½)". `designPower` (world.value = a)
 * and the smallest detectable deviation use the law with mean a (for binomials: N fixed, p = a/N,
 * i.e. a shifted p).
 *
 * Test. Bins: the support is cut left to right into runs of consecutive values whose expected count
 * n·P(bin) is ≥ E_MIN = 10; a last run short of that joins the previous bin, so both tails are pooled
 * into the end bins. With k ≥ 3 bins the statistic is the likelihood ratio G = 2 Σ O log(O/E)
 * divided by Williams' (1976) correction q = 1 + (Σ 1/π_j − 1)/(6n(k − 1)), referred to χ² with
 * k − 1 df at nominal level α/G_SAFETY (G_SAFETY = 2); the reported p-value is 2 × the χ² tail
 * (capped at 1), so p < α exactly when the check rejects. With k = 2 bins the test is the exact
 * binomial test of the first bin's count (central p-value, dual to Clopper–Pearson: ≤ α always).
 * A unit outside the support has probability 0 under the law: the check rejects with p-value 0.
 * With a single bin (n < 2·E_MIN) the test has no degree of freedom: consistent, no power (noted).
 *
 * Calibration at α ≈ 1e-5 (why these choices). Far in the tail the χ² approximation depends on the
 * smallest expected counts. Exact false-failure rates, by enumerating the multinomial
 * ({@link exactRejectionProbability}; cheap cases are pinned in goodness-of-fit.test.ts), over binomial laws
 * N ∈ {2..40}, p ∈ {0.03..0.5}, n ∈ {12..200} (k ≤ ~5 bins, the hardest cases: few, small cells):
 * - Pearson X² with E ≥ 5 at nominal α = 1e-5: up to 4.3·α (Binomial(4, ½), n = 100);
 * - G/q with E ≥ 5, two bins: up to 3.4·α; with E ≥ 10, two bins: up to 2.1·α — hence the exact
 *   binomial test for two bins;
 * - G/q with E ≥ 10, k ≥ 3, nominal α: worst 1.06·α (α = 1e-2) … 1.81·α (α = 1e-6);
 *   at nominal α/2: worst 0.55·α (1e-2), 0.56·α (1e-3), 0.66·α (1e-4), 0.78·α (1e-5), 0.87·α (1e-6),
 *   0.83·α (1e-7).
 * By simulation (4·10⁶ null samples per case, ±16% relative) with more bins — Binomial(16, ½), n = 200;
 * Binomial(32, ½), n = 1000; Binomial(64, 0.1), n = 500 — G/q at nominal α = 1e-5 with E ≥ 5 gave
 * 0.9–1.3·α, Pearson X² 1.9–2.3·α. The factor 2 therefore leaves a margin where the enumeration
 * reaches (few bins) and costs little power (the χ² critical value moves by a few percent).
 *
 * The recorded false-failure rate at the run's own law, n and α: exact by enumeration when the bins
 * fit {@link MAX_ENUMERATION}; beyond it (e.g. Binomial(3–12, ½) counts at n = 2000–64000 in
 * SK2020.Death.active-count-at-point) an importance-sampling upper bound, estimate + 2 se, from the
 * multinomial law of the bin counts ({@link importanceRejectionProbability}: Dirichlet–multinomial
 * proposal, a mixture of every exponential tilt of the bin probabilities, {@link IS_REPLICATIONS}
 * replications from the fixed seed {@link IS_SEED}: deterministic). Measured (2000 replications,
 * relative se 7–9%): Binomial(4, ½) n = 100 0.49α (exact 0.51α); Binomial(3, ½) n = 2000 0.55α;
 * Binomial(12, ½) n = 2000 0.48α, n = 16000 0.52α; Binomial(4, ½) n = 16000 at α = 1e-6 0.48α;
 * Binomial(8, ½) n = 8000 at α = 1e-6 0.44α — bounds ≤ 0.74α (command: the scratch script quoted in
 * goodness-of-fit.test.ts). A bound above α is reported as a calibration warning (never happened).
 *
 * Power (k ≥ 3): noncentral χ² approximation, G/q ≈ χ²_{k−1}(λ) with λ = 2n·Σ_j q_j log(q_j/π_j) (the
 * Kullback–Leibler divergence of the pooled alternative from the pooled law; Agresti 2013 §6.6),
 * the noncentral tail summed as a Poisson mixture of central χ² tails; an alternative that puts
 * mass outside the support adds its certain-rejection probability. Two bins: the exact binomial
 * power of the Clopper–Pearson-dual test.
 *
 * Display interval: the Student t interval for the mean at level 1 − α (it takes no part in the
 * verdict).
 *
 * References: Williams (1976), "Improved likelihood ratio tests for complete contingency tables",
 * Biometrika 63(1):33–37; Agresti (2013), Categorical Data Analysis, 3rd ed., §1.5, §6.6; Cochran
 * (1954), Biometrics 10:417–451 (the E ≥ 5 rule).
 */
import { chiSquareCdf, chiSquareQuantile, logGamma, tQuantile } from '../stats';
import { dirichletMultinomialImportance, type ImportanceEstimate } from '../stats/importance-sampling';
import type { Check, CheckOutcome, FalseFailureRate, Plan } from '../harness/types';
import { DETECTION_POWER } from './detection';
import { binomialLogPmf, binomialTail } from './binomial';
import { clopperPearsonCriticalValues, clopperPearsonPower, planSizes } from './proportion';

// Captured once: jest's sandbox makes every Math.x lookup slow in hot loops (see engine/random).
const { abs, ceil, exp, floor, log, max, min, pow, round, sqrt } = Math;

/** Pooling rule: every bin's expected count n·P(bin) is at least this. */
export const E_MIN = 10;

/** With ≥ 3 bins the G test runs at nominal α/G_SAFETY (see the module comment). */
export const G_SAFETY = 2;

/** A discrete law on the integers lo..hi. */
export interface CountLaw {
  /** For notes, e.g. `Binomial(32, 0.5)`. */
  name: string;
  /** Integer bounds of the support, lo ≤ hi. */
  support: [number, number];
  /** P(X = k) for integer k in the support; must sum to 1 (within 1e-9). */
  pmf: (k: number) => number;
}

/** Binomial(N, p) as a CountLaw (p in [0, 1], N a non-negative integer). */
export function binomialLaw(N: number, p: number): CountLaw {
  if (!Number.isInteger(N) || N < 0) throw new Error(`binomialLaw: N must be an integer ≥ 0; got ${N}`);
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new Error(`binomialLaw: p must be in [0, 1]; got ${p}`);
  return {
    name: `Binomial(${N}, ${+p.toPrecision(6)})`,
    support: [0, N],
    pmf: (k) => (p === 0 ? (k === 0 ? 1 : 0) : p === 1 ? (k === N ? 1 : 0) : exp(binomialLogPmf(k, N, p))),
  };
}

/** A law's probabilities over its support, validated. */
function tabulate(fn: string, law: CountLaw): Float64Array {
  const [lo, hi] = law.support;
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo > hi) throw new Error(`${fn}: law.support must be integers lo ≤ hi; got [${lo}, ${hi}]`);
  const probs = new Float64Array(hi - lo + 1);
  let sum = 0;
  for (let k = lo; k <= hi; k++) {
    const v = law.pmf(k);
    if (!(v >= 0 && Number.isFinite(v))) throw new Error(`${fn}: law.pmf(${k}) must be a probability; got ${v}`);
    probs[k - lo] = v;
    sum += v;
  }
  if (!(abs(sum - 1) <= 1e-9)) throw new Error(`${fn}: law.pmf must sum to 1 over [${lo}, ${hi}]; sums to ${sum}`);
  return probs;
}

export interface Bin {
  /** Inclusive range of counts. */
  from: number;
  to: number;
  /** Probability of the bin under the law. */
  prob: number;
}

/** Consecutive values pooled left to right until n·P ≥ E_MIN; a short remainder joins the last bin. */
export function poolBins(probs: Float64Array, lo: number, n: number, eMin = E_MIN): Bin[] {
  const bins: Bin[] = [];
  let start = lo;
  let acc = 0;
  for (let i = 0; i < probs.length; i++) {
    acc += probs[i];
    if (n * acc >= eMin) {
      bins.push({ from: start, to: lo + i, prob: acc });
      start = lo + i + 1;
      acc = 0;
    }
  }
  const end = lo + probs.length - 1;
  if (bins.length === 0) return [{ from: lo, to: end, prob: 1 }];
  if (start <= end) {
    const last = bins[bins.length - 1];
    bins[bins.length - 1] = { from: last.from, to: end, prob: last.prob + acc };
  }
  return bins;
}

/** Williams' correction factor q for k cells with probabilities π_j and n units. */
export function williamsQ(bins: Bin[], n: number): number {
  const k = bins.length;
  const inv = bins.reduce((s, b) => s + 1 / b.prob, 0);
  return 1 + (inv - 1) / (6 * n * (k - 1));
}

/** The Williams-corrected G statistic of observed counts against bin probabilities. */
export function gStatistic(observed: ArrayLike<number>, bins: Bin[], n: number): number {
  let g = 0;
  for (let j = 0; j < bins.length; j++) {
    const o = observed[j];
    if (o > 0) g += o * log(o / (n * bins[j].prob));
  }
  return (2 * g) / williamsQ(bins, n);
}

/** P(χ²_k(λ) > x): Poisson(λ/2) mixture of central χ² tails. */
export function noncentralChiSquareTail(x: number, k: number, lambda: number): number {
  if (lambda <= 0) return 1 - chiSquareCdf(x, k);
  const m = lambda / 2;
  const from = max(0, floor(m - 12 * sqrt(m) - 12));
  const to = ceil(m + 12 * sqrt(m) + 12);
  let s = 0;
  for (let j = from; j <= to; j++) {
    const w = exp(-m + j * log(m) - logGamma(j + 1));
    s += w * (1 - chiSquareCdf(x, k + 2 * j));
  }
  return min(1, s);
}

export interface DistributionCheckSpec {
  /** What the law is, for the report (e.g. "active neurons ~ Binomial(N, ½)"). */
  name: string;
  /** The predicted law; its mean must equal the prediction. */
  law: (prediction: number) => CountLaw;
  /** The law with mean `alternative` used for power (default: `law(alternative)`). */
  alternative?: (prediction: number, alternative: number) => CountLaw;
}

/**
 * Power of the check at n against the law `alt` (module comment): k = 2 bins exact (binomial tails),
 * k ≥ 3 the noncentral χ² approximation; mass of `alt` outside the bins rejects.
 */
function approximatePower(bins: Bin[], n: number, alpha: number, alt: CountLaw): number {
  const k = bins.length;
  const lo = bins[0].from;
  const hi = bins[k - 1].to;
  const [alo, ahi] = alt.support;
  let out = 0;
  const qBins = new Float64Array(k);
  for (let v = alo; v <= ahi; v++) {
    const pv = alt.pmf(v);
    if (v < lo || v > hi) {
      out += pv;
      continue;
    }
    let j = 0;
    while (v > bins[j].to) j++;
    qBins[j] += pv;
  }
  let kl = 0;
  for (let j = 0; j < k; j++) if (qBins[j] > 0) kl += qBins[j] * log(qBins[j] / bins[j].prob);
  const inside =
    k === 2
      ? clopperPearsonPower(n, bins[0].prob, alpha, 'two-sided', min(1, qBins[0] / max(1e-300, qBins[0] + qBins[1])))
      : k > 2
        ? noncentralChiSquareTail(chiSquareQuantile(1 - alpha / G_SAFETY, k - 1) * williamsQ(bins, n), k - 1, 2 * n * max(0, kl))
        : 0;
  return 1 - (1 - inside) * pow(1 - min(1, out), n);
}

/** Goodness-of-fit check of integer-count units against `spec.law(prediction)` (see the module comment). */
export function distributionCheck(spec: DistributionCheckSpec): Check {
  const fn = `distributionCheck(${spec.name})`;
  const altLaw = spec.alternative ?? ((_p: number, a: number) => spec.law(a));
  const rates = new Map<string, FalseFailureRate>();
  /** The false-failure rate at n: exact by enumeration when it fits, else an importance-sampling bound (module comment). */
  const falseFailure = (law: CountLaw, n: number, alpha: number): FalseFailureRate => {
    const key = `${law.name}/${n}/${alpha}`;
    let rate = rates.get(key);
    if (!rate) {
      const k = poolBins(tabulate(fn, law), law.support[0], n).length;
      if (k <= 2 || enumerationSize(n, k) <= MAX_ENUMERATION) {
        rate = { rate: exactRejectionProbability(law, n, alpha).rate, method: 'exact', note: `${k} bin(s) at n = ${n}: ${k > 2 ? 'multinomial enumeration of every bin-count vector' : 'exact binomial tails'} under ${law.name}` };
      } else {
        const is = importanceRejectionProbability(law, n, alpha);
        const bound = is.estimate * (1 + 2 * is.relativeSE);
        rate = {
          rate: Number.isFinite(bound) ? bound : 1,
          method: 'importance-sampling',
          note: `${k} bins at n = ${n} (${enumerationSize(n, k).toExponential(2)} bin-count vectors, beyond enumeration): importance sampling from the multinomial law under ${law.name} (Dirichlet–multinomial proposal, ${is.reps} replications, seed ${IS_SEED}) gives ${(is.estimate / alpha).toFixed(3)}α ± ${(100 * is.relativeSE).toFixed(0)}% (relative se); recorded: estimate + 2 se`,
        };
      }
      rates.set(key, rate);
    }
    return rate;
  };
  /** The predicted law for a plan (Plan.trials = N, prediction = N·p). */
  const planLaw = (where: string, plan: Plan, prediction: number): { law: CountLaw; n: number } => {
    const [n] = planSizes(`${fn}.${where}`, plan, 1);
    return { law: spec.law(prediction), n };
  };
  return {
    name: `counts follow the predicted law: ${spec.name}`,
    method: `likelihood-ratio (G) goodness-of-fit test with Williams' correction, bins pooled to expected counts ≥ ${E_MIN}, χ² with bins − 1 df; display interval: Student t for the mean`,
    sides: 'two-sided',
    evaluate(units, prediction, alpha): CheckOutcome {
      if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new Error(`${fn}: alpha must be in (0, 1); got ${alpha}`);
      const n = units.length;
      if (n < 2) throw new Error(`${fn}: units must hold at least 2 counts; got ${n}`);
      const law = spec.law(prediction);
      const probs = tabulate(fn, law);
      const [lo, hi] = law.support;
      let lawMean = 0;
      for (let i = 0; i < probs.length; i++) lawMean += (lo + i) * probs[i];
      if (!(abs(lawMean - prediction) <= 1e-9 * max(1, abs(prediction)))) {
        throw new Error(`${fn}: the prediction must be the mean of law(prediction) = ${law.name}; prediction ${prediction}, law mean ${lawMean}`);
      }
      const bins = poolBins(probs, lo, n);
      const observed = new Float64Array(bins.length);
      let outside = 0;
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const u = units[i];
        if (!Number.isInteger(u)) throw new Error(`${fn}: units must be integer counts; units[${i}] = ${u}`);
        sum += u;
        sumSq += u * u;
        if (u < lo || u > hi) {
          outside++;
          continue;
        }
        // Bins are few; a linear scan keeps this simple.
        let j = 0;
        while (u > bins[j].to) j++;
        observed[j]++;
      }
      const mean = sum / n;
      const sd = sqrt(max(0, (sumSq - n * mean * mean) / (n - 1)));
      const half = tQuantile(1 - alpha / 2, n - 1) * (sd / sqrt(n));
      const k = bins.length;
      const df = k - 1;
      const q = k > 1 ? williamsQ(bins, n) : 1;
      const g = k > 1 ? gStatistic(observed, bins, n) : 0;
      // Two bins: the exact binomial test of the first bin's count (central p-value, dual to
      // Clopper–Pearson). Three or more: the χ² p-value of G/q times G_SAFETY, so p < α ⇔ rejected.
      const exactTwoBins = (): number => {
        const x = observed[0];
        const pi = bins[0].prob;
        return min(1, 2 * min(binomialTail(x, n - outside, pi, 'upper'), binomialTail(x, n - outside, pi, 'lower')));
      };
      const pValue = outside > 0 ? 0 : k === 2 ? exactTwoBins() : k > 2 ? min(1, G_SAFETY * (1 - chiSquareCdf(g, df))) : 1;
      const power = (alternative: number): number => approximatePower(bins, n, alpha, altLaw(prediction, alternative));
      // Smallest relative shift of the mean detected with DETECTION_POWER, on either side (bisection;
      // an alternative the family cannot represent counts as not detected).
      const safePower = (a: number): number => {
        try {
          return power(a);
        } catch {
          return 0;
        }
      };
      const detect = (sign: number): number => {
        if (prediction === 0 || k < 2) return Infinity;
        const at = (r: number): number => safePower(prediction * (1 + sign * r));
        let far = 1;
        while (far > 1e-6 && !(at(far) >= DETECTION_POWER)) far /= 2; // largest representable shift with enough power
        if (!(at(far) >= DETECTION_POWER)) return Infinity;
        let near = 0;
        for (let i = 0; i < 50; i++) {
          const mid = (near + far) / 2;
          if (at(mid) >= DETECTION_POWER) far = mid;
          else near = mid;
        }
        return far;
      };
      // Computed only when read (the report reads it; simulations of the verdict do not): each
      // bisection step evaluates a noncentral χ² tail.
      let detectable: { relative: number; power: number } | undefined | null = null;
      const minDetectable = (): { relative: number; power: number } | undefined => {
        if (detectable === null) {
          const relative = min(detect(1), detect(-1));
          detectable = Number.isFinite(relative) ? { relative, power: DETECTION_POWER } : undefined;
        }
        return detectable;
      };

      const notes = [
        k === 2
          ? `law ${law.name}; 2 bins (expected counts ≥ ${E_MIN}): exact binomial test of the first bin's count, p = ${pValue.toExponential(2)}`
          : `law ${law.name}; ${k} bins (expected counts ≥ ${E_MIN}), G/q = ${g.toPrecision(4)} with Williams q = ${q.toPrecision(4)} on ${df} df, p = ${G_SAFETY} × χ² tail = ${pValue.toExponential(2)}`,
        `observed/expected per bin: ${bins
          .map((b, j) => `[${b.from === b.to ? b.from : `${b.from}–${b.to}`}] ${observed[j]}/${(n * b.prob).toFixed(1)}`)
          .join(', ')}`,
      ];
      if (outside > 0) notes.push(`${outside} unit(s) outside the support [${lo}, ${hi}]: impossible under the law, rejected`);
      if (k < 2) notes.push(`only one bin at n = ${n}: no degrees of freedom, the test has no power`);
      const rate = falseFailure(law, n, alpha);
      return {
        estimate: mean,
        interval: { lower: mean - half, upper: mean + half, level: 1 - alpha },
        verdict: pValue < alpha ? 'rejected' : 'consistent',
        pValue,
        get minDetectable() {
          return minDetectable();
        },
        notes,
        falseFailure: rate,
        ...(rate.rate > alpha ? { calibrationWarning: `the false-failure rate bound ${rate.rate.toExponential(2)} exceeds α = ${alpha} (${rate.note ?? rate.method}): a design error` } : {}),
      };
    },
    /**
     * Exact (enumeration under the world's law, `spec.alternative(prediction, world.value)`) when the
     * bins fit {@link MAX_ENUMERATION}, else the noncentral χ² approximation of the module comment.
     */
    designPower(plan, prediction, world, alpha) {
      const { law, n } = planLaw('designPower', plan, prediction);
      const truth = altLaw(prediction, world.value);
      const k = poolBins(tabulate(fn, law), law.support[0], n).length;
      if (k <= 2 || enumerationSize(n, k) <= MAX_ENUMERATION) return exactRejectionProbability(law, n, alpha, truth).rate;
      return approximatePower(poolBins(tabulate(fn, law), law.support[0], n), n, alpha, truth);
    },
    /** 1 − the false-failure rate at the world's value (the law with mean world.value is true). */
    acceptance(plan, world, alpha) {
      const { law, n } = planLaw('acceptance', plan, world.value);
      return 1 - falseFailure(law, n, alpha).rate;
    },
  };
}

/**
 * "Counts ~ Binomial(N, p)" with the prediction N·p (the law's mean; N = prediction/p must be an
 * integer). Alternatives keep N and shift p: the law with mean a is Binomial(N, a/N).
 */
export function binomialCountsCheck(p: number): Check {
  if (typeof p !== 'number' || !(p > 0 && p <= 1)) throw new Error(`binomialCountsCheck: p must be in (0, 1]; got ${p}`);
  const trials = (prediction: number): number => {
    const N = round(prediction / p);
    if (!(N >= 0) || abs(N * p - prediction) > 1e-9 * max(1, abs(prediction))) {
      throw new Error(`binomialCountsCheck(${p}): prediction must be N·p for an integer N ≥ 0; got ${prediction}`);
    }
    return N;
  };
  return distributionCheck({
    name: `Binomial(N, ${p}) with N = prediction/${p}`,
    law: (prediction) => binomialLaw(trials(prediction), p),
    alternative: (prediction, a) => {
      const N = trials(prediction);
      return binomialLaw(N, a / N);
    },
  });
}

/** Largest number of bin-count vectors the check enumerates for an exact rate (C(n + k − 1, k − 1)). */
export const MAX_ENUMERATION = 3e6;

/** Number of bin-count vectors of k bins summing to n, C(n + k − 1, k − 1). */
export function enumerationSize(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i < k; i++) c = (c * (n + i)) / i;
  return c;
}

/**
 * Exact probability that the check rejects at n units when they follow `truth` (`truth` = `law`: the
 * false-failure rate; another law: the power). k ≥ 3 bins: the multinomial probability (under the
 * truth's bin probabilities) of every bin-count vector whose G/q exceeds the χ² critical value at
 * α/`safety`, by enumeration (C(n + k − 1, k − 1) vectors, ≤ {@link MAX_ENUMERATION}); k = 2: the
 * exact binomial tails of the two-bin test; k = 1: 0. Mass of the truth outside the law's support
 * rejects. `safety` = 1 gives the uncorrected test (calibration studies).
 */
export function exactRejectionProbability(law: CountLaw, n: number, alpha: number, truth: CountLaw = law, safety = G_SAFETY, eMin = E_MIN): { bins: Bin[]; rate: number } {
  const fn = 'exactRejectionProbability';
  const probs = tabulate(fn, law);
  const [lo, hi] = law.support;
  const bins = poolBins(probs, lo, n, eMin);
  const k = bins.length;
  const q = new Float64Array(k);
  let out = 0;
  const tProbs = tabulate(fn, truth);
  tProbs.forEach((pv, i) => {
    const v = truth.support[0] + i;
    if (v < lo || v > hi) out += pv;
    else q[bins.findIndex((b) => v <= b.to)] += pv;
  });
  const inside = 1 - out;
  const allInside = pow(inside, n);
  if (k < 2) return { bins, rate: 1 - allInside };
  if (enumerationSize(n, k) > MAX_ENUMERATION) throw new Error(`${fn}: ${k} bins at n = ${n} need ${enumerationSize(n, k).toExponential(2)} vectors (> ${MAX_ENUMERATION})`);
  let rate = 0;
  if (k === 2) {
    const { lo: cLo, hi: cHi } = clopperPearsonCriticalValues(n, bins[0].prob, alpha / 2);
    const r = inside > 0 ? q[0] / inside : 0;
    rate = binomialTail(cHi, n, r, 'upper') + binomialTail(cLo, n, r, 'lower');
  } else {
    const logFact = new Float64Array(n + 1);
    for (let i = 1; i <= n; i++) logFact[i] = logFact[i - 1] + log(i);
    const logQ = Array.from(q, (v) => (inside > 0 ? log(v / inside) : -Infinity));
    const critical = chiSquareQuantile(1 - alpha / safety, k - 1);
    const obs = new Float64Array(k);
    const visit = (j: number, left: number, logProb: number): void => {
      if (j === k - 1) {
        obs[j] = left;
        const lp = logProb + (left > 0 ? left * logQ[j] : 0) - logFact[left] + logFact[n];
        if (gStatistic(obs, bins, n) > critical && lp > -Infinity) rate += exp(lp);
        return;
      }
      for (let c = 0; c <= left; c++) {
        obs[j] = c;
        visit(j + 1, left - c, logProb + (c > 0 ? c * logQ[j] : 0) - logFact[c]);
      }
    };
    visit(0, n, 0);
  }
  return { bins, rate: min(1, 1 - allInside * (1 - min(1, rate))) };
}

/** Alias of {@link binomialCountsCheck}: "counts ~ Binomial(prediction/p, p)". */
export const binomialGoodnessOfFit = binomialCountsCheck;

/** Replications of the importance-sampling rate (relative se ≈ 7–9% at 2000; module comment). */
export const IS_REPLICATIONS = 2000;

/** Seed of the importance-sampling rate: fixed, so the recorded rate is deterministic. */
export const IS_SEED = 20261203;

/**
 * The false-failure rate of the k ≥ 3-bin G test at n units under `law`, by importance sampling of
 * the bin counts' multinomial law (module comment): the event is G/q > the χ² critical value at
 * α/G_SAFETY (exactly the check's rejection), the proposal the Dirichlet–multinomial with inflation
 * ρ = critical/(k − 1) (G/q ≈ ρ·χ²_{k−1} under it: about half the replications reject). For the
 * cases {@link exactRejectionProbability} reaches it agrees with the exact rate (goodness-of-fit.test.ts).
 *
 * @example importanceRejectionProbability(binomialLaw(12, 0.5), 2000, 1e-5).estimate; // ≈ 0.5e-5
 */
export function importanceRejectionProbability(law: CountLaw, n: number, alpha: number, reps = IS_REPLICATIONS, seed = IS_SEED): ImportanceEstimate {
  const fn = 'importanceRejectionProbability';
  if (!(Number.isInteger(n) && n >= 2)) throw new Error(`${fn}: n must be an integer >= 2; got ${n}`);
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new Error(`${fn}: alpha must be in (0, 1); got ${alpha}`);
  const bins = poolBins(tabulate(fn, law), law.support[0], n);
  const k = bins.length;
  if (k < 3) throw new Error(`${fn}: needs ≥ 3 bins (fewer are exact: exactRejectionProbability); ${law.name} at n = ${n} has ${k}`);
  const critical = chiSquareQuantile(1 - alpha / G_SAFETY, k - 1);
  const inflation = min(n / 2, max(1.5, critical / (k - 1)));
  return dirichletMultinomialImportance(Float64Array.from(bins, (b) => b.prob), n, inflation, (counts) => gStatistic(counts, bins, n) > critical, reps, seed);
}
