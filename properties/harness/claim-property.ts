/**
 * From a claim to a jest property.
 *
 * `claimProperty(spec)` registers, under `describe(<theorem id>)`:
 * - one test that runs fast-check over the claim's configuration arbitrary: for each configuration
 *   it checks the theorem's hypotheses, runs the Monte Carlo experiment with a seed derived from
 *   (master seed, claim, configuration), and applies the claim's calibrated check at level 1 − α_i;
 *   a rejection is a counterexample that fast-check shrinks to a smaller configuration;
 * - one test per reject twin: the same check against a deliberately wrong engine must reject.
 * Each test writes a `PropertyRecord` for the reporter. α_i comes from `properties/budget.ts`.
 */
import fc from 'fast-check';
import { deriveSeed, resolveMasterSeed } from '../../engine/random/seed';
import { initEngine } from '../../engine/backend';
import { envMutant, type Mutant } from '../../engine/mutants';
import { writeRecord } from '../../reports/records';
import type { ConfigResult, PropertyRecord } from '../../reports/schema';
import type { Theorem } from '../../theorems/types';
import { assertionAlpha } from '../budget';
import { byProfile, type ByProfile } from '../profile';
import { REPLAY_PATH_ENV, replayLine } from './replay';
import type { Check, CheckOutcome, Experiment, ExperimentContext } from './types';

export interface Twin<C> {
  /** Short name, e.g. `he-variance-1.8`. */
  name: string;
  mutant: Mutant;
  /** A configuration chosen where the test has power against this fault. */
  config: C;
  /** The value the wrong engine really has (when known), to report the twin test's power. */
  wrongValue?: (config: C) => number;
}

export interface ClaimSpec<C> {
  theorem: Theorem<C>;
  /** Family name (the property file), for the report. */
  family: string;
  /** `__filename` of the property file, for the replay line. */
  file: string;
  configs: fc.Arbitrary<C>;
  numConfigs: ByProfile<number>;
  /** Shrink steps allowed after a failure (each one reruns a Monte Carlo experiment). */
  maxShrinks?: ByProfile<number>;
  experiment(config: C, ctx: ExperimentContext): Promise<Experiment>;
  check: Check;
  twins: Twin<C>[];
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
    `  n:          ${r.n} independent networks`,
    `  estimate:   ${fmt(r.estimate)}   CI at level 1 − α′ = 1 − ${(1 - r.interval.level).toExponential(2)}: [${fmt(r.interval.lower)}, ${fmt(r.interval.upper)}]`,
    `  prediction: ${fmt(r.prediction)}   (relative deviation ${fmt(r.estimate / r.prediction - 1)})`,
    `  α = ${r.alpha.toExponential(2)} (suite budget)${r.pValue !== undefined ? `   p = ${r.pValue.toExponential(2)}` : ''}`,
    ...(r.minDetectable ? [`  detectable:  ±${fmt(100 * r.minDetectable.relative)}% at power ${r.minDetectable.power}`] : []),
    ...(r.outcomes ? [`  outcomes:   ${JSON.stringify(r.outcomes)}`] : []),
    ...(r.notes ?? []).map((n) => `  note:       ${n}`),
  ].join('\n');
}

interface RunResult {
  result: ConfigResult;
  outcome: CheckOutcome;
  figures?: Record<string, unknown>;
}

async function runConfig<C>(spec: ClaimSpec<C>, config: C, seed: number, alpha: number, mutant: Mutant | undefined): Promise<RunResult> {
  const started = Date.now();
  spec.theorem.domain(config);
  const prediction = spec.theorem.predict(config);
  const exp = await spec.experiment(config, { seed, ...(mutant ? { mutant } : {}) });
  if (exp.fault !== undefined) {
    throw new Error(`${spec.theorem.id}: engine fault on ${JSON.stringify(config)}: ${exp.fault}`);
  }
  const outcome = spec.check.evaluate(exp.units, prediction, alpha);
  const result: ConfigResult = {
    config: plain(config),
    seed,
    n: exp.units.length,
    estimate: outcome.estimate,
    interval: outcome.interval,
    prediction,
    alpha,
    verdict: outcome.verdict,
    ...(outcome.pValue !== undefined ? { pValue: outcome.pValue } : {}),
    ...(outcome.minDetectable ? { minDetectable: outcome.minDetectable } : {}),
    ...(exp.outcomes ? { outcomes: exp.outcomes } : {}),
    ...(outcome.notes?.length ? { notes: outcome.notes } : {}),
    durationMs: Date.now() - started,
  };
  return { result, outcome, ...(exp.figures ? { figures: exp.figures } : {}) };
}

function baseRecord<C>(spec: ClaimSpec<C>, master: number, engine: PropertyRecord['engine']): Omit<PropertyRecord, 'claimId' | 'kind' | 'alpha' | 'configs' | 'verdict' | 'replay' | 'durationMs' | 'seeds'> {
  const t = spec.theorem;
  void master;
  return {
    title: t.title,
    family: spec.family,
    paper: t.paper,
    provenance: t.provenance,
    statement: t.statement,
    test: { name: spec.check.name, method: spec.check.method, sides: spec.check.sides },
    engine,
  };
}

export function claimProperty<C>(spec: ClaimSpec<C>): void {
  const { theorem } = spec;
  const numConfigs = byProfile(spec.numConfigs);
  const assertions = numConfigs + spec.twins.length;

  describe(theorem.id, () => {
    test(`claim: ${theorem.title}`, async () => {
      const started = Date.now();
      const { seed: master } = resolveMasterSeed();
      const engine = await initEngine();
      const alpha = assertionAlpha(theorem.id, assertions);
      const propertySeed = deriveSeed(master, theorem.id) | 0;
      const mutant = envMutant();
      const maxShrinks = byProfile(spec.maxShrinks ?? { gate: 4, full: 12 });
      const primary: ConfigResult[] = [];
      const figures: Record<string, unknown>[] = [];
      let failures = 0;
      let lastFailure: { config: C; run: RunResult } | undefined;

      const property = fc.asyncProperty(spec.configs, async (config) => {
        if (failures > 0 && failures > maxShrinks) fc.pre(false); // shrink budget spent: skip candidate
        const seed = deriveSeed(master, theorem.id, config);
        const run = await runConfig(spec, config, seed, alpha, mutant);
        if (failures === 0) {
          primary.push(run.result);
          if (run.figures) figures.push({ config: plain(config), ...run.figures });
        }
        if (run.result.verdict === 'rejected') {
          failures++;
          lastFailure = { config, run };
          throw new Error(describeOutcome(theorem.id, config, run.result));
        }
      });
      const replayPath = process.env[REPLAY_PATH_ENV];
      const details = await fc.check(property, {
        seed: propertySeed,
        numRuns: numConfigs,
        ...(replayPath ? { path: replayPath } : {}),
      });
      const testName = `${theorem.id} claim`;
      const replay = replayLine({
        masterSeed: master,
        testFile: spec.file,
        testName,
        ...(details.failed && details.counterexamplePath ? { fcPath: details.counterexamplePath } : {}),
      });
      let failure: string | undefined;
      if (details.failed) {
        const shrunk = lastFailure && details.counterexample ? describeOutcome(theorem.id, lastFailure.config, lastFailure.run.result) : String(details.errorInstance);
        failure = [
          shrunk,
          `  fast-check: failed after ${details.numRuns} configuration(s), ${details.numShrinks} shrink(s); seed ${details.seed}, path ${details.counterexamplePath}`,
          `  replay:     ${replay}`,
        ].join('\n');
      }
      if (lastFailure && !primary.includes(lastFailure.run.result)) primary.push(lastFailure.run.result);
      const record: PropertyRecord = {
        ...baseRecord(spec, master, engine),
        claimId: theorem.id,
        kind: 'claim',
        alpha: alpha * numConfigs,
        configs: primary,
        verdict: details.failed ? 'fail' : 'pass',
        replay,
        ...(failure ? { failure } : {}),
        seeds: { master, property: propertySeed >>> 0 },
        durationMs: Date.now() - started,
        ...(figures.length ? { figures: { perConfig: figures } } : {}),
        ...(mutant ? { twinDescription: `run under THEORYCHECK_MUTANT=${mutant.name}: ${mutant.description}` } : {}),
      };
      writeRecord(record);
      if (failure) throw new Error(failure);
    });

    for (const twin of spec.twins) {
      test(`twin ${twin.name} is rejected: ${twin.mutant.description}`, async () => {
        const started = Date.now();
        const { seed: master } = resolveMasterSeed();
        const engine = await initEngine();
        const alpha = assertionAlpha(theorem.id, assertions);
        const seed = deriveSeed(master, theorem.id, 'twin', twin.name, twin.config);
        const run = await runConfig(spec, twin.config, seed, alpha, twin.mutant);
        const notes = [...(run.result.notes ?? [])];
        if (twin.wrongValue && run.outcome.powerAgainst) {
          const wrong = twin.wrongValue(twin.config);
          const power = run.outcome.powerAgainst(wrong);
          notes.push(`wrong engine's true value ${fmt(wrong)} (${fmt(wrong / run.result.prediction - 1)} relative); power of the test against it ≈ ${fmt(power)}; miss probability budget α_i = ${alpha.toExponential(2)}`);
          if (1 - power > alpha) {
            // A twin that misses with probability > α_i would spend more than its budget: a design error.
            throw new Error(`${theorem.id}: twin "${twin.name}" is under-powered (power ${fmt(power)} < 1 − α_i); choose a configuration where the fault is detectable`);
          }
        }
        const result = { ...run.result, ...(notes.length ? { notes } : {}) };
        const rejected = result.verdict === 'rejected';
        const testName = `${theorem.id} twin ${twin.name}`;
        const replay = replayLine({ masterSeed: master, testFile: spec.file, testName });
        const failure = rejected
          ? undefined
          : [
              `${theorem.id}: reject twin "${twin.name}" was NOT rejected — the test has no power against: ${twin.mutant.description}`,
              describeOutcome(theorem.id, twin.config, result),
              `  replay:     ${replay}`,
            ].join('\n');
        const record: PropertyRecord = {
          ...baseRecord(spec, master, engine),
          claimId: `${theorem.id}~${twin.name}`,
          kind: 'twin',
          twinOf: theorem.id,
          twinDescription: twin.mutant.description,
          alpha,
          configs: [result],
          verdict: rejected ? 'pass' : 'fail',
          replay,
          ...(failure ? { failure } : {}),
          seeds: { master, property: seed },
          durationMs: Date.now() - started,
        };
        writeRecord(record);
        if (failure) throw new Error(failure);
      });
    }
  });
}
