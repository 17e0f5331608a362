/**
 * ZZLZX2022.SmallInit.condensation-score — Fig. 2 setting: P(condensed | common init) <
 * P(condensed | small init), demonstrated (Newcombe). Whether a net is condensed is the theorem's
 * per-net statement (isCondensed); the common arm is the theorem's COMMON_ARM. Net e of both arms draws
 * from deriveSeed(configuration seed, 'net', e) (same data); the common-arm net is analysed at the step
 * where the small-arm net's initial stage ended.
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile, fullProfileFigures } from '../profile';
import { histogram, mean, round } from '../harness/figure-data';
import { logUniform } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { deriveSeed } from '../../engine/random/seed';
import { heatmap } from '../../engine/condensation/orientations';
import { describeInitScale, type InitScale } from '../../engine/condensation/small-init';
import type { TrainActivation } from '../../engine/train/activations';
import { FIG5_SETTING } from '../../theorems/zhou-2022/fig5-setting';
import { COMMON_ARM, isCondensed, smallInitCondensation, type SmallInitConfig } from '../../theorems/zhou-2022/small-init-condensation-score';
import { ADAM_STAGE_RULE, ORIENTATION_RULES } from '../../theorems/zhou-2022/rules';
import { runCondensation, type CondensationParts, type CondensationResult } from './condensation-experiment';

/** Nets per arm; nets per γ of the score-vs-γ figure sweep. */
const DESIGN = {
  configs: { gate: 1, full: 6 },
  shrinks: { gate: 1, full: 3 },
  sizes: { nets: { gate: 44, full: 48 }, figureGammaNets: { gate: 8, full: 32 } },
} satisfies ClaimDesign;

const FIG2 = { widths: [5, 50, 1], lr: 1e-3 };
const fig2Stage = { ...ADAM_STAGE_RULE, maxSteps: 300 };

const fig2Base = (nets: number, seed: number) => ({ widths: FIG2.widths, activation: { kind: 'tanh' } as TrainActivation, data: 'fig2' as const, points: 80, optimizer: { kind: 'adam' as const, lr: FIG2.lr, epsilon: FIG5_SETTING.epsilon }, stage: fig2Stage, rules: ORIENTATION_RULES, nets, seed });

const initScale = (c: SmallInitConfig): InitScale => ({ kind: c.convention, gamma: c.gamma });

/** Both arms on the same engine parts: the small arm at its own stage ends, the common arm at the same steps. */
async function smallVsCommon(c: SmallInitConfig, seed: number, nets: number, parts: CondensationParts) {
  const base = { ...fig2Base(nets, seed), parts };
  const small = await runCondensation({ ...base, init: initScale(c) });
  const common = await runCondensation({ ...base, init: initScale(COMMON_ARM), analyseAt: small.layers.map((L) => L[0].stage.step) });
  return { small, common };
}

claimProperty<SmallInitConfig>({
  theorem: smallInitCondensation,
  family: 'zhou-2022/small-init-condensation-score',
  file: __filename,
  configs: fc.oneof(
    logUniform(2, 4).map((gamma) => ({ convention: 'variance-power' as const, gamma: round(gamma, 2) })),
    logUniform(1, 2).map((gamma) => ({ convention: 'std-power' as const, gamma: round(gamma, 2) })),
  ),
  design: DESIGN,
  async experiment(c, ctx) {
    const { small, common } = await smallVsCommon(c, ctx.seed, byProfile(DESIGN.sizes.nets), ctx.components);
    const condensed = (r: CondensationResult) => Float64Array.from(r.layers, (L) => (isCondensed(L[0].analysis.score) ? 1 : 0));
    return {
      units: condensed(common),
      reference: condensed(small),
      fingerprints: small.fingerprints,
      figures: {
        init: describeInitScale(initScale(c), 50),
        meanScoreSmall: round(mean(small.layers.map((L) => L[0].analysis.score))),
        meanScoreCommon: round(mean(common.layers.map((L) => L[0].analysis.score))),
        linesSmall: histogram(small.layers.map((L) => L[0].analysis.lines)),
      },
    };
  },
  twins: [
    {
      name: 'small-init-as-common',
      fault: getFault('small-init-as-common'),
      config: { convention: 'variance-power', gamma: 3 },
      // Both arms run the common initialization: the difference is 0 whatever the common rate.
      world: () => ({ value: 0, arms: [0.146, 0.146], source: 'closed form: difference 0 (both arms the same initialization); common-init rate pinned 0 of 48 (default seed and seed 1, `THEORYCHECK_SEED=1 npx jest --selectProjects claims -t twin`, commit 5fbcc02), at its Clopper–Pearson 99.9% upper end 0.146' }),
      ownWorld: () => ({ value: 0, arms: [0.1, 0.9], source: 'the smallest effect of interest: ≤ 0.1 condensed under common, ≥ 0.9 under small initialization' }),
    },
  ],
  // Reviewer data: the Fig. 2 setting (5-50-1, var 0.005², Adam lr 1e-3, epoch 100 as in the paper)
  // — heat map ordered by the leading eigenvector for tanh — and the mean score against γ.
  figures: fullProfileFigures(async ({ seed }) => {
    // Fig. 2 per activation (full profile; the gate has tanh's heat map below): the paper's lr is 1e-3 for (a–d), 8e-4
    // for x·tanh (e) and 2.5e-4 for x²·tanh (f), epoch 100 (docs/claims.md §4.3).
    const fig2Lr: Record<string, number> = { tanh: 1e-3, sigmoid: 1e-3, softplus: 1e-3, relu: 1e-3, xtanh: 8e-4, x2tanh: 2.5e-4 };
    const fig2PerActivation = [];
    type Fig2Kind = 'tanh' | 'sigmoid' | 'softplus' | 'relu' | 'xtanh' | 'x2tanh';
    for (const kind of byProfile<readonly Fig2Kind[]>({ gate: [], full: ['tanh', 'sigmoid', 'softplus', 'relu', 'xtanh', 'x2tanh'] })) {
      const run = await runCondensation({ widths: FIG2.widths, activation: { kind }, init: { kind: 'variance', variance: 0.005 ** 2 }, data: 'fig2', points: 80, optimizer: { kind: 'adam', lr: fig2Lr[kind], epsilon: FIG5_SETTING.epsilon }, stage: fig2Stage, rules: ORIENTATION_RULES, nets: 2, seed: deriveSeed(seed, 'fig2', kind), analyseAt: [100, 100] });
      const r = run.layers[0][0].analysis;
      fig2PerActivation.push({ activation: kind, lr: fig2Lr[kind], lines: r.lines, orientations: r.orientations, kept: r.kept.length, heatmap: heatmap(r.units).matrix });
    }
    const fig2 = await runCondensation({ widths: FIG2.widths, activation: { kind: 'tanh' }, init: { kind: 'variance', variance: 0.005 ** 2 }, data: 'fig2', points: 80, optimizer: { kind: 'adam', lr: FIG2.lr, epsilon: FIG5_SETTING.epsilon }, stage: fig2Stage, rules: ORIENTATION_RULES, nets: 2, seed: deriveSeed(seed, 'fig2'), analyseAt: [100, 100] });
    const a = fig2.layers[0][0].analysis;
    const byGamma = [];
    for (const gamma of byProfile({ gate: [1, 3], full: [1, 2, 3, 4] })) {
      const small = await runCondensation({ ...fig2Base(byProfile(DESIGN.sizes.figureGammaNets), deriveSeed(seed, 'gamma', gamma)), init: { kind: 'variance-power', gamma } });
      byGamma.push({ gamma, variance: 50 ** -gamma, meanScore: round(mean(small.layers.map((L) => L[0].analysis.score))), lines: histogram(small.layers.map((L) => L[0].analysis.lines)) });
    }
    return {
      fig2PerActivation: { setting: '5-50-1, Fig. 2 data, var 0.005², Adam at the paper\'s lr per activation, epoch 100', rows: fig2PerActivation },
      fig2Heatmap: { setting: '5-50-1 tanh, Fig. 2 data, var 0.005², Adam lr 1e-3, epoch 100', lines: a.lines, orientations: a.orientations, kept: a.kept.length, meanNorm: round(mean(a.kept.map((j) => a.norms[j])), 5), heatmap: heatmap(a.units).matrix },
      scoreVsGamma: byGamma,
    };
  }),
});
