/**
 * The end of the "initial stage" of training (Zhou et al. 2022: before the amplitudes of the input
 * weights grow to O(1)), as a stated rule on a layer's largest input-weight norm
 * M(t) = max_j |(w_j(t), b_j(t))|, checked on checkpoints every `every` steps:
 *
 *   T* = the first checkpoint t ≥ `every` at which
 *     (a) M(t) ≥ R_end                                      ("amplitude": still small, but grown), or
 *     (b) M(t) ≥ G₀ · M(0) and M(t) < (1 + g) · M(t − W)     ("stall": the growth has stopped — for
 *         p = 1 the leading-order fit is reached and the error e_i no longer drives one direction);
 *   if neither happens by the last checkpoint, T* = that checkpoint ("cap", reported as an outcome).
 *
 * R_end is an absolute amplitude: with R_end = 0.2 and inputs |x̃| ≤ ~1.8, the pre-activations are
 * |w·x̃| ≤ 0.36, where σ is still within ~4% of its leading Taylor term (the regime of the theory).
 * The rule is evaluated per layer (a deep net may end its initial stage layer by layer, as the
 * paper's per-layer snapshot epochs 1000, 900, 900, 1400, 1400 suggest).
 */
export interface InitialStageRule {
  /** R_end > 0: the amplitude at which the initial stage ends. */
  amplitude: number;
  /** G₀ ≥ 1: the growth M(t)/M(0) needed before a stall counts. */
  minGrowthForStall: number;
  /** g > 0: a relative growth below g over the window is a stall. */
  stallGrowth: number;
  /** W: the stall window in steps (a multiple of `every`). */
  stallWindow: number;
  /** Checkpoint spacing in steps. */
  every: number;
  /** Last step trained (a multiple of `every`). */
  maxSteps: number;
}

export type StageEndReason = 'amplitude' | 'stall' | 'cap';

export interface StageEnd {
  step: number;
  /** Index into the checkpoint list [0, every, 2·every, …]. */
  index: number;
  reason: StageEndReason;
}

export function validateStageRule(r: InitialStageRule, parameter = 'stageRule'): InitialStageRule {
  const pos = (k: keyof InitialStageRule, ok: boolean, range: string) => {
    if (!ok) throw new Error(`${parameter}.${k} must be ${range}; got ${r[k]}`);
  };
  pos('amplitude', Number.isFinite(r.amplitude) && r.amplitude > 0, 'a finite number > 0');
  pos('minGrowthForStall', Number.isFinite(r.minGrowthForStall) && r.minGrowthForStall >= 1, 'a finite number ≥ 1');
  pos('stallGrowth', Number.isFinite(r.stallGrowth) && r.stallGrowth > 0, 'a finite number > 0');
  pos('every', Number.isInteger(r.every) && r.every >= 1, 'an integer ≥ 1');
  pos('stallWindow', Number.isInteger(r.stallWindow) && r.stallWindow >= r.every && r.stallWindow % r.every === 0, `a positive multiple of every (${r.every})`);
  pos('maxSteps', Number.isInteger(r.maxSteps) && r.maxSteps >= r.every && r.maxSteps % r.every === 0, `a positive multiple of every (${r.every})`);
  return r;
}

/** Checkpoint steps of a rule: 0, every, …, maxSteps. */
export function stageCheckpoints(r: InitialStageRule): number[] {
  validateStageRule(r);
  return Array.from({ length: r.maxSteps / r.every + 1 }, (_, i) => i * r.every);
}

/**
 * T* as far as the checkpoints seen so far decide it: the rule is causal (whether it fires at
 * checkpoint i depends only on M at checkpoints ≤ i), so the first firing within a prefix of
 * M(0), M(every), … is T* of every continuation. `undefined` while neither (a) nor (b) has fired
 * (and no value is non-finite) — the trainer may stop a net as soon as this is defined.
 */
export function stageEndSoFar(maxNorms: ArrayLike<number>, r: InitialStageRule): StageEnd | undefined {
  const lag = r.stallWindow / r.every;
  const m0 = maxNorms[0];
  for (let i = 1; i < maxNorms.length; i++) {
    const m = maxNorms[i];
    if (!Number.isFinite(m)) return { step: i * r.every, index: i, reason: 'cap' };
    if (m >= r.amplitude) return { step: i * r.every, index: i, reason: 'amplitude' };
    if (i >= lag && m >= r.minGrowthForStall * m0 && m < (1 + r.stallGrowth) * maxNorms[i - lag]) return { step: i * r.every, index: i, reason: 'stall' };
  }
  return undefined;
}

/** T* from M(t) at the checkpoints 0, every, …, maxSteps (`maxNorms[i]` = M(i·every)). */
export function initialStageEnd(maxNorms: ArrayLike<number>, r: InitialStageRule): StageEnd {
  validateStageRule(r);
  const count = r.maxSteps / r.every + 1;
  if (maxNorms.length !== count) throw new Error(`maxNorms must hold one value per checkpoint (${count}); got ${maxNorms.length}`);
  return stageEndSoFar(maxNorms, r) ?? { step: r.maxSteps, index: count - 1, reason: 'cap' };
}
