/**
 * Constructors of the relations a theorem's prediction states (the type is in `vocabulary.ts`), and
 * their one-line rendering for reports ("≤ 0.75", "within 1 ± 0.15 (exponent)").
 */
import type { Relation, SequentialDesign } from './vocabulary';

const finite = (name: string, x: number): number => {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`${name} must be a finite number; got ${x}`);
  return x;
};

export const equals = (value: number): Relation => ({ kind: 'equals', value: finite('equals(value)', value) });
export const atMost = (value: number): Relation => ({ kind: 'atMost', value: finite('atMost(value)', value) });
export const atLeast = (value: number): Relation => ({ kind: 'atLeast', value: finite('atLeast(value)', value) });
/** P(event) ≥ p for 0/1 units: the relation atLeast on a proportion. */
export const proportionAtLeast = (p: number): Relation => {
  if (!(p >= 0 && p <= 1)) throw new Error(`proportionAtLeast(p) needs p in [0, 1]; got ${p}`);
  return atLeast(p);
};

/** P(event) ≥ p tested sequentially: powered against `design.alternative` < p (see SequentialDesign). */
export const proportionAtLeastSequential = (p: number, design: SequentialDesign): Relation => {
  if (!(p > 0 && p < 1)) throw new Error(`proportionAtLeastSequential(p) needs p in (0, 1); got ${p}`);
  if (!(design.alternative > 0 && design.alternative < p)) throw new Error(`proportionAtLeastSequential: design.alternative must be in (0, p = ${p}); got ${design.alternative}`);
  return { kind: 'atLeast', value: p, sequential: { ...design } };
};

export function within(value: number, resolution: number, axis: 'log' | 'linear'): Relation {
  finite('within(value)', value);
  if (!(resolution >= 0 && Number.isFinite(resolution))) throw new Error(`within(resolution) must be a finite number ≥ 0; got ${resolution}`);
  return { kind: 'within', value, resolution, axis };
}

const effect = (name: string, m: number | undefined): { minEffect?: number } => {
  if (m === undefined) return {};
  if (!(typeof m === 'number' && Number.isFinite(m) && m > 0)) throw new Error(`${name} (the smallest effect of interest) must be a finite number > 0; got ${m}`);
  return { minEffect: m };
};

/** "E[unit] − E[reference] < value, demonstrated", with the smallest effect of interest `minEffect` (the difference value − minEffect must be shown with miss rate ≤ α). */
export const shownBelow = (value = 0, minEffect?: number): Relation => ({ kind: 'shownBelow', value: finite('shownBelow(value)', value), ...effect('shownBelow(minEffect)', minEffect) });
/** "The trend slope exceeds value, demonstrated", with the smallest effect of interest `minEffect` (a slope value + minEffect). */
export const shownIncreasing = (value = 0, minEffect?: number): Relation => ({ kind: 'shownIncreasing', value: finite('shownIncreasing(value)', value), ...effect('shownIncreasing(minEffect)', minEffect) });
export const nonDecreasing = (value = 0): Relation => ({ kind: 'nonDecreasing', value: finite('nonDecreasing(value)', value) });
/** "Every consecutive paired step rises, demonstrated": P(step > value) − P(step < value) > 0 at each step, with the smallest effect of interest `minEffect` ∈ (0, 1] on that sign difference. */
export const shownStepsIncrease = (value = 0, minEffect?: number): Relation => {
  if (minEffect !== undefined && !(minEffect <= 1)) throw new Error(`shownStepsIncrease(minEffect) (a difference of two probabilities) must be ≤ 1; got ${minEffect}`);
  return { kind: 'shownStepsIncrease', value: finite('shownStepsIncrease(value)', value), ...effect('shownStepsIncrease(minEffect)', minEffect) };
};

export function binomialLaw(trials: number, p: number): Relation {
  if (!(Number.isInteger(trials) && trials >= 0)) throw new Error(`binomialLaw(trials) must be an integer ≥ 0; got ${trials}`);
  if (!(p > 0 && p <= 1)) throw new Error(`binomialLaw(p) must be in (0, 1]; got ${p}`);
  return { kind: 'distributed', law: 'binomial', trials, p, value: trials * p };
}

export const implication = (antecedent: string, consequent: string): Relation => ({ kind: 'implication', antecedent, consequent, value: 0 });

const num = (x: number): string => (Number.isInteger(x) ? String(x) : Math.abs(x) !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5) ? x.toExponential(4) : String(Number(x.toPrecision(6))));

/** One line for reports: the decision rule against the predicted value. */
export function describeRelation(r: Relation): string {
  switch (r.kind) {
    case 'equals':
      return `= ${num(r.value)}`;
    case 'atMost':
      return `≤ ${num(r.value)}`;
    case 'atLeast':
      return r.sequential ? `≥ ${num(r.value)} (sequential, powered against ${num(r.sequential.alternative)}; n = ${r.sequential.nMin}…${r.sequential.nMax})` : `≥ ${num(r.value)}`;
    case 'within':
      return `within ${num(r.value)} ± ${num(r.resolution)} (${r.axis === 'log' ? 'growth exponent' : 'log slope per unit of x'})`;
    case 'shownBelow':
      return `shown < ${num(r.value)} (difference${r.minEffect === undefined ? '' : `; smallest effect of interest ${num(r.minEffect)}`})`;
    case 'shownIncreasing':
      return `shown increasing (trend slope > ${num(r.value)}${r.minEffect === undefined ? '' : `; smallest effect of interest ${num(r.minEffect)}`})`;
    case 'nonDecreasing':
      return `non-decreasing (a paired step below ${num(r.value)} no more likely than above)`;
    case 'shownStepsIncrease':
      return `every paired step shown to rise (P(step > ${num(r.value)}) − P(step < ${num(r.value)}) > 0${r.minEffect === undefined ? '' : `; smallest effect of interest ${num(r.minEffect)}`})`;
    case 'distributed':
      return `~ Binomial(${r.trials}, ${num(r.p)})`;
    case 'implication':
      return `${r.antecedent} ⇒ ${r.consequent} on every run`;
  }
}
