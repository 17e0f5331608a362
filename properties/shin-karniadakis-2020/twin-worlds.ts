/**
 * Worlds of this folder's reject twins whose truths are rates of 0/1 units pinned by an offline run
 * (properties/harness/worlds.ts does the same for continuous units): the exact Clopper–Pearson 99.9%
 * interval of the pinned count, and a world whose value is the end of that interval nearest the
 * prediction the twin tests (least favourable for the power; the pinned count never comes from the
 * run the world judges, which uses the default seed).
 */
import { clopperPearsonInterval } from '../stats';
import type { World } from '../harness/types';

/** Level of a pinned rate's interval (as harness/worlds.ts: 99.9%). */
const PIN_LEVEL = 0.999;

/**
 * The offline run that pinned the twins added with the faults `width-capped-at-2` and
 * `ddi-past-the-data` (seed 1, on commit 5fbcc02 with those twins added; the full profile where
 * noted). Rerun it to re-pin after an engine change.
 */
export const newTwinPinCommand = (file: string, profile: 'gate' | 'full' = 'gate'): string =>
  `THEORYCHECK_SEED=1${profile === 'full' ? ' THEORYCHECK_PROFILE=full' : ''} npx jest properties/shin-karniadakis-2020/${file} -t twin (commit 5fbcc02 + the twin)`;

/** A pinned count: `successes` 1-units of `n`, measured by `command`. */
export interface RatePin {
  successes: number;
  n: number;
  command: string;
}

/** The pinned rate with its exact two-sided 99.9% Clopper–Pearson interval. */
export function pinnedRate(pin: RatePin): { estimate: number; lower: number; upper: number } {
  const ci = clopperPearsonInterval(pin.successes, pin.n, PIN_LEVEL);
  return { estimate: ci.estimate, lower: ci.lower, upper: ci.upper };
}

/** `pinned: k/n = p̂ [lower, upper] (99.9% Clopper–Pearson) by \`command\`` — a World source. */
export function rateSource(pin: RatePin, label = ''): string {
  const r = pinnedRate(pin);
  return `pinned: ${label ? `${label} ` : ''}${pin.successes}/${pin.n} = ${r.estimate.toPrecision(4)} [${r.lower.toPrecision(4)}, ${r.upper.toPrecision(4)}] (99.9% Clopper–Pearson) by \`${pin.command}\``;
}

/** The end of the pinned rate's 99.9% interval nearest `toward` (`toward` itself when it lies inside). */
export function rateNearest(pin: RatePin, toward: number): number {
  const r = pinnedRate(pin);
  return toward < r.estimate ? Math.max(toward, r.lower) : Math.min(toward, r.upper);
}

/** A one-sample world of 0/1 units: the pinned rate at the end of its interval nearest the tested prediction. */
export function pinnedRateWorld(pin: RatePin, toward: number): World {
  return { value: rateNearest(pin, toward), source: `${rateSource(pin)}; value at the 99.9% end nearest the prediction ${+toward.toPrecision(4)}` };
}
