/**
 * Test profiles. `gate` (default) is what `npm test` and CI run: every claim, sized to stay well
 * inside 5 minutes on 2 cores. `full` (`npm run reproduce`) is the reviewers' profile: more
 * configurations and larger Monte Carlo samples. The profile comes from the run's settings.
 */
import { PROFILES, settings, type Profile } from './settings';

export { PROFILES, type Profile };

export type ByProfile<T> = Readonly<Record<Profile, T>>;

export function byProfile<T>(values: ByProfile<T>, profile: Profile = settings().profile): T {
  return values[profile];
}

/** A size (networks, steps) by profile: `sized(gate, full)`. */
export const sized = (gate: number, full: number, profile: Profile = settings().profile): number => byProfile({ gate, full }, profile);

/**
 * A claim's `figures` sweep that only feeds reviewer figures (no reproduction row, no assertion): run
 * in the full profile, skipped in the gate, where it would only cost time ("heavy sweeps go to the
 * full profile"). Reproduction rows stay in every profile.
 */
export function fullProfileFigures<C, T extends Record<string, unknown>>(sweep: (ctx: C) => Promise<T>, profile?: Profile): (ctx: C) => Promise<T | Record<string, never>> {
  return async (ctx) => (byProfile({ gate: false, full: true }, profile ?? settings().profile) ? sweep(ctx) : {});
}
