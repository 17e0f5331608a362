/**
 * "Every unit equals the prediction exactly": for deterministic quantities computed by the engine
 * (e.g. an activation's multiplicity from its derivatives at 0), no sampling error exists, so the
 * test is an equality, not an interval: rejected iff some unit differs from the prediction. The
 * "interval" reported is [min, max] of the units at level 1; its false-failure rate is 0 (α is not
 * spent) and its power against any different value is 1.
 */
import type { Check } from '../harness/types';

export const exactEquality: Check = {
  name: 'every unit equals the prediction exactly',
  method: 'exact comparison of deterministic units (no sampling error; false-failure rate 0, power 1 against any other value)',
  sides: 'two-sided',
  evaluate(units, prediction) {
    if (units.length < 1) throw new Error('exactEquality needs at least one unit');
    if (!Number.isFinite(prediction)) throw new Error(`exactEquality: prediction must be finite; got ${prediction}`);
    let lo = Infinity;
    let hi = -Infinity;
    let mismatches = 0;
    for (const u of units) {
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      if (u !== prediction) mismatches++;
    }
    return {
      estimate: mismatches === 0 ? prediction : units.find((u) => u !== prediction)!,
      interval: { lower: lo, upper: hi, level: 1 },
      verdict: mismatches === 0 ? 'consistent' : 'rejected',
      notes: [`${mismatches} of ${units.length} unit(s) differ from the prediction ${prediction}`],
      falseFailure: { rate: 0, method: 'exact', note: 'deterministic units: a correct engine computes the predicted value on every unit' },
    };
  },
  /** 1 when the world's (deterministic) value differs from the prediction, else 0. */
  designPower(_plan, prediction, world) {
    if (!Number.isFinite(world?.value)) throw new Error(`exactEquality.designPower: world.value must be finite; got ${world?.value}`);
    return world.value === prediction ? 0 : 1;
  },
  /** Every unit equals world.value when it is the truth: always accepted. */
  acceptance() {
    return 1;
  },
};
