/**
 * "p₁ < p₂ is shown": two independent samples of 0/1 units (units ~ p₁, reference ~ p₂); the claim
 * is consistent when the one-sided Newcombe hybrid-score upper bound of p₁ − p₂ at level 1 − α lies
 * below the prediction (0: "lower"), and rejected otherwise.
 *
 * Error rates. This check *demonstrates* an inequality, so its false-failure rate is not α but the
 * miss rate 1 − power at the true difference Δ = p₁ − p₂ < 0: P(upper bound ≥ 0). The check
 * reports the power estimated at the observed difference (normal approximation with the unpooled
 * standard error) and raises a calibration warning when it is below 1 − α, i.e. when the
 * configuration's n cannot vouch for a false-failure rate ≤ α. Properties using it must choose
 * domains where |Δ| is large against the standard error (the RAI claim: Δ ≈ −0.3 to −0.6 with
 * se ≈ 0.015). A twin whose two samples have equal p must be rejected (the bound is then ≥ 0 with
 * probability ≥ 1 − α).
 *
 * Reference: Newcombe (1998), Statistics in Medicine 17:873–890, method 10 (properties/stats).
 */
import { newcombeInterval, normalCdf, normalQuantile } from '../stats';
import type { Check } from '../harness/types';
import { DETECTION_POWER } from './detection';
import { countSuccesses } from './proportion';

export const differenceBelowShown: Check = {
  name: 'p(units) − p(reference) is shown to be below the prediction',
  method: 'one-sided Newcombe hybrid score upper bound at level 1 − α on two independent samples of 0/1 units; consistent iff it is below the prediction (miss rate 1 − power reported)',
  sides: 'lower',
  evaluate(units, prediction, alpha, reference) {
    if (!reference) throw new Error('differenceBelowShown needs a reference sample (Experiment.reference)');
    const x1 = countSuccesses('differenceBelowShown', 'units', units);
    const x2 = countSuccesses('differenceBelowShown', 'reference', reference);
    const n1 = units.length;
    const n2 = reference.length;
    const ci = newcombeInterval(x1, n1, x2, n2, 1 - alpha, 'upper');
    const p1 = x1 / n1;
    const p2 = x2 / n2;
    const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
    const z = normalQuantile(1 - alpha);
    const power = (delta: number): number => (se > 0 ? normalCdf((prediction - delta) / se - z) : prediction > delta ? 1 : 0);
    const estPower = power(ci.estimate);
    return {
      estimate: ci.estimate,
      interval: { lower: ci.lower, upper: ci.upper, level: 1 - alpha },
      verdict: ci.upper < prediction ? 'consistent' : 'rejected',
      minDetectable: { relative: (z + normalQuantile(DETECTION_POWER)) * se, power: DETECTION_POWER },
      powerAgainst: (alternative: number) => 1 - power(alternative),
      notes: [
        `p(units) = ${p1.toPrecision(4)} (n = ${n1}), p(reference) = ${p2.toPrecision(4)} (n = ${n2}); estimated power to show the difference at this n: ${estPower.toPrecision(6)} (the miss rate 1 − power is this check's false-failure rate); min detectable is the absolute difference below the prediction shown with 99% power`,
      ],
      ...(estPower < 1 - alpha ? { calibrationWarning: `CALIBRATION WARNING: estimated power ${estPower.toPrecision(4)} < 1 − α: the miss rate of this demonstration exceeds α at n = ${n1}, ${n2}` } : {}),
    };
  },
};
