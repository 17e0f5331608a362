/**
 * ZZLZX2022.Orientations.monotone-in-p — 1-D input (Fig. 5/6 setting): paired orientation counts
 * (same initial parameters and data) do not decrease from tanh to x tanh to x² tanh; the design point
 * of each group is the activation's declared multiplicity (the theorem's designPoint). Rules:
 * theorems/zhou-2022/rules.ts; net e draws from deriveSeed(configuration seed, 'net', e).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { histogram } from '../harness/figure-data';
import { logUniform } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { STD_RANGE } from '../../theorems/zhou-2022/fig5-setting';
import { designPoint, MONOTONE_ACTIVATIONS, orientationsMonotoneInP, type MonotoneConfig } from '../../theorems/zhou-2022/orientations-monotone-in-p';
import { fig5Run } from './condensation-experiment';

/** Paired nets per activation (each seed runs tanh, x tanh and x² tanh). */
const DESIGN = {
  configs: { gate: 1, full: 6 },
  shrinks: { gate: 1, full: 3 },
  // The twin's sign tests miss with probability ≈ 1e-5 at 96 paired nets: enough for the gate's α_i, not
  // for the full profile's (2.86e-6 with six configurations), where it runs 128.
  sizes: { nets: { gate: 96, full: 96 }, twinNets: { gate: 96, full: 128 } },
} satisfies ClaimDesign;

claimProperty<MonotoneConfig>({
  theorem: orientationsMonotoneInP,
  family: 'zhou-2022/orientations-monotone-in-p',
  file: __filename,
  configs: fc.record({ std: logUniform(STD_RANGE.p1[0], STD_RANGE.p1[1]) }),
  design: DESIGN,
  async experiment(c, ctx) {
    const nets = c.nets ?? byProfile(DESIGN.sizes.nets);
    const groups = [];
    let fingerprints: Float64Array = new Float64Array(0);
    for (const kind of MONOTONE_ACTIVATIONS) {
      const r = await fig5Run({ kind }, c.std, ctx.seed, nets, ctx.components);
      groups.push({ x: designPoint(kind), units: Float64Array.from(r.layers, (L) => L[0].analysis.orientations) });
      fingerprints = r.fingerprints; // the same initial nets for every activation (paired design): one fingerprint per pair
    }
    return {
      units: Float64Array.from(groups.flatMap((g) => Array.from(g.units))),
      groups,
      fingerprints,
      figures: { orientationsByP: Object.fromEntries(groups.map((g) => [`p${g.x}`, histogram(Array.from(g.units))])) },
    };
  },
  twins: [
    {
      name: 'multiplicity-swapped',
      fault: getFault('multiplicity-swapped'),
      config: { std: 1e-3, nets: byProfile(DESIGN.sizes.twinNets) },
      // Per step [P(step < 0), P(step > 0)] (the sign test's law).
      world: () => ({
        value: -1.69,
        arms: [0.676, 0.0409, 0.709, 0.0836],
        source: 'pinned: steps tanh→x·tanh 186 below 0 and 1 above, x·tanh→x²·tanh 193 below and 7 above, of 240 paired nets under the fault (`fig5Run({ kind }, 1e-3, 20261203, 240, componentsOf(getFault(\'multiplicity-swapped\')))` per activation); Clopper–Pearson 99.9% ends nearest the null; mean step −1.69 (seed 1)',
      }),
      ownWorld: () => ({ value: 0, arms: [0.0409, 0.676, 0.0836, 0.709], source: 'the swapped law mirrored: steps above 0 as often as the fault puts them below' }),
    },
  ],
});
