/**
 * The six-layer experiment of Zhou et al. (2022), Fig. 3 (docs/claims.md §4.3): a residual net
 * 3-18-18-18-18-18-1, h_1 = σ_1(W_1 x + b_1), h_l = σ_l(W_l h_{l−1} + b_l) + h_{l−1} (l = 2…5), linear
 * read-out without a trained bias (the authors' notebook: output layer without bias; its bias is 0);
 * hidden activations x² tanh, x tanh, sigmoid, tanh, softplus; every weight and bias N(0, std²);
 * 80 points x ~ U[−4, 2]³, y = Σ_k 4 sin(12 x_k + 1), fresh per net; Adam lr 4e-5, ε = 1e-8, full batch.
 *
 * All nets of a configuration are trained in one trainEnsemble call (net e's parameters and data
 * draw from the engine's netStream(seed, 'net', e)), with checkpoints every `every` steps; the orientation
 * analysis (engine/condensation/orientations.ts, the rules of theorems/zhou-2022/rules.ts) is run per
 * hidden layer at every checkpoint: the input weights of layer l are the rows (W_l, b_l) ∈ R^{fanIn+1}.
 * The run reports one fingerprint per net, of its initial first layer (engine/random/fingerprint.ts),
 * for the harness's independence check.
 */
import { initEngine } from '../../engine/backend';
import { RandomStream } from '../../engine/random/stream';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import type { TrainActivation } from '../../engine/train/activations';
import type { DenseParams64 } from '../../engine/train/params';
import { sampleSmallInit } from '../../engine/condensation/small-init';
import { analyzeOrientations, heatmap, maxInputWeightNorm, type OrientationAnalysis } from '../../engine/condensation/orientations';
import { ORIENTATION_RULES } from '../../theorems/zhou-2022/rules';
import { FIG3_ACTIVATIONS, FIG3_MULTIPLICITY, FIG3_SETTING, FIG3_SNAPSHOT_STEPS } from '../../theorems/zhou-2022/multilayer-per-layer-multiplicity';
import { histogram, mean, proportionWithCi, round } from '../harness/figure-data';
import { DEFAULT_COMPONENTS } from '../../engine/components';
import { paperData, resolveActivations, type CondensationParts } from './condensation-experiment';

export interface MultiLayerRun {
  std: number;
  nets: number;
  seed: number;
  /** Last step trained and checkpoint spacing (steps a multiple of every). */
  steps: number;
  every: number;
  residual?: boolean;
  /** The engine parts the run uses (default: the engine as the paper defines it). */
  parts?: CondensationParts;
}

export interface MultiLayerResult {
  /** Checkpoint steps 0, every, …, steps. */
  steps: number[];
  /** analyses[c][e][l]: checkpoint c, net e, hidden layer l (0-based). */
  analyses: OrientationAnalysis[][][];
  /** maxNorm[c][e][l] = max_j |u_j| of layer l. */
  maxNorm: number[][][];
  loss: Float64Array[];
  initial: DenseParams64[];
  /** One fingerprint per net, of its initial parameters (`firstLayerFingerprint`). */
  fingerprints: Float64Array;
  ms: number;
}

const fig3Widths = (): number[] => [FIG3_SETTING.d, ...new Array<number>(5).fill(FIG3_SETTING.m), 1];

export async function runMultiLayer(run: MultiLayerRun): Promise<MultiLayerResult> {
  await initEngine();
  const t0 = Date.now();
  const parts = run.parts ?? DEFAULT_COMPONENTS;
  const widths = fig3Widths();
  const params: DenseParams64[] = [];
  const data = [];
  for (let e = 0; e < run.nets; e++) {
    const stream = new RandomStream(parts.netStream(run.seed, 'net', e));
    const p = sampleSmallInit(widths, { kind: 'std', std: run.std }, stream, parts.smallInitStd);
    p.layers[p.layers.length - 1].biases.fill(0);
    params.push(p);
    data.push(paperData('fig3', stream, FIG3_SETTING.points, FIG3_SETTING.d));
  }
  const fingerprints = Float64Array.from(params, firstLayerFingerprint);
  const steps = Array.from({ length: run.steps / run.every + 1 }, (_, i) => i * run.every);
  const acts = FIG3_ACTIVATIONS.map((kind) => ({ kind }) as TrainActivation);
  const trained = await parts.train({
    params,
    activation: resolveActivations(acts, parts.trainActivation) as TrainActivation[],
    data,
    optimizer: { kind: 'adam', lr: FIG3_SETTING.lr, epsilon: FIG3_SETTING.epsilon },
    steps: run.steps,
    checkpoints: steps,
    residual: run.residual ?? true,
    readoutBias: false,
  });
  const analyses = trained.checkpoints.map((c) => c.params.map((p) => p.layers.slice(0, 5).map((layer) => analyzeOrientations(layer, ORIENTATION_RULES))));
  const maxNorm = trained.checkpoints.map((c) => c.params.map((p) => p.layers.slice(0, 5).map(maxInputWeightNorm)));
  return { steps, analyses, maxNorm, loss: trained.checkpoints.map((c) => c.loss), initial: params, fingerprints, ms: Date.now() - t0 };
}

/** The heat map of one net's layer at a checkpoint (figure data). */
export function layerHeatmap(a: OrientationAnalysis): { lines: number; orientations: number; kept: number; matrix: number[][] } {
  return { lines: a.lines, orientations: a.orientations, kept: a.kept.length, matrix: heatmap(a.units).matrix };
}

/** Checkpoint index of layer l's stage end: the paper's snapshot step, or the last step trained if earlier. */
function snapshotIndex(r: MultiLayerResult, layer: number): number {
  const want = Math.min(FIG3_SNAPSHOT_STEPS[layer], r.steps[r.steps.length - 1]);
  const i = r.steps.indexOf(want);
  if (i < 0) throw new Error(`snapshotIndex: step ${want} (layer ${layer + 1}) is not a checkpoint of this run`);
  return i;
}

/** The analysis of net e's layer l at that layer's stage end. */
export const atSnapshot = (r: MultiLayerResult, e: number, layer: number): OrientationAnalysis => r.analyses[snapshotIndex(r, layer)][e][layer];

/** Per-layer figure data at each layer's stage end: lines histogram, mean lines/orientations/score, share within ≤ p_l lines with a 95% Wilson interval. */
export function perLayerSummary(r: MultiLayerResult): Record<string, unknown>[] {
  const nets = r.initial.length;
  return FIG3_ACTIVATIONS.map((act, l) => {
    const a = Array.from({ length: nets }, (_, e) => atSnapshot(r, e, l));
    const lines = a.map((x) => x.lines);
    const within = lines.filter((v) => v <= FIG3_MULTIPLICITY[l]).length;
    return {
      layer: l + 1,
      activation: act,
      p: FIG3_MULTIPLICITY[l],
      step: r.steps[snapshotIndex(r, l)],
      meanLines: round(mean(lines), 2),
      meanOrientations: round(mean(a.map((x) => x.orientations)), 2),
      meanScore: round(mean(a.map((x) => x.score))),
      linesHistogram: histogram(lines),
      withinBound: proportionWithCi(within, nets),
    };
  });
}

/** Mean lines per layer at every checkpoint (figure data: the counts against the step). */
export function linesVsStep(r: MultiLayerResult): { step: number; meanLines: number[]; meanMaxNorm: number[] }[] {
  return r.steps.map((step, c) => ({
    step,
    meanLines: [0, 1, 2, 3, 4].map((l) => round(mean(r.analyses[c].map((n) => n[l].lines)), 2)),
    meanMaxNorm: [0, 1, 2, 3, 4].map((l) => round(mean(r.maxNorm[c].map((n) => n[l])), 4)),
  }));
}
