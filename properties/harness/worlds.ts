/**
 * Declaring a reject twin's world (the truth its test faces) before any data: from a closed form, or
 * pinned once by an offline run of the twins under a seed other than the default one. A pinned value
 * is taken at the end of its 99.9% interval nearest the tested prediction (least favourable for the
 * power), and a pinned standard deviation is inflated by 10% (its own sampling error at n ≥ 1000 is
 * ≈ 2–5%; at smaller n the inflation is stated per twin), so the power computed from them is
 * conservative.
 */
import type { World } from './types';

/**
 * The offline run that pinned the twins' values (all twins, seed 1, on the commit before twin worlds
 * were declared; records in its THEORYCHECK_OUT_DIR). Rerun it to re-pin after an engine change.
 */
export const PIN_COMMAND = 'THEORYCHECK_SEED=1 npx jest --selectProjects claims -t twin (commit 5fbcc02)';

/** z of a two-sided 99.9% interval (Φ⁻¹(0.9995)). */
export const Z_999 = 3.2905267314919255;

/** Inflation of a pinned standard deviation. */
export const SD_MARGIN = 1.1;

export interface Pin {
  /** The pinned run's estimate, its unit standard deviation and its n. */
  estimate: number;
  sd: number;
  n: number;
}

/**
 * A world pinned by {@link PIN_COMMAND}: the end of the estimate's 99.9% interval nearest `toward`
 * (the prediction the twin tests) and the unit sd × {@link SD_MARGIN}.
 */
export function pinnedWorld(pin: Pin, toward: number, sdMargin = SD_MARGIN): World {
  if (!(pin.n >= 2 && Number.isFinite(pin.estimate) && pin.sd >= 0)) throw new Error(`pinnedWorld: needs n ≥ 2, a finite estimate and sd ≥ 0; got ${JSON.stringify(pin)}`);
  const half = (Z_999 * pin.sd) / Math.sqrt(pin.n);
  const value = toward < pin.estimate ? Math.max(toward, pin.estimate - half) : Math.min(toward, pin.estimate + half);
  return {
    value,
    sd: sdMargin * pin.sd,
    source: `pinned: ${pin.estimate.toPrecision(5)} (sd ${pin.sd.toPrecision(4)}, n = ${pin.n}) by \`${PIN_COMMAND}\`; value at the 99.9% end nearest the prediction, sd × ${sdMargin}`,
  };
}

/** A world from a closed form (the formula in words), with a pinned unit sd for continuous units. */
export function closedFormWorld(value: number, formula: string, pinnedSd?: { sd: number; n: number }, sdMargin = SD_MARGIN): World {
  if (!Number.isFinite(value)) throw new Error(`closedFormWorld: value must be finite; got ${value}`);
  return {
    value,
    ...(pinnedSd ? { sd: sdMargin * pinnedSd.sd } : {}),
    source: `closed form: ${formula}${pinnedSd ? `; sd ${pinnedSd.sd.toPrecision(4)} × ${sdMargin} pinned (n = ${pinnedSd.n}) by \`${PIN_COMMAND}\`` : ''}`,
  };
}

export interface GroupsPin {
  /** The pinned run's fitted slope and its standard error. */
  slope: number;
  se: number;
  /** Per-group means and unit standard deviations, in the order of the groups. */
  means: number[];
  sds: number[];
  /** The command that pinned it when it is not {@link PIN_COMMAND}. */
  command?: string;
}

/**
 * A group world (trend checks) pinned by {@link PIN_COMMAND}: the slope at the end of its 99.9%
 * interval nearest `toward`, the per-group means as arms and the per-group unit sds × {@link SD_MARGIN}.
 */
export function pinnedGroupsWorld(pin: GroupsPin, toward: number, sdMargin = SD_MARGIN): World {
  if (pin.means.length !== pin.sds.length || pin.means.length < 2) throw new Error(`pinnedGroupsWorld: needs ≥ 2 groups with one mean and one sd each; got ${pin.means.length} means, ${pin.sds.length} sds`);
  const half = Z_999 * pin.se;
  const value = toward < pin.slope ? Math.max(toward, pin.slope - half) : Math.min(toward, pin.slope + half);
  return {
    value,
    arms: pin.means,
    sd: pin.sds.map((s) => sdMargin * s),
    source: `pinned: slope ${pin.slope.toPrecision(4)} ± ${pin.se.toPrecision(2)} (se), group means and sds by \`${pin.command ?? PIN_COMMAND}\`; slope at the 99.9% end nearest the prediction, sds × ${sdMargin}`,
  };
}
