/**
 * LSSK2020.BornDead.domain-bound: P(network constant on an interval) ≤ 1 − ∏(1 − 2^{−N_l}), one-sided;
 * "constant" measured exactly as a hidden layer identically zero on [a, c]
 * (engine/measure/neuron-states.ts, deadLayerOnInterval).
 *
 * Domain: 1-D, width 2–5, depth 2–10, zero or Gaussian biases, interval [a, c] ⊂ [−2, 2] of length
 * ≥ 0.5; 3000 networks.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { round } from '../harness/figure-data';
import { integer, uniform } from '../harness/arbitraries';
import { atMost } from '../../theorems/relation';
import { bornDeadDomainBound, type DomainConfig } from '../../theorems/shin-karniadakis-2020/born-dead-domain-bound';
import { bornDeadProbability } from '../../theorems/shin-karniadakis-2020/config';
import { biasLaw, deadOnIntervalUnits } from './death-experiment';
import { PIN_COMMAND } from '../harness/worlds';
import { pinnedRateWorld, type RatePin } from './twin-worlds';

const DESIGN = { configs: { gate: 5, full: 12 }, sizes: { nets: { gate: 3000, full: 12000 } } } as const satisfies ClaimDesign;

/** Networks dead on [−1, 1] on the default engine at the twin's configuration (seed 1). */
const DEAD_ON_INTERVAL_PIN: RatePin = { successes: 2115, n: 3000, command: PIN_COMMAND };

/** The bound computed for hidden layers two neurons wider than the network's (the twin's wrong prediction). */
const boundTwoWider = (c: DomainConfig): number => bornDeadProbability(c.widths.slice(1).map((n) => n + 2));

const domainConfigs: fc.Arbitrary<DomainConfig> = fc
  .record({ N: integer(2, 5), depth: integer(2, 10), biasStd: biasLaw, a: uniform(-2, 1.5), len: uniform(0.5, 2) })
  .map(({ N, depth, biasStd, a, len }) => ({ widths: [1, ...Array<number>(depth).fill(N)], biasStd, interval: [round(a, 3), round(Math.min(2, a + len), 3)] as [number, number] }));

claimProperty<DomainConfig>({
  theorem: bornDeadDomainBound,
  family: 'shin-karniadakis-2020/death',
  file: __filename,
  configs: domainConfigs,
  design: DESIGN,
  async experiment(c, ctx) {
    return deadOnIntervalUnits(c, byProfile(DESIGN.sizes.nets), ctx.seed, ctx.components);
  },
  twins: [
    {
      name: 'bound-two-widths-wider',
      description: 'the bound computed for layers two neurons wider than the network (a bound too small)',
      wrongPrediction: (c) => atMost(boundTwoWider(c)),
      config: { widths: [1, 2, 2, 2, 2, 2, 2], biasStd: 0, interval: [-1, 1] },
      // The correct engine's rate (no closed form on an interval; ≤ the at-a-point 1 − (3/4)^6 = 0.822).
      world: (c) => pinnedRateWorld(DEAD_ON_INTERVAL_PIN, boundTwoWider(c)),
    },
  ],
});
