/**
 * ZZLZX2022.Orientations.2p-attained — 1-D input (Fig. 5/6 setting): P(#orientations = 2p) ≥ 1/2 per
 * configuration (one activation, one std of the small-init range). The gate runs one configuration
 * per p (tanh, x tanh, x² tanh); the full profile adds random ones. Reject twin: tanh run where x² tanh
 * (p = 3) is declared (multiplicity-swapped: mostly 2 orientations, never 6 in the pin). Rules:
 * theorems/zhou-2022/rules.ts.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { histogram } from '../harness/figure-data';
import { logUniform } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { SMALL_INIT_STD_RANGE, type SmoothPaperActivation } from '../../theorems/zhou-2022/fig5-setting';
import { ASSERTED_ACTIVATIONS } from '../../theorems/zhou-2022/orientations-at-most-2p';
import { attains2p, orientations2pAttained, type AttainedConfig } from '../../theorems/zhou-2022/orientations-2p-attained';
import { fig5Run, firstLayerOrientations } from './condensation-experiment';

const DESIGN = {
  configs: { gate: 3, full: 8 },
  shrinks: { gate: 1, full: 3 },
  sizes: { nets: { gate: 64, full: 128 } },
} satisfies ClaimDesign;

claimProperty<AttainedConfig>({
  theorem: orientations2pAttained,
  family: 'zhou-2022/orientations-2p-attained',
  file: __filename,
  configs: fc.record({
    activation: fc.constantFrom<SmoothPaperActivation>(...ASSERTED_ACTIVATIONS),
    std: logUniform(SMALL_INIT_STD_RANGE[0], SMALL_INIT_STD_RANGE[1]),
  }),
  examples: [{ activation: 'tanh', std: 1e-3 }, { activation: 'xtanh', std: 1e-3 }, { activation: 'x2tanh', std: 1e-3 }],
  design: DESIGN,
  async experiment(c, ctx) {
    const r = await fig5Run({ kind: c.activation }, c.std, ctx.seed, byProfile(DESIGN.sizes.nets), ctx.components);
    const counts = firstLayerOrientations(r);
    const units = Float64Array.from(counts, (k) => (attains2p(k, c.activation) ? 1 : 0));
    return { units, fingerprints: r.fingerprints, figures: { orientations: histogram(counts) } };
  },
  twins: [
    {
      name: 'multiplicity-swapped',
      fault: getFault('multiplicity-swapped'),
      config: { activation: 'x2tanh', std: 1e-3 },
      world: () => ({ value: 0.0284, source: 'pinned: 0 of 240 runs with exactly 6 orientations under the fault (tanh run where x² tanh is declared; counts 2: 229, 3: 4, 4: 1, 10–13: 6) by `fig5Run({ kind: \'x2tanh\' }, 1e-3, 20261203, 240, componentsOf(getFault(\'multiplicity-swapped\')))`; value at the Clopper–Pearson 99.9% upper bound of 0/240' }),
    },
  ],
});
