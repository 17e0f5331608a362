/**
 * Zhou et al. (2022), Fig. 3: multi-layer condensation in the paper's six-layer residual net.
 *
 *   ZZLZX2022.MultiLayer.per-layer-multiplicity   paired score gap S(sigmoid layer 3) − S(x² tanh layer 1) ≥ 1/3
 *
 * All nets of a configuration are trained in one trainEnsemble call (multilayer-experiment.ts); net e
 * draws from deriveSeed(configuration seed, 'net', e). Per-layer line counts, the share of nets within
 * each layer's own bound (Wilson 95%), the counts against the step and heat maps (leading-eigenvector
 * order) are figure data.
 */
import { claimProperty } from '../harness/claim-property';
import { byProfile } from '../profile';
import { round } from '../harness/figure-data';
import { monotonePaired } from '../checks/monotone-paired';
import { COMPARED_LAYERS, FIG3_ACTIVATIONS, multiLayerPerLayer, SCORE_GAP_PAPER, type MultiLayerConfig } from '../../theorems/zhou-2022/multilayer';
import { atSnapshot, layerHeatmap, linesVsStep, perLayerSummary, runMultiLayer } from './multilayer-experiment';
import { getMutant } from '../../engine/mutants';
import { uniform } from '../harness/arbitraries';

const FAMILY = 'zhou-2022/multilayer';

claimProperty<MultiLayerConfig>({
  theorem: multiLayerPerLayer,
  family: FAMILY,
  file: __filename,
  configs: uniform(0.008, 0.01).map((std) => ({ std: round(std, 5) })),
  examples: [{ std: 0.01 }],
  numConfigs: { gate: 1, full: 3 },
  maxShrinks: { gate: 0, full: 2 },
  check: monotonePaired,
  async experiment(c, ctx) {
    // Gate: 1000 steps reach the paper's snapshots of layers 1–3 (1000, 900, 900); layers 4–5 (1400) only in full.
    const r = await runMultiLayer({ std: c.std, nets: c.nets ?? byProfile({ gate: 24, full: 48 }), seed: ctx.seed, steps: byProfile({ gate: 1000, full: 1400 }), every: 100, ...(ctx.mutant ? { mutant: ctx.mutant } : {}) });
    const nets = r.initial.length;
    const score = (l: number) => Float64Array.from({ length: nets }, (_, e) => atSnapshot(r, e, l).score);
    // x = 1/p: the p = 3 layer, then the p = 1 layer; the check asserts E[S_p1 − S_p3] ≥ prediction.
    const groups = [
      { x: 1 / 3, units: score(COMPARED_LAYERS.p3) },
      { x: 1, units: score(COMPARED_LAYERS.p1) },
    ];
    const netShown = 0;
    return {
      units: Float64Array.from(groups.flatMap((g) => Array.from(g.units))),
      groups,
      outcomes: { nets, frozen: r.initial.filter((_, e) => r.loss[r.loss.length - 1][e] === r.loss[0][e]).length },
      figures: {
        setting: `residual 3-18-18-18-18-18-1 (${FIG3_ACTIVATIONS.join(', ')}), std ${c.std}, Adam lr 4e-5, ${r.steps[r.steps.length - 1]} steps, ${nets} nets${ctx.mutant ? `, mutant ${ctx.mutant.name}` : ''}`,
        paperScoreGap: round(SCORE_GAP_PAPER),
        perLayer: perLayerSummary(r),
        linesVsStep: linesVsStep(r),
        heatmapsNet0: FIG3_ACTIVATIONS.map((act, l) => ({ layer: l + 1, activation: act, ...layerHeatmap(atSnapshot(r, netShown, l)) })),
        trainMs: r.ms,
      },
    };
  },
  // The wrong engine exchanges sigmoid (p = 1, layer 3) and x²·tanh (p = 3, layer 1); engine/mutants.ts'
  // multiplicity-swapped (tanh ↔ x²·tanh, layers 4 and 1) leaves the compared layers' gap positive.
  twins: [{ name: 'sigmoid-x2tanh-swapped', mutant: getMutant('sigmoid-x2tanh-swapped'), config: { std: 0.01, nets: 40 }, wrongValue: () => -0.02 }],
});
