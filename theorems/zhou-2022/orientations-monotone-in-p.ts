/**
 * The 2p bound's monotone-in-p corollary (1-D input, Figs. 2, 5, 6 of Zhou et al. 2022): on the same
 * initial parameters and data, the orientation count does not decrease from tanh (p = 1) to x tanh
 * (p = 2) to x² tanh (p = 3): a decrease of a seed's count is no more likely than an increase,
 * tested by the exact sign test per step (properties/checks/monotone-paired.ts: the
 * counts are small paired integers, where a t bound has no provable rate at the suite's α).
 */
import { nonDecreasing } from '../relation';
import type { Theorem } from '../types';
import { FIG5_HYPOTHESES, STD_RANGE } from './fig5-setting';
import { citeZhou, DECLARED_MULTIPLICITY, rangeProblem, throwIf } from './paper';

const ID = 'ZZLZX2022.Orientations.monotone-in-p';

/** The paired runs of a seed, in the order of the claim: one activation per multiplicity p = 1, 2, 3. */
export const MONOTONE_ACTIVATIONS = ['tanh', 'xtanh', 'x2tanh'] as const;

/** The design point of an activation's group: its declared multiplicity p. */
export const designPoint = (activation: (typeof MONOTONE_ACTIVATIONS)[number]): number => DECLARED_MULTIPLICITY[activation];

export interface MonotoneConfig {
  /** Explicit std, shared by the three paired runs (tanh, x tanh, x² tanh on the same initial parameters and data). */
  std: number;
  /** Networks per activation (a sample size, not a hypothesis; default: the property's design). */
  nets?: number;
}

export const orientationsMonotoneInP: Theorem<MonotoneConfig> = {
  id: ID,
  title: '1-D input: the orientation count does not decrease from p = 1 (tanh) to 2 (x tanh) to 3 (x² tanh)',
  paper: citeZhou('Figs. 2, 5, 6 (1, 2, 3 lines for tanh, x tanh, x² tanh) and the 2p bound [P: sub]'),
  provenance: 'P',
  statement: 'With the same initial parameters and data, P(#orientations(p + 1) < #orientations(p)) ≤ P(#orientations(p + 1) > #orientations(p)) for p = 1, 2 (tanh → x tanh → x² tanh): a decrease is no more likely than an increase.',
  hypotheses: [...FIG5_HYPOTHESES, 'std ∈ [5e-4, 1e-3] (where all three bounds held in calibration); the three runs of a seed share initial parameters and data'],
  verification:
    '[P] the figures show 1, 2, 3 lines; calibration at std 5e-4–1e-3 gave mostly 2, 4, 6 orientations. The test is the exact sign test on both consecutive paired steps (Bonferroni), so it rejects only a demonstrated decrease; a mixed-up engine (tanh ↔ x² tanh) must be rejected.',
  unit: { kind: 'paired-groups', description: 'one seed: the orientation counts at the end of the initial stage of three networks with the same initial parameters and data, run with tanh, x tanh and x² tanh (design point x = p)' },
  domain(c) {
    throwIf(ID, rangeProblem('std', c.std, STD_RANGE.p1[0], STD_RANGE.p1[1]));
    return c;
  },
  predict: () => nonDecreasing(0),
};
