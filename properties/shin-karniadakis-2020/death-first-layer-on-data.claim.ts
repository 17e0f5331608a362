/**
 * SK2020.Death.first-layer-on-data: P(first-layer neuron active on 1-D data) = ½ + φ/(2π), exact
 * neuron states in float64 (engine/measure/neuron-states.ts); every neuron of every network is a
 * Bernoulli unit.
 *
 * Domain (property choices for power): N 4–64, c He or in [0.5, 4], s_b in [0.1, 2], 1–20 data
 * points in [−2, 2]; ≈ 20 000 neurons per configuration, resolving ≈ 2.5% of p.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { round } from '../harness/figure-data';
import { integer, logUniform, uniform } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { equals } from '../../theorems/relation';
import { activeOnDataMask } from '../../engine/measure/neuron-states';
import { activeOnDataProbability, deathFirstLayerOnData, type FirstLayerDataConfig } from '../../theorems/shin-karniadakis-2020/death-first-layer-on-data';
import { fingerprinting, heNets } from './death-experiment';
import { PIN_COMMAND } from '../harness/worlds';
import { pinnedRateWorld, type RatePin } from './twin-worlds';

/** `neurons`: neurons per configuration (⌈neurons / N⌉ networks of width N). */
const DESIGN = { configs: { gate: 5, full: 12 }, sizes: { neurons: { gate: 20000, full: 80000 } } } as const satisfies ClaimDesign;

/** First-layer neurons active on the data under the positive-biases fault at its twin's configuration (seed 1). */
const POSITIVE_BIASES_PIN: RatePin = { successes: 16062, n: 20000, command: PIN_COMMAND };

const dataConfigs: fc.Arbitrary<FirstLayerDataConfig> = fc.record({
  width: integer(4, 64),
  weightScale: fc.oneof(fc.constant(2), uniform(0.5, 4).map((c) => round(c, 2))),
  biasStd: logUniform(0.1, 2),
  data: fc.array(uniform(-2, 2).map((v) => round(v, 3)), { minLength: 1, maxLength: 20 }),
});

claimProperty<FirstLayerDataConfig>({
  theorem: deathFirstLayerOnData,
  family: 'shin-karniadakis-2020/death',
  file: __filename,
  configs: dataConfigs,
  design: DESIGN,
  async experiment(c, ctx) {
    const count = Math.ceil(byProfile(DESIGN.sizes.neurons) / c.width);
    const units = new Float64Array(count * c.width);
    const rule = ctx.components.activeRule;
    const fingerprints: number[] = [];
    for (const { e, net } of fingerprinting(heNets([1, c.width], c.biasStd, count, ctx.seed, ctx.components, c.weightScale), fingerprints)) units.set(activeOnDataMask(net, c.data, rule)[0], e * c.width);
    return { units, fingerprints: Float64Array.from(fingerprints) };
  },
  twins: [
    {
      name: 'single-point-law',
      description: 'the single-input law P(active) = ½ applied to a data set (ignores the data geometry)',
      wrongPrediction: () => equals(0.5),
      config: { width: 32, weightScale: 2, biasStd: 0.5, data: [-1, 0, 1] },
      world: (c) => ({ value: activeOnDataProbability(c), source: 'closed form: ½ + φ/(2π), φ = ∠((s_w a, s_b), (s_w c, s_b)) for data in [a, c] (the correct engine)' }),
    },
    {
      name: 'positive-biases',
      fault: getFault('positive-biases'),
      config: { width: 32, weightScale: 2, biasStd: 1, data: [0.5, 1, 1.5] },
      world: (c) => pinnedRateWorld(POSITIVE_BIASES_PIN, activeOnDataProbability(c)),
    },
  ],
});
