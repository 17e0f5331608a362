/**
 * Zhou et al. (2022): trends of condensation — in the multiplicity p and in the initialization scale.
 *
 *   ZZLZX2022.Orientations.monotone-in-p     paired counts non-decreasing tanh → x tanh → x² tanh (1-D)
 *   ZZLZX2022.SmallInit.condensation-score   P(condensed | common) < P(condensed | small), Newcombe (Fig. 2 setting)
 *
 * Rules: theorems/zhou-2022/rules.ts; net e draws from deriveSeed(configuration seed, 'net', e).
 */
import fc from 'fast-check';
import { claimProperty } from '../harness/claim-property';
import { byProfile, sized } from '../profile';
import { histogram, mean, round } from '../harness/figure-data';
import { logUniform } from '../harness/arbitraries';
import { differenceBelowShown } from '../checks/difference-shown';
import { monotonePaired } from '../checks/monotone-paired';
import { getMutant } from '../../engine/mutants';
import { deriveSeed } from '../../engine/random/seed';
import { heatmap } from '../../engine/condensation/orientations';
import { describeInitScale } from '../../engine/condensation/small-init';
import type { TrainActivation } from '../../engine/train/activations';
import { FIG5_SETTING, orientationsMonotoneInP, STD_RANGE, type MonotoneConfig } from '../../theorems/zhou-2022/orientations-bound';
import { CONDENSED_SCORE, smallInitCondensation, type SmallInitConfig } from '../../theorems/zhou-2022/small-init-score';
import { ADAM_STAGE_RULE, ORIENTATION_RULES } from '../../theorems/zhou-2022/rules';
import { fig5Run, runCondensation, type CondensationResult } from './condensation-experiment';

const FAMILY = 'zhou-2022/condensation';

// ---------------------------------------------------------------------------------------------
// 4. Monotone in p: paired runs (same init and data) for tanh, x tanh, x² tanh.
claimProperty<MonotoneConfig>({
  theorem: orientationsMonotoneInP,
  family: FAMILY,
  file: __filename,
  configs: fc.record({ std: logUniform(STD_RANGE.p1[0], STD_RANGE.p1[1]) }),
  numConfigs: { gate: 1, full: 6 },
  maxShrinks: { gate: 1, full: 3 },
  check: monotonePaired,
  async experiment(c, ctx) {
    const nets = sized(32, 64);
    const kinds = ['tanh', 'xtanh', 'x2tanh'] as const;
    const runs = [];
    for (const kind of kinds) runs.push(await fig5Run({ kind }, c.std, ctx.seed, nets, ctx.mutant));
    const groups = runs.map((r, i) => ({ x: i + 1, units: Float64Array.from(r.layers, (L) => L[0].analysis.orientations) }));
    return {
      units: Float64Array.from(groups.flatMap((g) => Array.from(g.units))),
      groups,
      figures: { orientationsByP: Object.fromEntries(groups.map((g) => [`p${g.x}`, histogram(Array.from(g.units))])) },
    };
  },
  twins: [{ name: 'multiplicity-swapped', mutant: getMutant('multiplicity-swapped'), config: { std: 1e-3 } }],
});

// ---------------------------------------------------------------------------------------------
// 5. Small vs common initialization, Fig. 2 setting.
const FIG2 = { widths: [5, 50, 1], lr: 1e-3 };
const fig2Stage = { ...ADAM_STAGE_RULE, maxSteps: 300 };

const fig2Base = (nets: number, seed: number) => ({ widths: FIG2.widths, activation: { kind: 'tanh' } as TrainActivation, data: 'fig2' as const, points: 80, optimizer: { kind: 'adam' as const, lr: FIG2.lr, epsilon: FIG5_SETTING.epsilon }, stage: fig2Stage, rules: ORIENTATION_RULES, nets, seed });

async function smallVsCommon(c: SmallInitConfig, seed: number, nets: number, mutant?: Parameters<typeof runCondensation>[0]['mutant']) {
  const base = fig2Base(nets, seed);
  const small = await runCondensation({ ...base, init: { kind: c.convention, gamma: c.gamma }, ...(mutant ? { mutant } : {}) });
  const common = await runCondensation({ ...base, init: { kind: 'variance-power', gamma: 1 }, analyseAt: small.layers.map((L) => L[0].stage.step) });
  return { small, common };
}

claimProperty<SmallInitConfig>({
  theorem: smallInitCondensation,
  family: FAMILY,
  file: __filename,
  configs: fc.oneof(
    logUniform(2, 4).map((gamma) => ({ convention: 'variance-power' as const, gamma: round(gamma, 2) })),
    logUniform(1, 2).map((gamma) => ({ convention: 'std-power' as const, gamma: round(gamma, 2) })),
  ),
  numConfigs: { gate: 1, full: 6 },
  maxShrinks: { gate: 1, full: 3 },
  check: differenceBelowShown,
  async experiment(c, ctx) {
    const { small, common } = await smallVsCommon(c, ctx.seed, sized(24, 48), ctx.mutant);
    const condensed = (r: CondensationResult) => Float64Array.from(r.layers, (L) => (L[0].analysis.score >= CONDENSED_SCORE ? 1 : 0));
    return {
      units: condensed(common),
      reference: condensed(small),
      figures: {
        init: describeInitScale({ kind: c.convention, gamma: c.gamma }, 50),
        meanScoreSmall: round(mean(small.layers.map((L) => L[0].analysis.score))),
        meanScoreCommon: round(mean(common.layers.map((L) => L[0].analysis.score))),
        linesSmall: histogram(small.layers.map((L) => L[0].analysis.lines)),
      },
    };
  },
  twins: [{ name: 'small-init-as-common', mutant: getMutant('small-init-as-common'), config: { convention: 'variance-power', gamma: 3 } }],
  // Reviewer data: the Fig. 2 setting (5-50-1, var 0.005², Adam lr 1e-3, epoch 100 as in the paper)
  // — heat map ordered by the leading eigenvector for tanh — and the mean score against γ.
  async figures({ seed }) {
    // Fig. 2 per activation (full profile; the gate has tanh's heat map below): the paper's lr is 1e-3 for (a–d), 8e-4
    // for x·tanh (e) and 2.5e-4 for x²·tanh (f), epoch 100 (claims.md §4.3).
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
      const small = await runCondensation({ ...fig2Base(sized(8, 32), deriveSeed(seed, 'gamma', gamma)), init: { kind: 'variance-power', gamma } });
      byGamma.push({ gamma, variance: 50 ** -gamma, meanScore: round(mean(small.layers.map((L) => L[0].analysis.score))), lines: histogram(small.layers.map((L) => L[0].analysis.lines)) });
    }
    return {
      fig2PerActivation: { setting: '5-50-1, Fig. 2 data, var 0.005², Adam at the paper\'s lr per activation, epoch 100', rows: fig2PerActivation },
      fig2Heatmap: { setting: '5-50-1 tanh, Fig. 2 data, var 0.005², Adam lr 1e-3, epoch 100', lines: a.lines, orientations: a.orientations, kept: a.kept.length, meanNorm: round(mean(a.kept.map((j) => a.norms[j])), 5), heatmap: heatmap(a.units).matrix },
      scoreVsGamma: byGamma,
    };
  },
});

