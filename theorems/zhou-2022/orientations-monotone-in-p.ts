/**
 * The 2p bound's monotone-in-p corollary, demonstrated (1-D input, Figs. 2, 5, 6 of Zhou et al. 2022):
 * on the same initial parameters and data, the orientation count RISES from tanh (p = 1) to x tanh
 * (p = 2) and from x tanh to x² tanh (p = 3) — an increase more likely than a decrease at each step,
 * shown by the data (properties/checks/paired-increase-shown.ts: an exact sign test per step, every
 * step must be shown). The claim is rejected when the data fail to show it, not only when they show a
 * decrease.
 *
 * Smallest effect of interest, fixed before any run of this check: δ = ¾ on each step's sign
 * difference Δ_p = P(#(p + 1) > #(p)) − P(#(p + 1) < #(p)).
 * - [P] the figures show the increase in every run they display (1, 2, 3 lines: Δ = 1 at each step);
 * - ¾ leaves room for miscounts the figures do not show: when every seed moves it allows one seed in
 *   eight to go the wrong way (7 : 1), and with no decrease a quarter of the seeds may tie (e.g. a
 *   cluster of x tanh split in two by the cosine rule). A smaller net effect would not be the ordering
 *   the figures show as typical;
 * - design: the least favourable law with Δ = ¾ moves in every seed, where the sign test needs n ≈ 108
 *   seeds (gate α_i) to miss with probability ≤ α_i; δ = ½ would need ≈ 300 seeds × 3 nets, three
 *   times the claim's time budget.
 * Nothing is promised for 0 < Δ < ¾, and a demonstrated Δ > 0 is what the claim asserts.
 */
import { shownStepsIncrease } from '../relation';
import type { Theorem } from '../types';
import { FIG5_HYPOTHESES, STD_RANGE } from './fig5-setting';
import { citeZhou, DECLARED_MULTIPLICITY, rangeProblem, throwIf } from './paper';

const ID = 'ZZLZX2022.Orientations.monotone-in-p';

/** The paired runs of a seed, in the order of the claim: one activation per multiplicity p = 1, 2, 3. */
export const MONOTONE_ACTIVATIONS = ['tanh', 'xtanh', 'x2tanh'] as const;

/** The design point of an activation's group: its declared multiplicity p. */
export const designPoint = (activation: (typeof MONOTONE_ACTIVATIONS)[number]): number => DECLARED_MULTIPLICITY[activation];

/** Smallest effect of interest on each step's P(increase) − P(decrease), fixed before any run (module comment: 7 : 1 when every seed moves). */
export const MONOTONE_MIN_EFFECT = 0.75;

export interface MonotoneConfig {
  /** Explicit std, shared by the three paired runs (tanh, x tanh, x² tanh on the same initial parameters and data). */
  std: number;
  /** Networks per activation (a sample size, not a hypothesis; default: the property's design). */
  nets?: number;
}

export const orientationsMonotoneInP: Theorem<MonotoneConfig> = {
  id: ID,
  title: '1-D input: the orientation count rises from p = 1 (tanh) to 2 (x tanh) to 3 (x² tanh), demonstrated',
  paper: citeZhou('Figs. 2, 5, 6 (1, 2, 3 lines for tanh, x tanh, x² tanh) and the 2p bound [P: sub]'),
  provenance: 'P',
  statement:
    'With the same initial parameters and data, the orientation count rises at each step p → p + 1 (p = 1, 2: tanh → x tanh → x² tanh): P(#(p + 1) > #(p)) − P(#(p + 1) < #(p)) > 0, shown at every step; smallest effect of interest ¾ (the figures show Δ = 1; ¾ is 7 : 1 when every seed moves).',
  hypotheses: [...FIG5_HYPOTHESES, 'std ∈ [5e-4, 1e-3] (where all three bounds held in calibration); the three runs of a seed share initial parameters and data'],
  verification:
    '[P] the figures show 1, 2, 3 lines; calibration at std 5e-4–1e-3 gave mostly 2, 4, 6 orientations. The test is the exact sign test on each consecutive paired step (ties set aside), and EVERY step must be shown at level α_i (intersection–union); its miss rate is exact at the least favourable law with Δ = ¾ (no ties) and sized ≤ α_i. Twins: a mixed-up engine (tanh ↔ x² tanh) and an engine that ignores the activation (equal counts) must both be rejected.',
  unit: { kind: 'paired-groups', description: 'one seed: the orientation counts at the end of the initial stage of three networks with the same initial parameters and data, run with tanh, x tanh and x² tanh (design point x = p)' },
  domain(c) {
    throwIf(ID, rangeProblem('std', c.std, STD_RANGE.p1[0], STD_RANGE.p1[1]));
    return c;
  },
  predict: () => shownStepsIncrease(0, MONOTONE_MIN_EFFECT),
};
