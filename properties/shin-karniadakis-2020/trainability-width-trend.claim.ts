/**
 * SK2020.Trainability.width-trend: trainability at initialization is shown to rise with the width
 * (trend of 0/1 trainability over independent groups of networks, one group per width).
 *
 * Domain: no training (trainability is a state at initialization, exact in float64): depth 4–10,
 * three to five widths in 2–10 (the narrowest ≤ 3), zero or N(0, s_b²) biases (s_b in [0.1, 0.5]),
 * 10–40 equally spaced inputs on [−1, 1]. Networks per width (DESIGN): enough that the Hoeffding
 * trend bound's miss rate at the theorem's smallest effect of interest (0.05 per neuron) is ≤ α_i for
 * the least favourable generated widths (two consecutive widths); measured slope ≈ 0.1 per neuron.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer, logUniform } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { deriveSeed } from '../../engine/random/seed';
import { statesOnData } from '../../engine/measure/neuron-states';
import { trainabilityWidthTrend, WIDTH_TREND_MIN_EFFECT, type WidthTrendConfig } from '../../theorems/shin-karniadakis-2020/trainability-width-trend';
import { taskInputs } from '../../theorems/shin-karniadakis-2020/task';
import { fingerprinting, heNets } from './death-experiment';
import { newTwinPinCommand, rateNearest, rateSource, type RatePin } from './twin-worlds';

const DESIGN = { configs: { gate: 2, full: 12 }, sizes: { netsPerWidth: { gate: 5200, full: 5600 } } } as const satisfies ClaimDesign;

/** Trainable networks of the twin's four groups under width-capped-at-2 (same law: pooled; seed 1). */
const CAPPED_PIN: RatePin = { successes: 1144, n: 4000, command: newTwinPinCommand('trainability-width-trend.claim.ts') };

claimProperty<WidthTrendConfig>({
  theorem: trainabilityWidthTrend,
  family: 'shin-karniadakis-2020/trainability',
  file: __filename,
  configs: fc
    .record({
      depth: integer(4, 10),
      widths: fc.uniqueArray(integer(2, 10), { minLength: 3, maxLength: 5 }).map((w) => [...w].sort((a, b) => a - b)),
      biasStd: fc.oneof(fc.constant(0), logUniform(0.1, 0.5)),
      points: integer(10, 40),
    })
    .filter((c) => c.widths[0] <= 3), // an under-parameterized width in every comparison
  design: DESIGN,
  async experiment(c, ctx) {
    const inputs = taskInputs(c.points);
    const count = byProfile(DESIGN.sizes.netsPerWidth);
    const rule = ctx.components.activeRule;
    const fingerprints: number[] = [];
    const groups = c.widths.map((w) => {
      const units = new Float64Array(count);
      for (const { e, net } of fingerprinting(heNets([1, ...Array<number>(c.depth).fill(w)], c.biasStd, count, deriveSeed(ctx.seed, 'width', w), ctx.components), fingerprints)) {
        units[e] = statesOnData(net, inputs, rule).trainable ? 1 : 0;
      }
      return { x: w, units };
    });
    const rates = groups.map((g) => ({ width: g.x, trainability: g.units.reduce((a, b) => a + b, 0) / count, n: count }));
    return {
      units: Float64Array.from(groups.flatMap((g) => [...g.units])),
      groups,
      fingerprints: Float64Array.from(fingerprints),
      figures: { trainabilityVsWidth: rates },
    };
  },
  twins: [
    {
      // The claimed effect absent: every group is a width-2 network in law, so the trend is exactly 0
      // (the shown lower bound stays ≤ 0 with probability ≥ 1 − α by its coverage).
      name: 'width-capped-at-2',
      fullProfileOnly: 'the gate runs this fault against SK2020.Trainability.success-when-wide',
      fault: getFault('width-capped-at-2'),
      config: { depth: 6, widths: [2, 4, 6, 8], biasStd: 0, points: 20 },
      world: (c) => {
        const p = rateNearest(CAPPED_PIN, 0.5);
        return { value: 0, arms: c.widths.map(() => p), source: `closed form: slope 0 (every group He width-2 networks in law); common rate ${rateSource(CAPPED_PIN)}, at its 99.9% end nearest ½ (the least favourable)` };
      },
      // The claim at its boundary: a linear rise at the smallest effect of interest, centred on ½; the
      // prediction 0. (The default engine rises faster: 296, 842, 985, 996 of 1000 at widths 2–8, seed 1.)
      ownWorld: (c) => {
        const m = WIDTH_TREND_MIN_EFFECT;
        const mean = c.widths.reduce((a, b) => a + b, 0) / c.widths.length;
        return { value: 0, arms: c.widths.map((w) => 0.5 + m * (w - mean)), source: `the smallest effect of interest: slope ${m} per neuron (theorem), linear in the width and ½ at the mean width` };
      },
    },
  ],
});
