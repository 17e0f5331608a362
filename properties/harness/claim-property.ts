/**
 * From a claim to jest tests. `claimProperty(spec)` registers, under `describe(<theorem id>)`, one
 * test that runs the claim over fast-check configurations and one test per reject twin (see
 * `run-claim.ts`); each writes its `PropertyRecord` for the reporter and fails with the claim, the
 * configuration, n, the estimate, the CI, the prediction and a replay line.
 */
import { resolveMasterSeed } from '../../engine/random/seed';
import { initEngine } from '../../engine/backend';
import { envMutant } from '../../engine/mutants';
import { writeRecord } from '../../reports/records';
import { assertionAlpha } from '../budget';
import { byProfile } from '../profile';
import { REPLAY_PATH_ENV } from './replay';
import { runClaim, runTwin, twinDescription, type ClaimSpec, type RunContext } from './run-claim';

export type { ClaimSpec, Twin } from './run-claim';

const DEFAULT_MAX_SHRINKS = { gate: 4, full: 12 } as const;

async function context<C>(spec: ClaimSpec<C>): Promise<RunContext> {
  const numConfigs = byProfile(spec.numConfigs);
  const mutant = envMutant();
  const replayPath = process.env[REPLAY_PATH_ENV];
  return {
    masterSeed: resolveMasterSeed().seed,
    engine: await initEngine(),
    alpha: assertionAlpha(spec.theorem.id, numConfigs + spec.twins.length),
    numConfigs,
    maxShrinks: byProfile(spec.maxShrinks ?? DEFAULT_MAX_SHRINKS),
    ...(mutant ? { mutant } : {}),
    ...(replayPath ? { replayPath } : {}),
  };
}

export function claimProperty<C>(spec: ClaimSpec<C>): void {
  describe(spec.theorem.id, () => {
    test(`claim: ${spec.theorem.title}`, async () => {
      const record = await runClaim(spec, await context(spec));
      writeRecord(record);
      if (record.failure) throw new Error(record.failure);
    });

    for (const twin of spec.twins) {
      test(`twin ${twin.name} is rejected: ${twinDescription(twin)}`, async () => {
        const record = await runTwin(spec, twin, await context(spec));
        writeRecord(record);
        if (record.failure) throw new Error(record.failure);
      });
    }
  });
}
