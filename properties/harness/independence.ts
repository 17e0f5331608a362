/**
 * What "i.i.d. units" needs, checked on every configuration's experiment before its statistical check
 * is believed. Every interval of the suite assumes independent units; an engine whose networks share
 * their random streams (every unit duplicated: n effectively halved, intervals √2 too narrow) would
 * otherwise pass every check. Three parts, each with a false-failure rate bounded at its share of α:
 *
 * (a) **Duplicate networks** (when the experiment reports `fingerprints`, one per independent
 *     network): r = the number of networks whose fingerprint repeats an earlier one. A correct
 *     engine's distinct networks collide only by a hash collision of the 53-bit fingerprint
 *     (engine/random/fingerprint.ts). Under the random-function model of the hash, with
 *     λ = C(N, 2)·2^−53: choosing the r repeating networks i and an earlier partner j(i) each can be
 *     done in at most C(N, 2)^r / r! ways and each choice collides with probability 2^−53r, so
 *     P(r ≥ k) ≤ λ^k / k!; the part rejects when λ^r / r! ≤ α_t (its rate is ≤ min(α_t, λ)).
 * (b) **Duplicate neighbouring units** (every sample): D = the number of exactly equal units among the
 *     disjoint neighbouring pairs (0,1), (2,3), … (and, as a second test, (1,2), (3,4), …). Under
 *     i.i.d. units the sample is exchangeable: given its multiset of values, its order is a uniformly
 *     random permutation. With S = Σ_g g(g − 1) over the groups of equal values of the whole sample,
 *     a given pair is tied with probability ≤ S/(n(n − 1)), and given that k other disjoint pairs are
 *     tied, with probability ≤ S/((n − 2k)(n − 2k − 1)) (removing values never increases S). Union over
 *     the C(m, d) sets of d pairs:
 *         P(D ≥ d) ≤ B(d) = C(m, d) · ∏_{k<d} min(1, S/((n − 2k)(n − 2k − 1))),
 *     a proven bound for any unit law (continuous or not), so rejecting when min_{d′≤d} B(d′) ≤ α_t
 *     has false-failure rate ≤ α_t. For a continuous law a float32 unit repeats by chance (the
 *     birthday problem), which only raises S: the bound accounts for it exactly.
 * (c) **Lag-1 serial dependence** (samples without fingerprints): the Wald–Wolfowitz runs test
 *     (Wald & Wolfowitz 1940, Ann. Math. Stat. 11(2)) on the indicators "above the sample's median"
 *     along the unit order, two-sided, from its exact conditional law: given n₁ ones and n₂ zeros the
 *     arrangement is uniform under exchangeability, and
 *         P(R = 2k)     = 2·C(n₁−1, k−1)·C(n₂−1, k−1) / C(n, n₁),
 *         P(R = 2k + 1) = [C(n₁−1, k)·C(n₂−1, k−1) + C(n₁−1, k−1)·C(n₂−1, k)] / C(n, n₁)
 *     (e.g. Gibbons & Chakraborti, Nonparametric Statistical Inference, §3.2). Its false-failure rate
 *     is computed exactly (conditional on n₁, n₂) and is ≤ α_t. The threshold (u > median or
 *     u ≥ median, the more balanced) depends only on the multiset, so the law stays exact.
 *
 * Samples: the groups of a group experiment, else the units and the reference, each tested on its
 * own (units of different samples have different laws). Units of kind `exact` are deterministic and
 * not tested. α is split equally among the (a), (b) and (c) tests that run (α_t each).
 */
import type { UnitKind } from '../../theorems/types';
import { logGamma } from '../stats/distributions';
import type { Experiment, FalseFailureRate } from './types';

export interface IndependenceOutcome {
  ok: boolean;
  /** Why the check failed, naming the independence check and the part that failed. */
  reason?: string;
  /** The check's false-failure rate for i.i.d. units (all parts together, union bound). */
  falseFailure: FalseFailureRate;
  notes: string[];
}

/** The fingerprint hash width (engine/random/fingerprint.ts): distinct networks collide with probability 2^−53 per pair. */
const FINGERPRINT_COLLISION = 2 ** -53;

const logChoose = (a: number, b: number): number => (b < 0 || b > a ? -Infinity : logGamma(a + 1) - logGamma(b + 1) - logGamma(a - b + 1));

/** SameValueZero: the equality of Map keys (NaN equals NaN, +0 equals −0). */
const same = (x: number, y: number): boolean => x === y || (x !== x && y !== y);

function fmtP(p: number): string {
  return p === 0 ? '1e-300' : p.toExponential(2);
}

/** (a) Networks sharing their parameters: the pairs of equal fingerprints (at most `limit`), and how many networks repeat an earlier one. */
export function duplicateFingerprints(fingerprints: ArrayLike<number>, limit = 3): { repeats: number; pairs: [number, number][] } {
  const first = new Map<number, number>();
  const pairs: [number, number][] = [];
  let repeats = 0;
  for (let i = 0; i < fingerprints.length; i++) {
    const f = fingerprints[i];
    const j = first.get(f);
    if (j === undefined) {
      first.set(f, i);
      continue;
    }
    repeats++;
    if (pairs.length < limit) pairs.push([j, i]);
  }
  return { repeats, pairs };
}

/** λ = C(N, 2)·2^−53: the chance that N distinct networks' fingerprints collide at all (random-function model). */
export const fingerprintCollisionBound = (networks: number): number => ((networks * (networks - 1)) / 2) * FINGERPRINT_COLLISION;

/** P(at least `repeats` repeated fingerprints among N distinct networks) ≤ λ^r / r! (see the file comment). */
export function fingerprintPValueBound(networks: number, repeats: number): number {
  if (!Number.isInteger(repeats) || repeats < 0 || repeats >= Math.max(1, networks)) throw new Error(`repeats must be an integer in [0, N − 1] = [0, ${networks - 1}]; got ${repeats}`);
  const lambda = fingerprintCollisionBound(networks);
  return repeats === 0 ? 1 : Math.min(1, Math.exp(repeats * Math.log(lambda) - logGamma(repeats + 1)));
}

/** S = Σ_g g(g − 1) over the groups of equal values of a sample. */
export function tieMass(units: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < units.length; i++) counts.set(units[i], (counts.get(units[i]) ?? 0) + 1);
  let s = 0;
  for (const g of counts.values()) s += g * (g - 1);
  return s;
}

/**
 * (b) The neighbouring-duplicates test on the disjoint pairs (offset, offset+1), (offset+2, offset+3), …:
 * the observed number of tied pairs `tied` of `pairs`, and the p-value bound min_{d≤tied} B(d) (see
 * the file comment), valid for any exchangeable sample.
 */
export function neighbourTies(units: ArrayLike<number>, offset: 0 | 1): { tied: number; pairs: number; pValue: number } {
  const n = units.length;
  const pairs = Math.floor((n - offset) / 2);
  let tied = 0;
  for (let k = 0; k < pairs; k++) if (same(units[offset + 2 * k], units[offset + 2 * k + 1])) tied++;
  return { tied, pairs, pValue: tiesPValueBound(n, pairs, tieMass(units), tied) };
}

/** min_{d′ ≤ d} B(d′), B(d) = C(m, d)·∏_{k<d} min(1, S/((n − 2k)(n − 2k − 1))): a bound on P(D ≥ d) under exchangeability. */
export function tiesPValueBound(n: number, pairs: number, tieMassS: number, tied: number): number {
  if (!Number.isInteger(n) || n < 2) throw new Error(`n must be an integer ≥ 2; got ${n}`);
  if (!Number.isInteger(pairs) || pairs < 1 || 2 * pairs > n) throw new Error(`pairs must be an integer in [1, n/2] = [1, ${Math.floor(n / 2)}]; got ${pairs}`);
  if (!Number.isInteger(tied) || tied < 0 || tied > pairs) throw new Error(`tied must be an integer in [0, pairs = ${pairs}]; got ${tied}`);
  if (!(tieMassS >= 0 && tieMassS <= n * (n - 1))) throw new Error(`the tie mass S must be in [0, n(n − 1)] = [0, ${n * (n - 1)}]; got ${tieMassS}`);
  let logB = 0;
  let best = 0;
  for (let d = 1; d <= tied; d++) {
    const k = d - 1;
    const tieProb = tieMassS / ((n - 2 * k) * (n - 2 * k - 1));
    logB += Math.log((pairs - d + 1) / d) + Math.min(0, Math.log(tieProb));
    best = Math.min(best, logB);
  }
  return Math.exp(best);
}

/** The exact law of the number of runs R of n₁ ones and n₂ zeros in uniformly random order: pmf[r] = P(R = r). */
export function runsDistribution(n1: number, n2: number): Float64Array {
  for (const [name, v] of [
    ['n1', n1],
    ['n2', n2],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be an integer ≥ 1; got ${v}`);
  }
  const n = n1 + n2;
  const logDen = logChoose(n, n1);
  const pmf = new Float64Array(n + 1);
  for (let r = 2; r <= n; r++) {
    const k = Math.floor(r / 2);
    let logP: number;
    if (r % 2 === 0) {
      logP = Math.log(2) + logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k - 1) - logDen;
    } else {
      const a = logChoose(n1 - 1, k) + logChoose(n2 - 1, k - 1);
      const b = logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k);
      const m = Math.max(a, b);
      logP = m === -Infinity ? -Infinity : m + Math.log(Math.exp(a - m) + Math.exp(b - m)) - logDen;
    }
    pmf[r] = Math.exp(logP);
  }
  return pmf;
}

export interface RunsTest {
  runs: number;
  n1: number;
  n2: number;
  /** Expected runs under exchangeability, 1 + 2n₁n₂/n. */
  expected: number;
  /** Exact P(R ≤ runs) and P(R ≥ runs). */
  lower: number;
  upper: number;
  rejected: boolean;
  /** Exact conditional false-failure rate of the two-sided test at level `alpha` (α/2 per tail), ≤ α. */
  size: number;
}

/** (c) The two-sided exact runs test above/below the median at level α (α/2 per tail); undefined when every unit is on one side. */
export function runsTest(units: ArrayLike<number>, alpha: number): RunsTest | undefined {
  const n = units.length;
  if (n < 2) return undefined;
  const sorted = Float64Array.from(units).sort();
  const median = sorted[Math.floor((n - 1) / 2)];
  let above = 0;
  let atLeast = 0;
  for (let i = 0; i < n; i++) {
    if (units[i] > median) above++;
    if (units[i] >= median) atLeast++;
  }
  const strict = Math.min(above, n - above) >= Math.min(atLeast, n - atLeast);
  const label = (x: number): boolean => (strict ? x > median : x >= median);
  const n1 = strict ? above : atLeast;
  const n2 = n - n1;
  if (n1 === 0 || n2 === 0) return undefined;
  let runs = 1;
  for (let i = 1; i < n; i++) if (label(units[i]) !== label(units[i - 1])) runs++;
  const pmf = runsDistribution(n1, n2);
  const cdf = new Float64Array(n + 2); // cdf[r] = P(R ≤ r)
  for (let r = 1; r <= n; r++) cdf[r] = cdf[r - 1] + pmf[r];
  const sf = new Float64Array(n + 2); // sf[r] = P(R ≥ r), summed from the top for accuracy in the upper tail
  for (let r = n; r >= 1; r--) sf[r] = sf[r + 1] + pmf[r];
  let sizeLow = 0;
  for (let r = 1; r <= n && cdf[r] <= alpha / 2; r++) sizeLow = cdf[r];
  let sizeHigh = 0;
  for (let r = n; r >= 1 && sf[r] <= alpha / 2; r--) sizeHigh = sf[r];
  const lower = Math.min(1, cdf[runs]);
  const upper = Math.min(1, sf[runs]);
  return { runs, n1, n2, expected: 1 + (2 * n1 * n2) / n, lower, upper, rejected: lower <= alpha / 2 || upper <= alpha / 2, size: sizeLow + sizeHigh };
}

interface Sample {
  name: string;
  units: Float64Array;
}

function samplesOf(exp: Experiment): Sample[] {
  if (exp.groups?.length) return exp.groups.map((g) => ({ name: `group x = ${g.x}`, units: g.units }));
  return [{ name: 'units', units: exp.units }, ...(exp.reference ? [{ name: 'reference', units: exp.reference }] : [])];
}

/**
 * The independence check of one configuration's experiment at level `alpha` (its false-failure
 * rate is ≤ alpha; see the file comment for the parts and their rates).
 */
export function checkIndependence(exp: Experiment, unitKind: UnitKind, alpha: number): IndependenceOutcome {
  if (!(alpha > 0 && alpha < 0.5)) throw new Error(`alpha must be in (0, 0.5); got ${alpha}`);
  if (unitKind === 'exact') {
    return { ok: true, falseFailure: { rate: 0, method: 'exact', note: 'independence check: units of kind exact are deterministic (not tested)' }, notes: [] };
  }
  const notes: string[] = [];
  const failures: string[] = [];
  const fingerprints = exp.fingerprints;
  if (fingerprints !== undefined && fingerprints.length < 1) throw new Error('experiment.fingerprints must hold one fingerprint per network; got none');
  const samples = samplesOf(exp).filter((s) => s.units.length >= 2);
  const testsPerSample = (s: Sample): number => (s.units.length >= 3 ? 2 : 1) + (fingerprints === undefined ? 1 : 0);
  const tests = samples.reduce((t, s) => t + testsPerSample(s), fingerprints !== undefined ? 1 : 0);
  const alphaT = tests > 0 ? alpha / tests : 0;
  let rate = 0;
  let fingerprintRate = 0;
  if (fingerprints !== undefined) {
    fingerprintRate = Math.min(alphaT, fingerprintCollisionBound(fingerprints.length));
    rate += fingerprintRate;
    const dup = duplicateFingerprints(fingerprints);
    const p = fingerprintPValueBound(fingerprints.length, dup.repeats);
    notes.push(`independence (a): ${fingerprints.length} network fingerprints, ${dup.repeats} repeated; P(≥ ${dup.repeats}) ≤ ${fmtP(p)} (level ${alphaT.toExponential(2)})`);
    if (p <= alphaT) {
      failures.push(
        `${dup.repeats} of ${fingerprints.length} networks share their parameters with an earlier one (equal fingerprints, e.g. networks ${dup.pairs.map(([a, b]) => `${a} and ${b}`).join(', ')}); by chance P(≥ ${dup.repeats}) ≤ ${fmtP(p)} ≤ ${alphaT.toExponential(2)}`,
      );
    }
  }
  for (const s of samples) {
    for (const offset of s.units.length >= 3 ? ([0, 1] as const) : ([0] as const)) {
      const t = neighbourTies(s.units, offset);
      rate += alphaT;
      notes.push(`independence (b) ${s.name}: ${t.tied} of ${t.pairs} neighbouring pairs (${offset}+2k, ${offset + 1}+2k) equal; P(≥ ${t.tied}) ≤ ${fmtP(t.pValue)} (level ${alphaT.toExponential(2)})`);
      if (t.pValue <= alphaT) {
        failures.push(`${s.name}: ${t.tied} of ${t.pairs} neighbouring pairs (${offset}+2k, ${offset + 1}+2k) are exact duplicates; for i.i.d. units P(≥ ${t.tied}) ≤ ${fmtP(t.pValue)} ≤ ${alphaT.toExponential(2)}`);
      }
    }
    if (fingerprints === undefined) {
      const r = runsTest(s.units, alphaT);
      if (r === undefined) {
        notes.push(`independence (c) ${s.name}: every unit on one side of the median, no runs test`);
        continue;
      }
      rate += r.size;
      notes.push(`independence (c) ${s.name}: ${r.runs} runs above/below the median (n₁ = ${r.n1}, n₂ = ${r.n2}, expected ${r.expected.toFixed(1)}); exact P(R ≤ ${r.runs}) = ${fmtP(r.lower)}, P(R ≥ ${r.runs}) = ${fmtP(r.upper)}`);
      if (r.rejected) {
        failures.push(`${s.name}: ${r.runs} runs above/below the median along the unit order where i.i.d. units give ${r.expected.toFixed(1)} on average (exact P(R ≤ ${r.runs}) = ${fmtP(r.lower)}, P(R ≥ ${r.runs}) = ${fmtP(r.upper)}, level ${alphaT.toExponential(2)} two-sided): lag-1 dependence`);
      }
    }
  }
  const parts = [
    ...(fingerprints !== undefined ? [`(a) fingerprint collisions ≤ min(α_t, C(N, 2)·2^−53) = ${fingerprintRate.toExponential(2)} (random-function model of the 53-bit hash)`] : []),
    `(b) neighbouring duplicates ≤ ${alphaT.toExponential(2)} per test (exchangeability bound)`,
    ...(fingerprints === undefined ? ['(c) runs test: its exact conditional size'] : []),
  ];
  const falseFailure: FalseFailureRate = { rate, method: 'bound', note: `independence check over ${samples.length} sample(s), ${tests} test(s): ${parts.join('; ')}` };
  if (failures.length > 0) {
    return { ok: false, reason: `independence check failed (units are not i.i.d.): ${failures.join('; ')}`, falseFailure, notes };
  }
  return { ok: true, falseFailure, notes };
}
