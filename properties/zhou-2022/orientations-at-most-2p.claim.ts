/**
 * ZZLZX2022.Orientations.at-most-2p — 1-D input (Fig. 5/6 setting): P(#orientations ≤ 2p) ≥ 0.75.
 * The experiment measures each net's orientation count at the end of its initial stage; whether a
 * count is within the bound is the theorem's per-run statement (withinBound). Rules:
 * theorems/zhou-2022/rules.ts; net e draws from deriveSeed(configuration seed, 'net', e).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile, fullProfileFigures } from '../profile';
import { histogram, proportionWithCi } from '../harness/figure-data';
import { logUniform } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { deriveSeed } from '../../engine/random/seed';
import { angleHistogram, heatmap } from '../../engine/condensation/orientations';
import { DECLARED_MULTIPLICITY } from '../../theorems/zhou-2022/paper';
import { STD_RANGE } from '../../theorems/zhou-2022/fig5-setting';
import { orientationsAtMost2p, withinBound, type OrientationBoundConfig } from '../../theorems/zhou-2022/orientations-at-most-2p';
import { fig5Run } from './condensation-experiment';

/** Nets per configuration; nets per activation of the Fig. 5 figure sweep. */
const DESIGN = {
  configs: { gate: 3, full: 10 },
  shrinks: { gate: 1, full: 3 },
  sizes: { nets: { gate: 32, full: 64 }, figureNets: { gate: 16, full: 64 } },
} satisfies ClaimDesign;

const boundConfigs: fc.Arbitrary<OrientationBoundConfig> = fc
  .constantFrom('tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh' as const)
  .chain((activation) => {
    const [lo, hi] = DECLARED_MULTIPLICITY[activation] === 1 ? STD_RANGE.p1 : STD_RANGE.p23;
    return logUniform(lo, hi).map((std) => ({ activation, std }));
  });

claimProperty<OrientationBoundConfig>({
  theorem: orientationsAtMost2p,
  family: 'zhou-2022/orientations-at-most-2p',
  file: __filename,
  configs: boundConfigs,
  examples: [{ activation: 'tanh', std: 1e-3 }, { activation: 'x2tanh', std: 5e-3 }],
  design: DESIGN,
  async experiment(c, ctx) {
    const r = await fig5Run({ kind: c.activation }, c.std, ctx.seed, byProfile(DESIGN.sizes.nets), ctx.components);
    const counts = r.layers.map((L) => L[0].analysis.orientations);
    const units = Float64Array.from(counts, (k) => (withinBound(k, c.activation) ? 1 : 0));
    const within = units.reduce((s, u) => s + u, 0);
    return {
      units,
      fingerprints: r.fingerprints,
      outcomes: { withinBound: within, aboveBound: counts.length - within },
      figures: { orientations: histogram(counts), lines: histogram(r.layers.map((L) => L[0].analysis.lines)), withinBound: proportionWithCi(within, counts.length), stageEnd: histogram(r.layers.map((L) => L[0].stage.reason)) },
    };
  },
  twins: [{ name: 'small-init-as-common', fault: getFault('small-init-as-common'), config: { activation: 'tanh', std: 1e-3 }, world: () => ({ value: 0.0237, source: 'pinned: 0 of 288 runs within 2p under the fault (32 default seed, 32 seed 1, 224 by `fig5Run({ kind: \'tanh\' }, 1e-3, 20261203, 224, componentsOf(getFault(\'small-init-as-common\')))`); value at the Clopper–Pearson 99.9% upper bound of 0/288' }) }],
  // Reviewer data: the paper's own Fig. 5 setting (var 0.005²) per activation, ReLU included —
  // measured proportions within 2p (Wilson 95%), orientation histograms, one heat map per activation.
  figures: fullProfileFigures(async ({ seed }) => {
    const rows = [];
    for (const kind of byProfile({ gate: ['tanh', 'x2tanh', 'relu'] as const, full: ['tanh', 'sigmoid', 'softplus', 'xtanh', 'x2tanh', 'relu'] as const })) {
      const r = await fig5Run({ kind }, 0.005, deriveSeed(seed, kind), byProfile(DESIGN.sizes.figureNets));
      const counts = r.layers.map((L) => L[0].analysis.orientations);
      const first = r.layers[0][0].analysis;
      rows.push({
        activation: kind,
        p: kind === 'relu' ? 'not applicable' : DECLARED_MULTIPLICITY[kind],
        orientations: histogram(counts),
        lines: histogram(r.layers.map((L) => L[0].analysis.lines)),
        ...(kind !== 'relu'
          ? { withinTwoP: proportionWithCi(counts.filter((k) => withinBound(k, kind)).length, counts.length) }
          : { threeOrientations: proportionWithCi(counts.filter((k) => k === 3).length, counts.length) }),
        net0: { stageStep: r.layers[0][0].stage.step, angleHistogram: angleHistogram(first.units), heatmap: heatmap(first.units).matrix },
      });
    }
    return { fig5PerActivation: { setting: '1-100-1, 40 points of sin 3x + ½ sin 6x on [−1, 1.5], var 0.005² (std 0.005), Adam lr 5e-4 ε 1e-8, stage rule ADAM_STAGE_RULE, τ = 0.9, c = 0.2', rows } };
  }),
});
