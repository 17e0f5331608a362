/**
 * Test profiles. `gate` (default) is what `npm test` and CI run: every claim family, sized to stay
 * well inside 5 minutes on 2 cores. `full` (`npm run reproduce`) is the reviewers' profile: more
 * configurations and larger Monte Carlo samples.
 */
export const PROFILE_ENV = 'THEORYCHECK_PROFILE';
export const PROFILES = ['gate', 'full'] as const;
export type Profile = (typeof PROFILES)[number];

export function currentProfile(env: NodeJS.ProcessEnv = process.env): Profile {
  const name = env[PROFILE_ENV];
  if (name === undefined || name === '') return 'gate';
  if ((PROFILES as readonly string[]).includes(name)) return name as Profile;
  throw new Error(`${PROFILE_ENV} must be one of ${PROFILES.join(', ')}; got "${name}"`);
}

export type ByProfile<T> = Readonly<Record<Profile, T>>;

export function byProfile<T>(values: ByProfile<T>, env: NodeJS.ProcessEnv = process.env): T {
  return values[currentProfile(env)];
}

/** A size (networks, steps) by profile: `sized(gate, full)`. */
export const sized = (gate: number, full: number, env: NodeJS.ProcessEnv = process.env): number => byProfile({ gate, full }, env);
