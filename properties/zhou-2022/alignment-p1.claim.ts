/**
 * ZZLZX2022.Alignment.p1 — p = 1 alignment with z = Σ_i y_i (x_i, 1) at the end of the initial stage
 * (gradient descent, tiny init, read-out without bias as in the paper): mean |cos(u_j, z)| ≥ 0.95.
 * The direction z is the theorem's (alignmentDirection); the experiment measures |cos| against it with
 * the engine's alignment component. Net e draws from deriveSeed(configuration seed, 'net', e).
 */
import fc from 'fast-check';
import { claimProperty, type ClaimDesign } from '../harness/claim-property';
import { byProfile, fullProfileFigures } from '../profile';
import { histogram, mean, round } from '../harness/figure-data';
import { logUniform, integer } from '../harness/arbitraries';
import { getFault } from '../faults/catalog';
import { RandomStream } from '../../engine/random/stream';
import { deriveSeed } from '../../engine/random/seed';
import { meanAbsCosine } from '../../engine/condensation/orientations';
import { describeInitScale } from '../../engine/condensation/small-init';
import type { TrainActivation } from '../../engine/train/activations';
import { randomDirectionMeanAbsCos } from '../../theorems/zhou-2022/paper';
import { alignmentDirection, alignmentLearningRate, alignmentP1, GD_STAGE_RULE, type AlignmentConfig } from '../../theorems/zhou-2022/alignment-p1';
import { FIG5_SETTING } from '../../theorems/zhou-2022/fig5-setting';
import { ADAM_STAGE_RULE, ORIENTATION_RULES } from '../../theorems/zhou-2022/rules';
import { runCondensation, type CondensationParts, type CondensationResult } from './condensation-experiment';

/** Nets per configuration; the figures' runs: per σ(0) ≠ 0 activation, with a trained read-out bias, under Adam. */
const DESIGN = {
  configs: { gate: 2, full: 8 },
  shrinks: { gate: 1, full: 3 },
  sizes: { nets: { gate: 72, full: 96 }, figureActivationNets: { gate: 32, full: 32 }, figureWithBiasNets: { gate: 8, full: 32 }, figureAdamNets: { gate: 4, full: 32 } },
} satisfies ClaimDesign;

/** z_c = Σ_i (y_i − ȳ)(x_i, 1): the direction for an engine whose read-out bias is trained (figures). */
function centredZ(r: CondensationResult, e: number, d: number): Float64Array {
  const D = r.data[e];
  const ybar = mean(D.targets);
  return alignmentDirection({ inputs: D.inputs, targets: Float64Array.from(D.targets, (y) => y - ybar) }, d);
}

const zOf = (r: CondensationResult, e: number, d: number): Float64Array => alignmentDirection(r.data[e], d);

async function alignmentRun(c: AlignmentConfig, seed: number, nets: number, activation: TrainActivation, parts?: CondensationParts, readoutBias = false) {
  return runCondensation({
    readoutBias,
    widths: [c.d, c.m, 1],
    activation,
    init: { kind: 'std', std: c.std },
    data: 'fig2',
    points: 80,
    optimizer: { kind: 'sgd', lr: alignmentLearningRate(c.d) },
    stage: GD_STAGE_RULE,
    rules: ORIENTATION_RULES,
    nets,
    seed,
    ...(parts ? { parts } : {}),
  });
}

claimProperty<AlignmentConfig>({
  theorem: alignmentP1,
  family: 'zhou-2022/alignment-p1',
  file: __filename,
  configs: fc.record({ d: fc.constantFrom(1, 2, 3, 5), m: integer(20, 60), std: logUniform(1e-5, 1e-4) }),
  design: DESIGN,
  async experiment(c, ctx) {
    const r = await alignmentRun(c, ctx.seed, byProfile(DESIGN.sizes.nets), { kind: 'tanh' }, ctx.components);
    // The alignment analysis' own stream (used only by an analysis that draws, e.g. a random direction).
    const random = new RandomStream(deriveSeed(ctx.seed, 'random-direction'));
    // Units: nets whose initial stage ended (amplitude or stall); a net still growing at the cap has no
    // end-of-stage state and is counted in outcomes['stage-cap'] instead.
    const ended = r.layers.map((L, e) => ({ L, e })).filter(({ L }) => L[0].stage.reason !== 'cap');
    if (ended.length < 10) return { units: new Float64Array(0), fault: `only ${ended.length} of ${r.layers.length} nets ended their initial stage by step ${GD_STAGE_RULE.maxSteps}` };
    const units = Float64Array.from(ended, ({ L, e }) => ctx.components.alignment(L[0].analysis.units, zOf(r, e, c.d), random));
    const centred = r.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, centredZ(r, e, c.d)));
    return {
      units,
      fingerprints: r.fingerprints,
      outcomes: { ...Object.fromEntries(Object.entries(histogram(r.layers.map((L) => L[0].stage.reason))).map(([k, v]) => [`stage-${k}`, v])) },
      figures: {
        randomDirectionBaseline: round(randomDirectionMeanAbsCos(c.d + 1)),
        meanAbsCosCentredZ: round(mean(centred)),
        stageSteps: r.layers.map((L) => L[0].stage.step),
        kept: r.layers.map((L) => L[0].analysis.kept.length),
        init: describeInitScale({ kind: 'std', std: c.std }, c.m),
      },
    };
  },
  twins: [{ name: 'alignment-random-direction', fault: getFault('alignment-random-direction'), config: { d: 5, m: 30, std: 1e-5 }, world: (c) => ({ value: randomDirectionMeanAbsCos(c.d + 1), sd: 0.5, source: 'closed form: E|cos| between a fixed and a uniformly random direction in R^{d+1}; sd ≤ 1/2 for any unit in [0, 1]' }) }],
  // Measured, not asserted: σ(0) ≠ 0 activations under GD, and Adam (the paper's optimizer) vs z_c and sign(z_c).
  figures: fullProfileFigures(async ({ seed }) => {
    const c = { d: 5, m: 50, std: 1e-5 };
    const rows = [];
    for (const kind of byProfile({ gate: [] as const, full: ['tanh', 'sigmoid', 'softplus'] as const })) {
      const r = await alignmentRun(c, deriveSeed(seed, kind), byProfile(DESIGN.sizes.figureActivationNets), { kind });
      rows.push({ activation: kind, optimizer: 'gd', readout: 'no bias', meanAbsCosZ: round(mean(r.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, zOf(r, e, c.d))))) });
    }
    {
      // The engine's default read-out (bias trained): the bias fits ȳ first, so the direction is z_c.
      const r = await alignmentRun(c, deriveSeed(seed, 'with-bias'), byProfile(DESIGN.sizes.figureWithBiasNets), { kind: 'tanh' }, undefined, true);
      rows.push({
        activation: 'tanh',
        optimizer: 'gd',
        readout: 'bias trained',
        meanAbsCosZ: round(mean(r.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, zOf(r, e, c.d))))),
        meanAbsCosZc: round(mean(r.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, centredZ(r, e, c.d))))),
      });
    }
    const adam = await runCondensation({ widths: [c.d, c.m, 1], activation: { kind: 'tanh' }, init: { kind: 'variance', variance: 0.005 ** 2 }, data: 'fig2', points: 80, optimizer: { kind: 'adam', lr: 1e-3, epsilon: FIG5_SETTING.epsilon }, stage: ADAM_STAGE_RULE, rules: ORIENTATION_RULES, nets: byProfile(DESIGN.sizes.figureAdamNets), seed: deriveSeed(seed, 'adam'), readoutBias: false });
    rows.push({
      activation: 'tanh',
      optimizer: 'adam lr 1e-3, var 0.005² (Fig. 2)',
      readout: 'no bias',
      meanAbsCosZc: round(mean(adam.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, centredZ(adam, e, c.d))))),
      meanAbsCosSignZ: round(mean(adam.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, zOf(adam, e, c.d).map(Math.sign))))),
      meanAbsCosRawZ: round(mean(adam.layers.map((L, e) => meanAbsCosine(L[0].analysis.units, zOf(adam, e, c.d))))),
    });
    return { alignmentByActivationAndOptimizer: { setting: '5-50-1, Fig. 2 data, GD lr 0.01 std 1e-5 / Adam', rows } };
  }),
});
