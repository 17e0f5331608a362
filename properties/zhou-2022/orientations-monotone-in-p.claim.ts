/**
 * ZZLZX2022.Orientations.monotone-in-p — 1-D input (Fig. 5/6 setting): paired orientation counts
 * (same initial parameters and data) are shown to rise from tanh to x tanh to x² tanh; the design
 * point of each group is the activation's declared multiplicity (the theorem's designPoint). Rules:
 * theorems/zhou-2022/rules.ts; net e draws from deriveSeed(configuration seed, 'net', e).
 *
 * A run is a pure function of (the activation the trainer runs, std, seed, nets, engine parts): the
 * engine is deterministic (identical counts and bitwise-identical losses on a rerun), so an engine
 * that resolves two requested activations to the same one gets that run once and its counts for both
 * — the twin `activation-ignored` costs one run instead of three and its counts are the same either way.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile } from '../profile';
import { histogram } from '../harness/figure-data';
import { logUniform } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { STD_RANGE } from '../../theorems/zhou-2022/fig5-setting';
import { designPoint, MONOTONE_ACTIVATIONS, MONOTONE_MIN_EFFECT, orientationsMonotoneInP, type MonotoneConfig } from '../../theorems/zhou-2022/orientations-monotone-in-p';
import { fig5Run } from './condensation-experiment';

/**
 * Paired nets per activation (each seed runs tanh, x tanh and x² tanh). The demonstration's exact miss
 * rate at the smallest effect ¾ (least favourable law: no ties, P(up) = 7/8 per step; both steps) is
 * 4.5e-6 at 108 seeds ≤ the gate's α_i = 2e-5/3 (one configuration + two twins), and 2.0e-6 at 120 ≤
 * the full profile's 2.5e-6 (six configurations + two twins): `stepsMissRate` in
 * properties/checks/paired-increase-shown.ts. Twins run the same n: their own world is that least
 * favourable law, where the check must accept with probability ≥ 1 − α_i.
 */
const DESIGN = {
  configs: { gate: 1, full: 6 },
  shrinks: { gate: 1, full: 3 },
  sizes: { nets: { gate: 108, full: 120 }, twinNets: { gate: 108, full: 120 } },
} satisfies ClaimDesign;

/** The claim's law at its boundary: both steps at the smallest effect of interest, at the least favourable law (no ties). */
const boundaryWorld = () => {
  const below = (1 - MONOTONE_MIN_EFFECT) / 2;
  return {
    value: 0,
    arms: [below, 1 - below, below, 1 - below],
    source: `the smallest effect of interest (theorem): P(up) − P(down) = ${MONOTONE_MIN_EFFECT} at both steps with no ties (P(up) = ${1 - below}, P(down) = ${below}), the least favourable law on that line`,
  };
};

claimProperty<MonotoneConfig>({
  theorem: orientationsMonotoneInP,
  family: 'zhou-2022/orientations-monotone-in-p',
  file: __filename,
  configs: fc.record({ std: logUniform(STD_RANGE.p1[0], STD_RANGE.p1[1]) }),
  design: DESIGN,
  async experiment(c, ctx) {
    const nets = c.nets ?? byProfile(DESIGN.sizes.nets);
    const groups: { x: number; units: Float64Array }[] = [];
    const runs = new Map<string, Float64Array>();
    let fingerprints: Float64Array = new Float64Array(0);
    for (const kind of MONOTONE_ACTIVATIONS) {
      const key = JSON.stringify(ctx.components.trainActivation({ kind }));
      let counts = runs.get(key);
      if (!counts) {
        const r = await fig5Run({ kind }, c.std, ctx.seed, nets, ctx.components);
        counts = Float64Array.from(r.layers, (L) => L[0].analysis.orientations);
        fingerprints = r.fingerprints; // the same initial nets for every activation (paired design): one fingerprint per pair
        runs.set(key, counts);
      }
      groups.push({ x: designPoint(kind), units: counts });
    }
    const steps = groups.slice(1).map((g, j) => Array.from(g.units, (u, i) => u - groups[j].units[i]));
    return {
      units: Float64Array.from(groups.flatMap((g) => Array.from(g.units))),
      groups,
      fingerprints,
      figures: {
        orientationsByP: Object.fromEntries(groups.map((g) => [`p${g.x}`, histogram(Array.from(g.units))])),
        stepsByP: Object.fromEntries(steps.map((s, j) => [`p${groups[j].x}to${groups[j + 1].x}`, histogram(s)])),
      },
    };
  },
  twins: [
    {
      name: 'multiplicity-swapped',
      fullProfileOnly: 'the gate runs this fault against ZZLZX2022.Orientations.2p-attained, and activation-ignored here',
      fault: getFault('multiplicity-swapped'),
      config: { std: 1e-3, nets: byProfile(DESIGN.sizes.twinNets) },
      // Per step [P(step < 0), P(step > 0)] (the sign test's law).
      world: () => ({
        value: -1.69,
        arms: [0.676, 0.0409, 0.709, 0.0836],
        source: 'pinned: steps tanh→x·tanh 186 below 0 and 1 above, x·tanh→x²·tanh 193 below and 7 above, of 240 paired nets under the fault (`fig5Run({ kind }, 1e-3, 20261203, 240, componentsOf(getFault(\'multiplicity-swapped\')))` per activation); Clopper–Pearson 99.9% ends nearest the null; mean step −1.69 (seed 1)',
      }),
      ownWorld: boundaryWorld,
    },
    {
      name: 'activation-ignored',
      fault: getFault('activation-ignored'),
      config: { std: 1e-3, nets: byProfile(DESIGN.sizes.twinNets) },
      world: () => ({
        value: 0,
        arms: [0, 0, 0, 0],
        source: 'closed form: equal counts — the three runs of a seed have the same initial parameters, data and activation on a deterministic engine, so every step is a tie (were they only equal in law, P(step shown) ≤ α_i by the sign test\'s exact level and the power would still be ≥ 1 − α_i)',
      }),
      ownWorld: boundaryWorld,
    },
  ],
});
