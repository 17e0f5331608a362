/**
 * SK2020.Trainability.width-trend: trainability at initialization is shown to rise with the width
 * (trend of 0/1 trainability over independent groups of networks, one group per width).
 *
 * Domain: no training (trainability is a state at initialization, exact in float64): depth 4–10,
 * three to five widths in 2–10 (the narrowest ≤ 3), zero or N(0, s_b²) biases (s_b in [0.1, 0.5]),
 * 10–40 equally spaced inputs on [−1, 1]; 1000 networks per width (trend slope ≈ 0.1 per neuron with
 * se ≈ 0.005: power ≈ 1).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer, logUniform } from '../harness/arbitraries';
import { shownIncreasing } from '../../theorems/relation';
import { deriveSeed } from '../../engine/random/seed';
import { statesOnData } from '../../engine/measure/neuron-states';
import { trainabilityWidthTrend, type WidthTrendConfig } from '../../theorems/shin-karniadakis-2020/trainability-width-trend';
import { taskData } from '../../theorems/shin-karniadakis-2020/task';
import { heNets } from './death-experiment';

const DESIGN = { configs: { gate: 4, full: 12 }, sizes: { netsPerWidth: { gate: 1000, full: 4000 } } } as const satisfies ClaimDesign;

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
    const { inputs } = taskData({ target: 'abs', points: c.points, steps: 1, lr: 1e-3, lossBelow: 1e-3 });
    const count = byProfile(DESIGN.sizes.netsPerWidth);
    const rule = ctx.components.activeRule;
    const groups = c.widths.map((w) => {
      const units = new Float64Array(count);
      for (const { e, net } of heNets([1, ...Array<number>(c.depth).fill(w)], c.biasStd, count, deriveSeed(ctx.seed, 'width', w), ctx.components)) {
        units[e] = statesOnData(net, inputs, rule).trainable ? 1 : 0;
      }
      return { x: w, units };
    });
    const rates = groups.map((g) => ({ width: g.x, trainability: g.units.reduce((a, b) => a + b, 0) / count, n: count }));
    return { units: Float64Array.from(groups.flatMap((g) => [...g.units])), groups, figures: { trainabilityVsWidth: rates } };
  },
  twins: [
    {
      name: 'claimed-rise-0.5-per-neuron',
      description: 'a claimed rise of trainability by at least 0.5 per neuron of width (a trend slope far above the measured ≈ 0.1)',
      wrongPrediction: () => shownIncreasing(0.5),
      config: { depth: 6, widths: [2, 4, 6, 8], biasStd: 0, points: 20 },
    },
  ],
});
