/**
 * Test profiles. `gate` (default) is what `npm test` and CI run: every claim, sized to stay well
 * inside 5 minutes on 2 cores. `full` (`npm run reproduce`) is the reviewers' profile: more
 * configurations and larger Monte Carlo samples. `paper` is `full` with the papers' own settings and
 * sample sizes wherever the claim sheet gives them (a design value declares `paper`; every other
 * value is the full profile's). The profile comes from the run's settings.
 */
import { PROFILES, settings, type Profile } from './settings';

export { PROFILES, type Profile };

/** A design value per profile; `paper` defaults to `full`. */
export type ByProfile<T> = Readonly<{ gate: T; full: T; paper?: T }>;

export function byProfile<T>(values: ByProfile<T>, profile: Profile = settings().profile): T {
  return profile === 'paper' ? (values.paper ?? values.full) : values[profile];
}

/**
 * A claim's `figures` sweep that only feeds reviewer figures (no reproduction row, no assertion): run
 * in the full profile, skipped in the gate, where it would only cost time ("heavy sweeps go to the
 * full profile"). Reproduction rows stay in every profile.
 */
export function fullProfileFigures<C, T extends Record<string, unknown>>(sweep: (ctx: C) => Promise<T>, profile?: Profile): (ctx: C) => Promise<T | Record<string, never>> {
  return async (ctx) => (byProfile({ gate: false, full: true }, profile ?? settings().profile) ? sweep(ctx) : {});
}
