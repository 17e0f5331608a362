/**
 * From a claim to jest tests. `claimProperty(spec)` registers, under `describe(<theorem id>)`, one
 * test that runs the claim over fast-check configurations and one test per reject twin (see
 * `run-claim.ts`); each writes its `PropertyRecord` for the reporter and fails with the claim, the
 * configuration, n, the estimate, the CI, the prediction and a replay line. Settings (seed, profile,
 * backend, fault, α) come from properties/settings.ts; the α share from the claim registry.
 */
import * as path from 'node:path';
import { initEngine } from '../../engine/backend';
import { OUT_DIR, readRecord, writeRecord } from '../../reports/records';
import type { PropertyRecord } from '../../reports/schema';
import { writeProgress } from '../../reports/progress';
import { assertionAlpha, claimAlpha } from '../budget';
import { getFault } from '../faults/catalog';
import { byProfile } from '../profile';
import { CLAIMS, claimEntry } from '../registry';
import { settings } from '../settings';
import { runClaim, runTwin, twinDescription, twinId, type ClaimSpec, type RunContext } from './run-claim';

export type { ClaimDesign, ClaimSpec, Twin } from './run-claim';

const DEFAULT_MAX_SHRINKS = { gate: 4, full: 12 } as const;

async function context<C>(spec: ClaimSpec<C>): Promise<RunContext> {
  const s = settings();
  const numConfigs = byProfile(spec.design.configs);
  const entry = claimEntry(spec.theorem.id);
  return {
    masterSeed: s.masterSeed,
    engine: await initEngine(s.backend === undefined ? {} : { backend: s.backend }),
    alpha: assertionAlpha(spec.theorem.id, numConfigs + spec.twins.length),
    numConfigs,
    // The independence share is split evenly over every claim's configurations.
    independenceAlpha: claimAlpha('harness.independence') / (CLAIMS.length * numConfigs),
    maxShrinks: byProfile(spec.design.shrinks ?? DEFAULT_MAX_SHRINKS),
    replayed: s.replayed,
    paperKey: entry.paper,
    ...(s.runDir !== undefined ? { onConfig: (done: number, total: number) => writeProgress(s.runDir!, spec.theorem.id, { done, total }) } : {}),
    ...(s.fault ? { fault: getFault(s.fault) } : {}),
    ...(s.replayPath ? { replayPath: s.replayPath } : {}),
  };
}

const recordsTo = (): string => settings().runDir ?? path.join(OUT_DIR, 'adhoc');

/**
 * Runs a property unless a resumed run already holds its record (THEORYCHECK_RESUME): then the stored
 * record stands — same seeds, same numbers — and a stored failure fails the test again.
 */
async function recorded(claimId: string, run: () => Promise<PropertyRecord>): Promise<void> {
  const s = settings();
  const kept = s.resumeDir !== undefined && s.runDir !== undefined ? readRecord(s.runDir, claimId) : undefined;
  const record = kept ?? (await run());
  if (kept === undefined) writeRecord(record, recordsTo());
  if (record.failure) throw new Error(record.failure);
}

export function claimProperty<C>(spec: ClaimSpec<C>): void {
  describe(spec.theorem.id, () => {
    test(`claim: ${spec.theorem.title}`, async () => {
      await recorded(spec.theorem.id, async () => runClaim(spec, await context(spec)));
    });

    for (const twin of spec.twins) {
      const register = twin.fullProfileOnly !== undefined && settings().profile === 'gate' ? test.skip : test;
      register(`twin ${twin.name} is rejected: ${twinDescription(twin)}${twin.fullProfileOnly !== undefined ? ` [full profile only: ${twin.fullProfileOnly}]` : ''}`, async () => {
        await recorded(twinId(spec.theorem.id, twin.name), async () => runTwin(spec, twin, await context(spec)));
      });
    }
  });
}
