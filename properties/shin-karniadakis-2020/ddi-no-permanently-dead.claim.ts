/**
 * SK2020.DDI.no-permanently-dead: under the data-dependent initialization no first-layer neuron is
 * dead on the training data (exact neuron states in float64).
 *
 * Domain: n_0 1–3, widths 2–32 over depth 1–4, s_b in [0.1, 1], 1–50 training inputs uniform in
 * [−1, 1]^{n_0}; 1000 networks. Units: 1 if the network has a permanently dead first-layer neuron.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { integer, logUniform } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { RandomStream } from '../../engine/random/stream';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import { toPwlNet64 } from '../../engine/train/export';
import { statesOnData } from '../../engine/measure/neuron-states';
import { ddiNoPermanentlyDead, type DdiConfig } from '../../theorems/shin-karniadakis-2020/ddi-no-permanently-dead';
import { heSpec, uniformInputs } from './death-experiment';
import { PIN_COMMAND } from '../harness/worlds';
import { pinnedRateWorld, type RatePin } from './twin-worlds';

const DESIGN = { configs: { gate: 5, full: 12 }, sizes: { nets: { gate: 1000, full: 4000 } } } as const satisfies ClaimDesign;

/** Networks with a permanently dead first-layer neuron under the ddi-unanchored fault at its twin's configuration (seed 1). */
const UNANCHORED_PIN: RatePin = { successes: 777, n: 1000, command: PIN_COMMAND };

claimProperty<DdiConfig>({
  theorem: ddiNoPermanentlyDead,
  family: 'shin-karniadakis-2020/death',
  file: __filename,
  configs: fc.record({
    widths: fc.record({ n0: integer(1, 3), hidden: fc.array(integer(2, 32), { minLength: 1, maxLength: 4 }) }).map(({ n0, hidden }) => [n0, ...hidden]),
    biasStd: logUniform(0.1, 1),
    points: integer(1, 50),
  }),
  design: DESIGN,
  async experiment(c, ctx) {
    const count = byProfile(DESIGN.sizes.nets);
    const units = new Float64Array(count);
    const rule = ctx.components.activeRule;
    const spec = heSpec([...c.widths, 1], c.biasStd);
    const fingerprints = new Float64Array(count);
    for (let e = 0; e < count; e++) {
      const stream = new RandomStream(ctx.components.netStream(ctx.seed, 'net', e));
      const inputs = uniformInputs(stream, c.points, c.widths[0]);
      const net = toPwlNet64(ctx.components.ddi(spec, inputs, stream, ctx.components), 0);
      units[e] = statesOnData(net, inputs, rule).permanentlyDead > 0 ? 1 : 0;
      fingerprints[e] = firstLayerFingerprint(net);
    }
    return {
      units,
      fingerprints,
    };
  },
  twins: [
    {
      name: 'ddi-unanchored',
      fault: getFault('ddi-unanchored'),
      config: { widths: [1, 8], biasStd: 0.5, points: 5 },
      world: () => pinnedRateWorld(UNANCHORED_PIN, 0),
    },
  ],
});
