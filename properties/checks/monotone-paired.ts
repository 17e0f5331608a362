/**
 * "The mean does not decrease along the design points": groups x₁ < x₂ < … < x_k of *paired* units
 * (unit i of every group comes from the same seed / network), claim E[U_{j+1} − U_j] ≥ 0 for every
 * consecutive pair. Each of the k − 1 differences gets a one-sided Student t bound (−∞, U_j] at level
 * 1 − α/(k − 1) (Bonferroni), with the Edgeworth calibration of mean-vs-prediction.ts; the claim is
 * rejected when some U_j lies below the prediction (0: "non-decreasing"; a margin δ > 0 asks for an
 * increase of at least δ). The reported estimate and interval are those of the smallest mean
 * difference. Differences with zero spread (every pair differs by the same amount d) are exact: the
 * interval is [d, d].
 */
import { powerOfMeanTest, sampleMoments, tInterval } from '../stats';
import type { Check, CheckOutcome, Group } from '../harness/types';
import { calibratedAlpha, MAX_CORRECTION } from './mean-vs-prediction';

export const monotonePaired: Check = {
  name: 'paired mean differences between consecutive design points are at least the prediction (non-decreasing trend)',
  method: 'one-sided Student t upper bound per consecutive paired difference at level 1 − α/(k − 1) (Bonferroni), Edgeworth-calibrated; rejected when any bound lies below the prediction',
  sides: 'upper',
  evaluate(_units, prediction, alpha, _reference, groups?: Group[]): CheckOutcome {
    if (!groups || groups.length < 2) throw new Error('monotonePaired needs at least 2 groups (Experiment.groups), one per design point');
    const sorted = [...groups].sort((a, b) => a.x - b.x);
    const n = sorted[0].units.length;
    sorted.forEach((g, j) => {
      if (g.units.length !== n) throw new Error(`monotonePaired: groups must be paired (same length ${n}); group ${j} (x = ${g.x}) has ${g.units.length}`);
    });
    if (n < 2) throw new Error(`monotonePaired needs at least 2 paired units per group; got ${n}`);
    const each = alpha / (sorted.length - 1);
    const notes: string[] = [];
    let worst: { est: number; lower: number; upper: number; level: number; sd: number; nominal: number } | undefined;
    let warning: string | undefined;
    for (let j = 0; j + 1 < sorted.length; j++) {
      const diff = sorted[j + 1].units.map((u, i) => u - sorted[j].units[i]);
      const m = sampleMoments(diff);
      let row: NonNullable<typeof worst>;
      if (m.variance === 0) {
        row = { est: m.mean, lower: m.mean, upper: m.mean, level: 1, sd: 0, nominal: each };
      } else {
        const nominal = calibratedAlpha(n, m.skewness, m.excessKurtosis, each, 'upper');
        const ci = tInterval(diff, 1 - nominal, 'upper');
        row = { est: ci.estimate, lower: ci.lower, upper: ci.upper, level: 1 - nominal, sd: ci.sd, nominal };
        if (nominal < each / MAX_CORRECTION) warning = `CALIBRATION WARNING: α′ < α/${MAX_CORRECTION} for the difference x = ${sorted[j].x} → ${sorted[j + 1].x}; increase n`;
      }
      notes.push(`x = ${sorted[j].x} → ${sorted[j + 1].x}: mean difference ${row.est.toPrecision(4)} (sd ${row.sd.toPrecision(3)}, n = ${n}), upper bound ${row.upper.toPrecision(4)} at α′ = ${row.nominal.toExponential(2)}`);
      if (!worst || row.est < worst.est) worst = row;
    }
    const w = worst!;
    const means = sorted.map((g) => `${g.x}: ${sampleMoments(g.units).mean.toPrecision(4)}`).join(', ');
    notes.unshift(`group means ${means}`);
    return {
      estimate: w.est,
      interval: { lower: w.lower, upper: w.upper, level: w.level },
      // (−∞, U] (or the exact [d, d]) against the prediction: consistent iff prediction ≤ U.
      verdict: w.upper < prediction ? 'rejected' : 'consistent',
      powerAgainst: (alternative: number) => (w.sd === 0 ? (alternative < prediction ? 1 : 0) : powerOfMeanTest({ shift: alternative - prediction, sd: w.sd, n, alpha: w.nominal, sides: 'upper' })),
      notes,
      ...(warning ? { calibrationWarning: warning } : {}),
    };
  },
};
