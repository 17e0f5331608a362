/**
 * The six-layer experiment of Zhou et al. (2022), Fig. 3 (docs/claims.md §4.3): a residual net
 * 3-18-18-18-18-18-1, h_1 = σ_1(W_1 x + b_1), h_l = σ_l(W_l h_{l−1} + b_l) + h_{l−1} (l = 2…5), linear
 * read-out without a trained bias (the authors' notebook: output layer without bias; its bias is 0);
 * hidden activations x² tanh, x tanh, sigmoid, tanh, softplus; every weight and bias N(0, std²);
 * 80 points x ~ U[−4, 2]³, y = Σ_k 4 sin(12 x_k + 1), fresh per net; Adam lr 4e-5, ε = 1e-8, full batch.
 *
 * All nets of a configuration are trained in one trainEnsemble call (net e's parameters and data
 * draw from the engine's netStream(seed, 'net', e)), with checkpoints every `every` steps; the orientation
 * analysis (engine/condensation/orientations.ts, the rules of theorems/zhou-2022/rules.ts) of a hidden
 * layer at a checkpoint — the input weights of layer l are the rows (W_l, b_l) ∈ R^{fanIn+1} — is
 * computed when first asked for (`analysisAt`) and cached: the asserted score gap needs two analyses
 * per net, the figures and rows the rest. The run reports one fingerprint per net, of its initial first
 * layer (engine/random/fingerprint.ts), for the harness's independence check.
 */
import { initEngine } from '../../engine/backend';
import { RandomStream } from '../../engine/random/stream';
import { firstLayerFingerprint } from '../../engine/random/fingerprint';
import type { TrainActivation } from '../../engine/train/activations';
import type { DenseParams64 } from '../../engine/train/params';
import { sampleSmallInit } from '../../engine/condensation/small-init';
import { analyzeOrientations, heatmap, maxInputWeightNorm, type OrientationAnalysis } from '../../engine/condensation/orientations';
import { stageEndSoFar, validateStageRule, type InitialStageRule, type StageEnd } from '../../engine/condensation/initial-stage';
import { ORIENTATION_RULES } from '../../theorems/zhou-2022/rules';
import { FIG3_ACTIVATIONS, FIG3_MULTIPLICITY, FIG3_SETTING, FIG3_SNAPSHOT_STEPS, FIG3_STAGE_RULE, PER_LAYER_ROW_RULE } from '../../theorems/zhou-2022/multilayer-per-layer-multiplicity';
import { wilsonInterval } from '../stats';
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
  /** params[c][e]: net e's parameters at checkpoint c. */
  params: DenseParams64[][];
  /** The orientation analysis of net e's hidden layer l (0-based) at checkpoint c: computed on first use, then cached. */
  analysisAt: (c: number, e: number, l: number) => OrientationAnalysis;
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
  const snapshots = trained.checkpoints.map((c) => c.params);
  const cache = new Map<number, OrientationAnalysis>();
  const analysisAt = (c: number, e: number, l: number): OrientationAnalysis => {
    if (!(c >= 0 && c < snapshots.length && e >= 0 && e < run.nets && l >= 0 && l < 5)) throw new Error(`analysisAt: checkpoint ${c}, net ${e}, layer ${l} out of range`);
    const key = (c * run.nets + e) * 5 + l;
    let a = cache.get(key);
    if (a === undefined) {
      a = analyzeOrientations(snapshots[c][e].layers[l], ORIENTATION_RULES);
      cache.set(key, a);
    }
    return a;
  };
  const maxNorm = snapshots.map((ps) => ps.map((p) => p.layers.slice(0, 5).map(maxInputWeightNorm)));
  return { steps, params: snapshots, analysisAt, maxNorm, loss: trained.checkpoints.map((c) => c.loss), initial: params, fingerprints, ms: Date.now() - t0 };
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

/** The analysis of net e's layer l at the paper's snapshot step of that layer. */
export const atSnapshot = (r: MultiLayerResult, e: number, layer: number): OrientationAnalysis => r.analysisAt(snapshotIndex(r, layer), e, layer);

/**
 * Net e's layer l: the end of its initial stage by `rule` (FIG3_STAGE_RULE: engine/condensation/
 * initial-stage.ts on the layer's max input-weight norm at the run's checkpoints), or undefined when the
 * rule has not fired by the last step trained (censored).
 */
export function stageEndOf(r: MultiLayerResult, e: number, layer: number, rule: InitialStageRule = FIG3_STAGE_RULE): StageEnd | undefined {
  validateStageRule(rule);
  if (r.steps[1] - r.steps[0] !== rule.every) throw new Error(`stageEndOf: the rule's checkpoints (every ${rule.every}) must be the run's (every ${r.steps[1] - r.steps[0]})`);
  return stageEndSoFar(r.maxNorm.map((c) => c[e][layer]), rule);
}

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
  const nets = r.initial.length;
  return r.steps.map((step, c) => ({
    step,
    meanLines: [0, 1, 2, 3, 4].map((l) => round(mean(Array.from({ length: nets }, (_, e) => r.analysisAt(c, e, l).lines)), 2)),
    meanMaxNorm: [0, 1, 2, 3, 4].map((l) => round(mean(r.maxNorm[c].map((n) => n[l])), 4)),
  }));
}

const CLAIM_ID = 'ZZLZX2022.MultiLayer.per-layer-multiplicity';

/** Share of nets with ≤ p lines, its Wilson interval at the rule's level, and the row verdict (PER_LAYER_ROW_RULE). */
function withinVerdict(lines: number[], p: number): { x: number; n: number; share: number; ci: [number, number]; verdict: 'reproduced' | 'not reproduced' | 'not comparable' } {
  const x = lines.filter((v) => v <= p).length;
  const ci = wilsonInterval(x, lines.length, PER_LAYER_ROW_RULE.level);
  const verdict = ci.lower > PER_LAYER_ROW_RULE.share ? 'reproduced' : ci.upper < PER_LAYER_ROW_RULE.share ? 'not reproduced' : 'not comparable';
  return { x, n: lines.length, share: x / lines.length, ci: [ci.lower, ci.upper], verdict };
}

const fmt = (x: number, d = 2): string => x.toFixed(d);

/**
 * Reproduction rows (reports/build.ts collects `figures.perConfig[].reproduction`): per hidden layer l
 * of the Fig. 3 net, the number of lines against the layer's multiplicity p_l — the share of nets with
 * ≤ p_l lines, with its 95% Wilson interval and the verdict of PER_LAYER_ROW_RULE — under two snapshot
 * rules: (1) the paper's snapshot steps (FIG3_SNAPSHOT_STEPS), (2) the end of the layer's initial stage
 * by FIG3_STAGE_RULE. The reasons given are the measurements themselves: the layer's count and
 * amplitude max_j |u_j| at the snapshot and 200 steps before (still falling = still condensing).
 */
export function perLayerRows(r: MultiLayerResult, setting: string): Record<string, unknown>[] {
  const nets = r.initial.length;
  const last = r.steps.length - 1;
  const lag = Math.max(0, Math.round(200 / (r.steps[1] - r.steps[0])));
  const rows: Record<string, unknown>[] = [];
  FIG3_ACTIVATIONS.forEach((act, l) => {
    const p = FIG3_MULTIPLICITY[l];
    const layer = `layer ${l + 1} (${act}, p = ${p})`;
    const paper = `${p} line${p > 1 ? 's' : ''} in layer ${l + 1} at epoch ${FIG3_SNAPSHOT_STEPS[l]} (one run, Fig. 3: 3, 2, 1, 1, 1 lines in layers 1…5); the 2p bound: at most p_l = ${p} line${p > 1 ? 's' : ''}`;
    const lines = (c: number[]): number[] => c.map((ci, e) => r.analysisAt(ci, e, l).lines);
    const meanNorm = (c: number[]): number => mean(c.map((ci, e) => r.maxNorm[ci][e][l]));
    // (1) The paper's snapshot step (the last step trained if the run is shorter).
    {
      const c = snapshotIndex(r, l);
      const at = new Array<number>(nets).fill(c);
      const before = at.map((i) => Math.max(0, i - lag));
      const now = lines(at);
      const w = withinVerdict(now, p);
      const reached = r.steps[c] === FIG3_SNAPSHOT_STEPS[l];
      const m = mean(now);
      const mBefore = mean(lines(before));
      const verdict = reached ? w.verdict : 'not comparable';
      rows.push({
        claim: CLAIM_ID,
        setting: `${setting}; ${layer} at the paper's snapshot step ${FIG3_SNAPSHOT_STEPS[l]}${reached ? '' : ` (not reached: run ends at ${r.steps[c]})`}; verdict: the share of nets with ≤ p_l lines, 95% Wilson interval above / below ½`,
        paper,
        ours: { step: r.steps[c], nets, meanLines: round(m, 2), linesHistogram: histogram(now), withinBound: { x: w.x, n: w.n, share: round(w.share), wilson95: w.ci.map((v) => round(v)) }, meanLinesTwoHundredStepsBefore: round(mBefore, 2), meanMaxNorm: round(meanNorm(at), 4) },
        verdict,
        why: !reached
          ? `the run stops at step ${r.steps[c]}, before the paper's snapshot ${FIG3_SNAPSHOT_STEPS[l]}`
          : rowWhy(w, p, m, mBefore, meanNorm(at), r.steps[c]) + layerNote(l, w.verdict),
      });
    }
    // (2) The end of the layer's initial stage by the stated rule (censored nets counted at the cap).
    {
      const ends = Array.from({ length: nets }, (_, e) => stageEndOf(r, e, l));
      const at = ends.map((s) => s?.index ?? last);
      const censored = ends.filter((s) => s === undefined).length;
      const now = lines(at);
      const before = lines(at.map((i) => Math.max(0, i - lag)));
      const w = withinVerdict(now, p);
      const stepsAt = at.map((i) => r.steps[i]);
      const m = mean(now);
      const tooMany = censored > PER_LAYER_ROW_RULE.maxCensored * nets;
      rows.push({
        claim: CLAIM_ID,
        setting: `${setting}; ${layer} at the end of its initial stage by the stated rule (amplitude max|u| ≥ ${FIG3_STAGE_RULE.amplitude}, or < ${100 * FIG3_STAGE_RULE.stallGrowth}% growth over ${FIG3_STAGE_RULE.stallWindow} steps after ≥ ${FIG3_STAGE_RULE.minGrowthForStall}× growth; checkpoints every ${FIG3_STAGE_RULE.every}, cap ${r.steps[last]}); verdict as for the snapshot rows`,
        paper,
        ours: {
          nets,
          stageEndStep: { mean: round(mean(stepsAt), 1), min: Math.min(...stepsAt), max: Math.max(...stepsAt) },
          reasons: histogram(ends.map((s) => s?.reason ?? 'censored')),
          meanLines: round(m, 2),
          linesHistogram: histogram(now),
          withinBound: { x: w.x, n: w.n, share: round(w.share), wilson95: w.ci.map((v) => round(v)) },
          meanLinesTwoHundredStepsBefore: round(mean(before), 2),
          meanMaxNorm: round(meanNorm(at), 4),
        },
        verdict: tooMany ? 'not comparable' : w.verdict,
        why: tooMany
          ? `${censored} of ${nets} nets have not ended the stage by step ${r.steps[last]} (the rule's amplitude ${FIG3_STAGE_RULE.amplitude} not reached, no stall): more than ${100 * PER_LAYER_ROW_RULE.maxCensored}% censored`
          : `${rowWhy(w, p, m, mean(before), meanNorm(at), undefined)}; the rule ended the stage at steps ${Math.min(...stepsAt)}–${Math.max(...stepsAt)} (mean ${fmt(mean(stepsAt), 0)})${censored ? `, ${censored} net(s) censored at ${r.steps[last]}` : ''}${layerNote(l, w.verdict)}`,
      });
    }
  });
  return rows;
}

/** What calibration adds to a layer's row (theorems/zhou-2022/multilayer-per-layer-multiplicity.ts). */
function layerNote(layer: number, verdict: string): string {
  if (layer !== 0 || verdict === 'reproduced') return '';
  return '. Layer 1 reads (x, 1) ∈ R⁴ with x ~ U[−4, 2]³ and grows slowest at lr 4e-5; in calibration it kept ≈ 3.9 lines even with tanh (p = 1) in its place (fault multiplicity-swapped), so its count is limited by that slow growth, not only by p';
}

/** The reason of a row's verdict, from its measurements. */
function rowWhy(w: ReturnType<typeof withinVerdict>, p: number, m: number, mBefore: number, norm: number, step: number | undefined): string {
  const share = `${w.x}/${w.n} nets with ≤ ${p} line${p > 1 ? 's' : ''} (95% [${fmt(w.ci[0])}, ${fmt(w.ci[1])}]), mean ${fmt(m)}`;
  const trend = m < mBefore - 0.25 ? `still condensing: the mean count fell from ${fmt(mBefore)} 200 steps earlier, and the largest input weight max_j |u_j| is ${fmt(norm, 3)}` : `the count has settled (${fmt(mBefore)} 200 steps earlier; largest input weight ${fmt(norm, 3)})`;
  if (w.verdict === 'reproduced') return `${share}${step === undefined ? '' : ` at step ${step}`}`;
  if (w.verdict === 'not reproduced') return `${share}: the layer is above its multiplicity's bound in most nets — ${trend}`;
  return `${share}: undetermined at ${w.n} nets (the interval contains ½) — ${trend}`;
}
