/**
 * Training experiments of the condensation claims (Zhou et al. 2022): data sets of the paper's
 * figures, ensembles of independent nets trained together (engine/train; net e's parameters and data
 * draw from the engine's netStream(seed, 'net', e)), the initial-stage rule per layer and the orientation
 * analysis at its end (engine/condensation). Every run reports one fingerprint per net, of its initial
 * first layer (engine/random/fingerprint.ts), for the harness's independence check.
 */
import { initEngine } from '../../engine/backend';
import { RandomStream } from '../../engine/random/stream';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import type { OptimizerSpec, TrainData } from '../../engine/train/train';
import type { TrainActivation } from '../../engine/train/activations';
import type { DenseParams64 } from '../../engine/train/params';
import { DEFAULT_COMPONENTS, type EngineComponents } from '../../engine/components';
import { sampleSmallInit, type InitScale } from '../../engine/condensation/small-init';
import { analyzeOrientations, maxInputWeightNorm, type OrientationAnalysis, type OrientationRules } from '../../engine/condensation/orientations';
import { stageCheckpoints, stageEndSoFar, type InitialStageRule, type StageEnd } from '../../engine/condensation/initial-stage';
import { FIG5_SETTING } from '../../theorems/zhou-2022/fig5-setting';
import { clopperPearsonInterval } from '../stats';
import { histogram } from '../harness/figure-data';
import { ADAM_STAGE_RULE, FIG2_SETTING, FIG2_STAGE_RULE, ORIENTATION_RULES } from '../../theorems/zhou-2022/rules';

export type DataName = 'fig5-1d' | 'fig2' | 'fig3';

/**
 * - `fig5-1d`: n points x ~ U[−1, 1.5], y = sin 3x + ½ sin 6x (Figs. 5/6; d = 1);
 * - `fig2`: n points x ~ U[−4, 2]^d, y = Σ_k 3.5 sin(5x_k + 1) (Fig. 2, d = 5);
 * - `fig3`: n points x ~ U[−4, 2]^d, y = Σ_k 4 sin(12x_k + 1) (Fig. 3, d = 3).
 */
export function paperData(name: DataName, stream: RandomStream, n: number, d: number): TrainData {
  const inputs = new Float64Array(n * d);
  const targets = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let y = 0;
    for (let k = 0; k < d; k++) {
      const u = stream.nextFloat64();
      const x = name === 'fig5-1d' ? -1 + 2.5 * u : -4 + 6 * u;
      inputs[i * d + k] = x;
      y += name === 'fig5-1d' ? Math.sin(3 * x) + Math.sin(6 * x) / 2 : name === 'fig2' ? 3.5 * Math.sin(5 * x + 1) : 4 * Math.sin(12 * x + 1);
    }
    targets[i] = y;
  }
  return { inputs, targets };
}

export interface CondensationRun {
  /** [d, hidden…, 1]. */
  widths: number[];
  /** One activation, or one per hidden layer. */
  activation: TrainActivation | TrainActivation[];
  init: InitScale;
  data: DataName;
  points: number;
  /** Optimizer; a function gets each net's data (e.g. a data-scaled GD step). */
  optimizer: OptimizerSpec;
  stage: InitialStageRule;
  rules: OrientationRules;
  nets: number;
  seed: number;
  /** Index of the first net (default 0): the run trains nets firstNet … firstNet + nets − 1 (a later batch of a sequential design). */
  firstNet?: number;
  /** The engine parts the run uses (default: the engine as the paper defines it); a fault substitutes one. */
  parts?: CondensationParts;
  /** Analyse every net at this fixed step instead of its own stage end (paired comparisons). */
  analyseAt?: readonly number[];
  /**
   * false: the read-out has no bias (set to 0 and never trained), as the authors' notebook and the
   * paper's f = Σ_j a_j σ(w_j·x); default true (the engine's read-out bias is trained).
   */
  readoutBias?: boolean;
}

/** The engine components a condensation run uses: the small-init std, the activation the trainer runs and the trainer. */
export type CondensationParts = Pick<EngineComponents, 'smallInitStd' | 'trainActivation' | 'train' | 'netStream'>;

export interface NetLayerResult {
  stage: StageEnd;
  analysis: OrientationAnalysis;
}

export interface CondensationResult {
  /** Per net, per hidden layer. */
  layers: NetLayerResult[][];
  data: TrainData[];
  /** Parameters at each net's stage end of hidden layer 1 (for alignment analysis). */
  paramsAtEnd: DenseParams64[];
  initial: DenseParams64[];
  /** One fingerprint per net, of its initial parameters (`firstLayerFingerprint`). */
  fingerprints: Float64Array;
  lossAtEnd: Float64Array;
  ms: number;
}

/** The activations the trainer runs where `a` is requested (one, or one per hidden layer). */
export function resolveActivations(a: TrainActivation | readonly TrainActivation[], trainActivation: EngineComponents['trainActivation']): TrainActivation | TrainActivation[] {
  return Array.isArray(a) ? (a as readonly TrainActivation[]).map(trainActivation) : trainActivation(a as TrainActivation);
}

/** The nets' initial parameters and data sets: net e's, in that order, from the engine's netStream(seed, 'net', e). */
function initialNets(run: CondensationRun, parts: CondensationParts): { params: DenseParams64[]; data: TrainData[] } {
  const params: DenseParams64[] = [];
  const data: TrainData[] = [];
  const first = run.firstNet ?? 0;
  if (!(Number.isInteger(first) && first >= 0)) throw new Error(`firstNet must be an integer ≥ 0; got ${first}`);
  for (let e = first; e < first + run.nets; e++) {
    const stream = new RandomStream(parts.netStream(run.seed, 'net', e));
    const p = sampleSmallInit(run.widths, run.init, stream, parts.smallInitStd);
    if (run.readoutBias === false) p.layers[p.layers.length - 1].biases.fill(0);
    params.push(p);
    data.push(paperData(run.data, stream, run.points, run.widths[0]));
  }
  return { params, data };
}

/**
 * Trains the run's nets and analyses each hidden layer at the end of its initial stage. A net stops
 * training (the trainer's `retire`) at the first checkpoint where every one of its hidden layers has
 * ended its stage (or at its `analyseAt` step): the stage rule is causal, so this changes no result
 * — only the steps nobody looks at are skipped.
 */
export async function runCondensation(run: CondensationRun): Promise<CondensationResult> {
  await initEngine();
  const t0 = Date.now();
  const parts = run.parts ?? DEFAULT_COMPONENTS;
  const { params, data } = initialNets(run, parts);
  const fingerprints = Float64Array.from(params, firstLayerFingerprint);
  const checkpoints = stageCheckpoints(run.stage);
  const hidden = run.widths.length - 2;
  // Per net and hidden layer: M(t) at the checkpoints so far, and the stage end once decided.
  const norms = params.map(() => Array.from({ length: hidden }, () => [] as number[]));
  const ends: (StageEnd | undefined)[][] = params.map(() => new Array<StageEnd | undefined>(hidden));
  const retire = (snapshot: { step: number; params: DenseParams64[] }): number[] => {
    const done: number[] = [];
    snapshot.params.forEach((p, e) => {
      const fixed = run.analyseAt?.[e];
      if (fixed !== undefined) {
        if (snapshot.step >= fixed) done.push(e);
        return;
      }
      for (let l = 0; l < hidden; l++) {
        if (ends[e][l]) continue;
        norms[e][l].push(maxInputWeightNorm(p.layers[l]));
        ends[e][l] = stageEndSoFar(norms[e][l], run.stage);
      }
      if (ends[e].every((s) => s !== undefined)) done.push(e);
    });
    return done;
  };
  const trained = await parts.train({
    params,
    activation: resolveActivations(run.activation, parts.trainActivation),
    data,
    optimizer: run.optimizer,
    steps: run.stage.maxSteps,
    checkpoints,
    retire,
    ...(run.readoutBias === false ? { readoutBias: false } : {}),
  });
  const last = trained.checkpoints.length - 1;
  const layers: NetLayerResult[][] = [];
  const paramsAtEnd: DenseParams64[] = [];
  const lossAtEnd = new Float64Array(run.nets);
  for (let e = 0; e < run.nets; e++) {
    const perLayer: NetLayerResult[] = [];
    for (let l = 0; l < hidden; l++) {
      const fixed = run.analyseAt?.[e];
      const stage: StageEnd =
        fixed !== undefined
          ? { step: fixed, index: fixed / run.stage.every, reason: 'cap' }
          : (ends[e][l] ?? { step: trained.checkpoints[last].step, index: last, reason: 'cap' });
      perLayer.push({ stage, analysis: analyzeOrientations(trained.checkpoints[stage.index].params[e].layers[l], run.rules) });
      if (l === 0) {
        paramsAtEnd.push(trained.checkpoints[stage.index].params[e]);
        lossAtEnd[e] = trained.checkpoints[stage.index].loss[e];
      }
    }
    layers.push(perLayer);
  }
  return { layers, data, paramsAtEnd, initial: params, fingerprints, lossAtEnd, ms: Date.now() - t0 };
}

/** A two-layer run of one of the paper's settings at an explicit init std (ε 1e-8: PyTorch's default). */
const settingRun =
  (d: number, m: number, data: DataName, points: number, lr: number, stage: InitialStageRule) =>
  (activation: TrainActivation, std: number, seed: number, nets: number, parts?: CondensationParts): CondensationRun => ({
    widths: [d, m, 1],
    activation,
    init: { kind: 'std', std },
    data,
    points,
    optimizer: { kind: 'adam', lr, epsilon: FIG5_SETTING.epsilon },
    stage,
    rules: ORIENTATION_RULES,
    nets,
    seed,
    ...(parts ? { parts } : {}),
  });

/** The 1-D Fig. 5/6 setting (1-100-1, 40 points, Adam lr 5e-4) with the Adam stage rule. */
export const fig5Setting = settingRun(1, FIG5_SETTING.m, 'fig5-1d', FIG5_SETTING.points, FIG5_SETTING.lr, ADAM_STAGE_RULE);

/** A run of the Fig. 5/6 setting. */
export const fig5Run = (activation: TrainActivation, std: number, seed: number, nets: number, parts?: CondensationParts): Promise<CondensationResult> => runCondensation(fig5Setting(activation, std, seed, nets, parts));



/**
 * The Fig. 2 setting (d = 5, 5-50-1, 80 points of Σ_k 3.5 sin(5x_k + 1) on [−4, 2]⁵, Adam lr 1e-3)
 * with the stage rule FIG2_STAGE_RULE (theorems/zhou-2022/rules.ts).
 */
export const fig2Setting = settingRun(FIG2_SETTING.d, FIG2_SETTING.m, 'fig2', FIG2_SETTING.points, FIG2_SETTING.lr, FIG2_STAGE_RULE);

/** Each net's orientation count in its first hidden layer at the end of its initial stage. */
export const firstLayerOrientations = (r: CondensationResult): number[] => r.layers.map((L) => L[0].analysis.orientations);

/**
 * A batch of a sequential orientation claim (harness/sequential.ts `untilDecided`): nets first …
 * first + count − 1 of `setting` (a run of `count` nets), units 1 where the count satisfies `within`.
 */
export const orientationBatch =
  (setting: (nets: number) => CondensationRun, within: (orientations: number) => boolean) =>
  async (first: number, count: number): Promise<{ units: Float64Array; fingerprints: Float64Array; counts: number[]; run: CondensationResult }> => {
    const run = await runCondensation({ ...setting(count), firstNet: first });
    const counts = firstLayerOrientations(run);
    return { units: Float64Array.from(counts, (k) => (within(k) ? 1 : 0)), fingerprints: run.fingerprints, counts, run };
  };

/**
 * A reproduction row on a share of runs: x of n runs satisfy `within`, with a two-sided 95%
 * Clopper–Pearson interval; "reproduced" when its lower end reaches `level`, "not reproduced" when
 * its upper end is below it, else "not comparable" (the decision rule of every orientation row).
 */
export function shareRow(o: { claim: string; setting: (n: number) => string; paper: string; counts: number[]; within: (k: number) => boolean; level: number; reproduced: (lower: number) => string; notReproduced: (x: number, n: number, upper: number) => string }) {
  const n = o.counts.length;
  const x = o.counts.filter(o.within).length;
  const ci = clopperPearsonInterval(x, n, 0.95);
  const verdict = ci.lower >= o.level ? 'reproduced' : ci.upper < o.level ? 'not reproduced' : 'not comparable';
  return {
    claim: o.claim,
    setting: o.setting(n),
    paper: o.paper,
    ours: { share: x / n, n, ci95: [ci.lower, ci.upper], orientations: histogram(o.counts) },
    verdict,
    why: verdict === 'reproduced' ? o.reproduced(ci.lower) : verdict === 'not reproduced' ? o.notReproduced(x, n, ci.upper) : `the 95% interval [${ci.lower.toFixed(3)}, ${ci.upper.toFixed(3)}] contains ${o.level}`,
  };
}
