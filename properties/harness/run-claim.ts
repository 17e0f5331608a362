/**
 * Running a claim: fast-check over its configurations, one calibrated check per configuration, and
 * its reject twins. Pure of jest and of the environment (seeds, engine, α and fault come in through
 * {@link RunContext}), so the glue itself is unit-tested; `claim-property.ts` wires it into jest.
 *
 * For each configuration: check the theorem's hypotheses, run the Monte Carlo experiment with a seed
 * derived from (master seed, claim, configuration), apply the check at α_i. A rejection is a
 * counterexample that fast-check shrinks to a smaller configuration (each shrink step reruns an
 * experiment, so their number is capped; skipped candidates do not count as passes).
 */
import fc from 'fast-check';
import { deriveSeed } from '../../engine/random/seed';
import type { ConfigResult, EngineInfo, PropertyRecord } from '../../reports/schema';
import type { Relation, Theorem } from '../../theorems/types';
import { describeRelation } from '../../theorems/relation';
import { selectCheck } from '../checks/select';
import { componentsOf, type Fault } from '../faults/catalog';
import type { ByProfile } from '../profile';
import { checkIndependence } from './independence';
import { replayLine } from './replay';
import type { Check, CheckOutcome, Experiment, ExperimentContext, Plan, World } from './types';

/**
 * A claim's sample design, fixed before any data: how many configurations fast-check generates and
 * how many shrink steps it may take per profile, and every sample size the experiment uses, named
 * (networks per configuration, per arm, training steps …). The α share is the registry's.
 */
export interface ClaimDesign {
  configs: ByProfile<number>;
  /** Shrink steps allowed after a failure (each one reruns a Monte Carlo experiment); default gate 4, full 12. */
  shrinks?: ByProfile<number>;
  /** Named sample sizes per profile. */
  sizes?: Readonly<Record<string, ByProfile<number>>>;
}

/**
 * A reject twin: the claim's test re-run where something is deliberately wrong — the engine (`fault`,
 * a component substitution from the fault catalog) or the prediction (`wrongPrediction`, e.g. β off by
 * one layer). It must be rejected.
 *
 * Every twin declares the world its test faces (`world`: the wrong engine's true value, or for a wrong
 * prediction the correct engine's, from a closed form or a pinned offline run with its command). Its
 * power against that world is computed from the planned sample sizes, not from the sample, and must be
 * ≥ 1 − α_i (its miss rate is part of the budget). And it must be able to pass: in its own world (where
 * the relation it tests holds, `ownWorld`) the check accepts with probability ≥ 1 − α_i — otherwise the
 * twin is rejected for every engine and proves nothing.
 */
export interface Twin<C> {
  /** Short name, e.g. `he-variance-1.8`. */
  name: string;
  /** What is wrong, in words (defaults to the fault's description). */
  description?: string;
  fault?: Fault;
  wrongPrediction?: (config: C) => Relation;
  /** A configuration chosen where the test has power against this fault. */
  config: C;
  /** The truth the twin's test faces (the alternative its power is computed at). */
  world: (config: C) => World;
  /**
   * A world in which the relation the twin tests holds (at its boundary). Default: `world` with its
   * value moved to the tested prediction — enough for one-sample checks; two-sample and group checks
   * state their arms.
   */
  ownWorld?: (config: C) => World;
  /**
   * A twin whose fault breaks the experiment's precondition (it throws {@link PreconditionNotMet}):
   * `rate` bounds the probability that one of the `units` independent units meets the precondition
   * under the fault (pinned offline, `source`), so the twin is rejected with probability
   * ≥ 1 − rate^units, its design-time power.
   */
  precondition?: { units: number; rate: number; source: string };
  /**
   * Run in the full profile only, because the gate already runs another claim's twin with the same
   * fault (named here) or the twin only re-confirms a design-time power (the reason): the gate's time
   * goes to claims. Its design-time power is still computed before every full run.
   */
  fullProfileOnly?: string;
}

/**
 * Thrown by an experiment whose precondition does not hold (e.g. a network that did not memorize its
 * task within the step cap): the configuration fails with this message — it is never a pass. A twin
 * that declares `precondition` is rejected by it.
 */
export class PreconditionNotMet extends Error {
  constructor(
    readonly failed: number,
    readonly total: number,
    detail: string,
  ) {
    super(`precondition not met: ${detail}`);
    this.name = 'PreconditionNotMet';
  }
}

/** A twin's property id: its claim's id, `~`, its name. */
export const twinId = (claimId: string, twinName: string): string => `${claimId}~${twinName}`;

export function twinDescription<C>(twin: Twin<C>): string {
  const text = twin.description ?? twin.fault?.description;
  if (text === undefined) throw new Error(`twin "${twin.name}" needs a description or a fault`);
  if (!twin.fault && !twin.wrongPrediction) throw new Error(`twin "${twin.name}" must set a fault or a wrongPrediction`);
  return text;
}

export interface ClaimSpec<C> {
  theorem: Theorem<C>;
  /** Family name (the property file), for the report. */
  family: string;
  /** `__filename` of the property file, for the replay line. */
  file: string;
  configs: fc.Arbitrary<C>;
  /** Configurations always tested first (fast-check `examples`; they count within the design's configs). */
  examples?: C[];
  design: ClaimDesign;
  experiment(config: C, ctx: ExperimentContext): Promise<Experiment>;
  twins: Twin<C>[];
  /**
   * Reviewer figure data beyond the tested configurations (e.g. a sweep over depth), computed once
   * per run of the claim with its own derived seed and stored under `figures` in the record. Not a
   * test: it spends no α.
   */
  figures?: (ctx: { seed: number }) => Promise<Record<string, unknown>>;
}

const plain = (config: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(config)) as Record<string, unknown>;

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? x.toExponential(4) : x.toPrecision(5);
}

export function describeOutcome(theoremId: string, config: unknown, r: ConfigResult): string {
  return [
    `${theoremId}: ${r.verdict === 'rejected' ? 'prediction REJECTED' : 'prediction consistent'}`,
    `  config:     ${JSON.stringify(config)}`,
    `  n:          ${r.n} independent units (one unit = one network, unless the claim says otherwise)`,
    `  estimate:   ${fmt(r.estimate)}   CI at level 1 − α′ = 1 − ${(1 - r.interval.level).toExponential(2)}: [${fmt(r.interval.lower)}, ${fmt(r.interval.upper)}]`,
    `  prediction: ${fmt(r.prediction)}   (${r.prediction !== 0 ? `relative deviation ${fmt(r.estimate / r.prediction - 1)}` : `deviation ${fmt(r.estimate - r.prediction)}`})`,
    `  α = ${r.alpha.toExponential(2)} (suite budget)${r.pValue !== undefined ? `   p = ${r.pValue.toExponential(2)}` : ''}`,
    ...(r.minDetectable ? [`  detectable:  ±${fmt(100 * r.minDetectable.relative)}% at power ${r.minDetectable.power}`] : []),
    ...(r.outcomes ? [`  outcomes:   ${JSON.stringify(r.outcomes)}`] : []),
    ...(r.notes ?? []).map((n) => `  note:       ${n}`),
  ].join('\n');
}

/** The check the theorem's relation and unit kind select (properties/checks/select.ts). */
export const checkFor = <C>(theorem: Theorem<C>, relation: Relation): Check => selectCheck(relation, theorem.unit.kind);

interface RunResult {
  result: ConfigResult;
  relation: Relation;
  outcome: CheckOutcome;
  plan: Plan;
  figures?: Record<string, unknown>;
}

/**
 * The sample sizes a check faces, read off the experiment's shape (they are fixed by the claim's
 * design and the configuration, never by the data): one sample, two samples, or one per group.
 */
export function planOf(exp: Experiment, relation: Relation, unit: Theorem<unknown>['unit']['kind']): Plan {
  const trials = relation.kind === 'distributed' ? { trials: relation.trials } : {};
  if (exp.groups?.length) return { n: exp.groups.map((g) => g.units.length), x: exp.groups.map((g) => g.x), ...trials };
  if (exp.reference && (unit === 'two-sample' || unit === 'two-sample-binary')) return { n: [exp.units.length, exp.reference.length], ...trials };
  return { n: [exp.units.length], ...trials };
}

async function runConfig<C>(
  spec: ClaimSpec<C>,
  config: C,
  seed: number,
  alpha: number,
  fault: Fault | undefined,
  predict: (config: C) => Relation = (c) => spec.theorem.predict(c),
  independenceAlpha?: number,
): Promise<RunResult> {
  const started = Date.now();
  spec.theorem.domain(config);
  const relation = predict(config);
  const prediction = relation.value;
  const check = checkFor(spec.theorem, relation);
  const vouched = (units: Float64Array, reference?: Float64Array): boolean => check.evaluate(units, prediction, alpha, reference).calibrationWarning === undefined;
  const decided = check.decided ? (units: Float64Array): boolean => check.decided!(units, prediction, alpha) : undefined;
  const exp = await spec.experiment(config, { seed, components: componentsOf(fault), vouched, ...(decided ? { decided } : {}), ...(fault ? { fault } : {}) });
  if (exp.fault !== undefined) {
    throw new Error(`${spec.theorem.id}: engine fault on ${JSON.stringify(config)}: ${exp.fault}`);
  }
  // Claims only: a twin's error is a miss, bounded by its power, and this check would add rejections to it.
  const independence = independenceAlpha === undefined ? undefined : checkIndependence(exp, spec.theorem.unit.kind, independenceAlpha);
  if (independence && !independence.ok) {
    throw new Error(`${spec.theorem.id}: ${independence.reason ?? 'independence check failed'}\n  config:     ${JSON.stringify(config)}`);
  }
  const outcome = check.evaluate(exp.units, prediction, alpha, exp.reference, exp.groups);
  const plan = planOf(exp, relation, spec.theorem.unit.kind);
  const result: ConfigResult = {
    config: plain(config),
    seed,
    n: exp.units.length,
    estimate: outcome.estimate,
    interval: outcome.interval,
    prediction,
    relation,
    alpha,
    verdict: outcome.verdict,
    ...(outcome.pValue !== undefined ? { pValue: outcome.pValue } : {}),
    ...(outcome.minDetectable ? { minDetectable: outcome.minDetectable } : {}),
    ...(exp.outcomes ? { outcomes: exp.outcomes } : {}),
    ...(outcome.falseFailure ? { falseFailure: outcome.falseFailure } : {}),
    ...(independence ? { independence: independence.falseFailure } : {}),
    ...(outcome.calibrationWarning ? { calibrationWarning: outcome.calibrationWarning } : {}),
    ...(outcome.notes?.length || outcome.calibrationWarning || independence ? { notes: [...(outcome.notes ?? []), ...(independence?.notes ?? []), ...(outcome.calibrationWarning ? [outcome.calibrationWarning] : [])] } : {}),
    durationMs: Date.now() - started,
  };
  return { result, relation, outcome, plan, ...(exp.figures ? { figures: exp.figures } : {}) };
}

export interface RunContext {
  masterSeed: number;
  engine: EngineInfo;
  /** α of each assertion (configuration or twin), from the suite budget. */
  alpha: number;
  numConfigs: number;
  maxShrinks: number;
  /**
   * α of the independence check on each configuration's experiment (properties/harness/independence.ts;
   * the budget's 'harness.independence' share split over every claim configuration); unset: not checked.
   */
  independenceAlpha?: number;
  /** A fault applied to the claim itself (THEORYCHECK_MUTANT). */
  fault?: Fault;
  /** fast-check path to replay a counterexample directly. */
  replayPath?: string;
  /** THEORYCHECK_* variables that go into replay lines (the settings' `replayed`). */
  replayed?: Record<string, string>;
  /** Paper folder of the claim (registry). */
  paperKey?: string;
  /** Called after each configuration of the claim's first pass (not shrink steps), with the count done and the planned total (progress display). */
  onConfig?: (done: number, total: number) => void;
}

function baseRecord<C>(spec: ClaimSpec<C>, ctx: RunContext, relation: Relation): Pick<PropertyRecord, 'title' | 'family' | 'paper' | 'provenance' | 'statement' | 'test' | 'engine' | 'paperKey'> {
  const t = spec.theorem;
  const check = checkFor(t, relation);
  return {
    title: t.title,
    family: spec.family,
    paper: t.paper,
    provenance: t.provenance,
    statement: t.statement,
    test: { name: check.name, method: `${check.method}; decision rule: ${describeRelation(relation)}`, sides: check.sides },
    engine: ctx.engine,
    ...(ctx.paperKey ? { paperKey: ctx.paperKey } : {}),
  };
}

export const claimTestName = (theoremId: string): string => `${theoremId} claim`;
export const twinTestName = (theoremId: string, twin: string): string => `${theoremId} twin ${twin}`;

/** Runs a claim over its generated configurations; the record carries `failure` when it fails. */
export async function runClaim<C>(spec: ClaimSpec<C>, ctx: RunContext): Promise<PropertyRecord> {
  const started = Date.now();
  const { theorem } = spec;
  const propertySeed = deriveSeed(ctx.masterSeed, theorem.id) | 0;
  const primary: ConfigResult[] = [];
  const figures: Record<string, unknown>[] = [];
  let failures = 0;
  let lastFailure: { config: C; run: RunResult } | undefined;
  let firstRelation: Relation | undefined;

  const property = fc.asyncProperty(spec.configs, async (config) => {
    if (failures > ctx.maxShrinks) fc.pre(false); // shrink budget spent: skip the candidate
    const seed = deriveSeed(ctx.masterSeed, theorem.id, config);
    firstRelation ??= theorem.predict(theorem.domain(config));
    let run: RunResult;
    try {
      run = await runConfig(spec, config, seed, ctx.alpha, ctx.fault, undefined, ctx.independenceAlpha);
    } catch (error) {
      failures++; // an engine fault (or a broken hypothesis) is a failure: it counts toward the shrink cap
      throw error;
    }
    if (failures === 0) {
      primary.push(run.result);
      if (run.figures) figures.push({ config: plain(config), ...run.figures });
      ctx.onConfig?.(primary.length, ctx.numConfigs);
    }
    if (run.result.verdict === 'rejected') {
      failures++;
      lastFailure = { config, run };
      throw new Error(describeOutcome(theorem.id, config, run.result));
    }
  });
  const details = await fc.check(property, {
    seed: propertySeed,
    numRuns: ctx.numConfigs,
    ...(spec.examples?.length ? { examples: spec.examples.map((c): [C] => [c]) } : {}),
    ...(ctx.replayPath ? { path: ctx.replayPath } : {}),
  });
  const replay = replayLine({
    masterSeed: ctx.masterSeed,
    testFile: spec.file,
    testName: claimTestName(theorem.id),
    ...(details.failed && details.counterexamplePath ? { fcPath: details.counterexamplePath } : {}),
    ...(ctx.replayed ? { replayed: ctx.replayed } : {}),
  });
  let failure: string | undefined;
  if (details.failed) {
    const shrunk = lastFailure ? describeOutcome(theorem.id, lastFailure.config, lastFailure.run.result) : String(details.errorInstance);
    failure = [
      shrunk,
      `  fast-check: failed after ${details.numRuns} configuration(s), ${details.numShrinks} shrink(s); seed ${details.seed}, path ${details.counterexamplePath}`,
      `  replay:     ${replay}`,
    ].join('\n');
    if (lastFailure && !primary.includes(lastFailure.run.result)) primary.push(lastFailure.run.result);
  }
  const sweeps = spec.figures && !details.failed ? await spec.figures({ seed: deriveSeed(ctx.masterSeed, theorem.id, 'figures') }) : {};
  const allFigures = { ...(figures.length ? { perConfig: figures } : {}), ...sweeps };
  return {
    ...baseRecord(spec, ctx, firstRelation ?? { kind: 'equals', value: Number.NaN }),
    claimId: theorem.id,
    kind: 'claim',
    alpha: ctx.alpha * ctx.numConfigs,
    configs: primary,
    verdict: details.failed ? 'fail' : 'pass',
    replay,
    ...(failure ? { failure } : {}),
    seeds: { master: ctx.masterSeed, property: propertySeed >>> 0 },
    durationMs: Date.now() - started,
    ...(Object.keys(allFigures).length ? { figures: allFigures } : {}),
    ...(ctx.fault ? { twinDescription: `run under THEORYCHECK_MUTANT=${ctx.fault.name}: ${ctx.fault.description}` } : {}),
  };
}

/**
 * The default own world of a twin: its declared world with the value moved to the tested prediction.
 * Checks whose acceptance depends on per-arm truths (two-sample and trend checks on 0/1 units, the
 * sign test) read `arms` as the truth, so a twin of such a check declares `ownWorld` explicitly —
 * otherwise its own world keeps the wrong engine's arms and the twin is reported vacuous.
 */
function ownWorldOf(world: World, prediction: number): World {
  return { ...world, value: prediction, source: `the tested relation at its boundary (${fmt(prediction)})` };
}

/** Runs a reject twin: the claim's check against a wrong engine must reject. */
export async function runTwin<C>(spec: ClaimSpec<C>, twin: Twin<C>, ctx: RunContext): Promise<PropertyRecord> {
  const started = Date.now();
  const { theorem } = spec;
  const seed = deriveSeed(ctx.masterSeed, theorem.id, 'twin', twin.name, twin.config);
  const description = twinDescription(twin);
  let run: RunResult;
  try {
    run = await runConfig(spec, twin.config, seed, ctx.alpha, twin.fault, twin.wrongPrediction);
  } catch (error) {
    if (!(error instanceof PreconditionNotMet) || twin.precondition === undefined) throw error;
    return preconditionTwin(spec, twin, ctx, { seed, started, description, error });
  }
  const check = checkFor(theorem, run.relation);
  const world = twin.world(twin.config);
  const ownWorld = twin.ownWorld?.(twin.config) ?? ownWorldOf(world, run.result.prediction);
  // Both are computed from the plan (sample sizes fixed by the design) and the declared worlds, never
  // from the sample: a design error shows on every run, never as a random failure.
  const power = { alternative: world.value, power: check.designPower(run.plan, run.result.prediction, world, ctx.alpha) };
  const acceptance = check.acceptance(run.plan, ownWorld, ctx.alpha);
  const notes = (run.outcome.notes ?? []).slice();
  notes.push(
    `alternative: true value ${fmt(world.value)} (${world.source}); design-time power ${fmt(power.power)} at n = ${run.plan.n.join(' + ')}; miss probability budget α_i = ${ctx.alpha.toExponential(2)}`,
    `own world (the tested relation holds at ${fmt(ownWorld.value)}): the check accepts with probability ≥ ${fmt(acceptance)}`,
  );
  // 1 − power is 1 − (1 − miss) in floating point: a miss of exactly α_i may round above it.
  if (1 - power.power > ctx.alpha * (1 + 1e-9)) {
    // A twin that misses with probability > α_i would spend more than its budget: a design error.
    throw new Error(`${theorem.id}: twin "${twin.name}" is under-powered: design-time power ${fmt(power.power)} < 1 − α_i (α_i = ${ctx.alpha.toExponential(2)}) against ${fmt(world.value)} at n = ${run.plan.n.join(' + ')}; raise n or choose a configuration where the fault is detectable`);
  }
  if (acceptance < 1 - ctx.alpha) {
    throw new Error(`${theorem.id}: twin "${twin.name}" is vacuous: even where its relation holds (${fmt(ownWorld.value)}) the check accepts with probability only ${fmt(acceptance)} < 1 − α_i at n = ${run.plan.n.join(' + ')}; it would be rejected for every engine`);
  }
  const result: ConfigResult = { ...run.result, notes, power: { ...power, source: world.source, acceptance } };
  delete result.calibrationWarning; // a twin's error is a miss, bounded by 1 − power
  const rejected = result.verdict === 'rejected';
  const replay = replayLine({ masterSeed: ctx.masterSeed, testFile: spec.file, testName: twinTestName(theorem.id, twin.name), ...(ctx.replayed ? { replayed: ctx.replayed } : {}) });
  const failure = rejected
    ? undefined
    : [
        `${theorem.id}: reject twin "${twin.name}" was NOT rejected — the test has no power against: ${description}`,
        describeOutcome(theorem.id, twin.config, result),
        `  replay:     ${replay}`,
      ].join('\n');
  return {
    ...baseRecord(spec, ctx, run.relation),
    claimId: twinId(theorem.id, twin.name),
    kind: 'twin',
    twinOf: theorem.id,
    twinDescription: description,
    alpha: ctx.alpha,
    configs: [result],
    verdict: rejected ? 'pass' : 'fail',
    replay,
    ...(failure ? { failure } : {}),
    seeds: { master: ctx.masterSeed, property: seed },
    durationMs: Date.now() - started,
  };
}

/** A twin rejected by its experiment's precondition (see {@link Twin.precondition}). */
function preconditionTwin<C>(spec: ClaimSpec<C>, twin: Twin<C>, ctx: RunContext, r: { seed: number; started: number; description: string; error: PreconditionNotMet }): PropertyRecord {
  const { theorem } = spec;
  const pre = twin.precondition!;
  const power = 1 - Math.pow(pre.rate, pre.units);
  if (1 - power > ctx.alpha * (1 + 1e-9)) {
    throw new Error(`${theorem.id}: twin "${twin.name}" is under-powered: P(every one of ${pre.units} units meets the precondition) ≤ ${fmt(pre.rate)}^${pre.units} > α_i = ${ctx.alpha.toExponential(2)}`);
  }
  const relation = (twin.wrongPrediction ?? ((c: C) => theorem.predict(c)))(twin.config);
  const met = r.error.total - r.error.failed;
  const result: ConfigResult = {
    config: plain(twin.config),
    seed: r.seed,
    n: r.error.total,
    estimate: met / r.error.total,
    interval: { lower: 0, upper: met / r.error.total, level: 1 },
    prediction: relation.value,
    relation,
    alpha: ctx.alpha,
    verdict: 'rejected',
    notes: [
      r.error.message,
      `alternative: under the fault a unit meets the precondition with probability ≤ ${fmt(pre.rate)} (${pre.source}); design-time power 1 − ${fmt(pre.rate)}^${pre.units} = ${fmt(power)}; miss probability budget α_i = ${ctx.alpha.toExponential(2)}`,
    ],
    power: { alternative: pre.rate, power, source: pre.source },
    durationMs: Date.now() - r.started,
  };
  return {
    ...baseRecord(spec, ctx, relation),
    claimId: twinId(theorem.id, twin.name),
    kind: 'twin',
    twinOf: theorem.id,
    twinDescription: r.description,
    alpha: ctx.alpha,
    configs: [result],
    verdict: 'pass',
    replay: replayLine({ masterSeed: ctx.masterSeed, testFile: spec.file, testName: twinTestName(theorem.id, twin.name), ...(ctx.replayed ? { replayed: ctx.replayed } : {}) }),
    seeds: { master: ctx.masterSeed, property: r.seed },
    durationMs: Date.now() - r.started,
  };
}
