/**
 * Shin & Karniadakis (2020), "Trainability of ReLU networks and Data-dependent Initialization",
 * and its companion Lu, Shin, Su & Karniadakis (2020), "Dying ReLU and Initialization: Theory and
 * Numerical Examples". Only the abstracts and third-party summaries could be read (docs/claims.md §1):
 * definitions follow the abstracts' wording, exact theorem statements and constants are [R].
 */
import type { Citation } from '../types';

const SHIN_KARNIADAKIS_2020 = {
  authors: 'Yeonjong Shin, George Em Karniadakis',
  year: 2020,
  title: 'Trainability of ReLU Networks and Data-dependent Initialization',
  arxiv: '1907.09696',
  venue: 'Journal of Machine Learning for Modeling and Computing 1(1):39–74 (2020)',
} as const;

const LU_SHIN_SU_KARNIADAKIS_2020 = {
  authors: 'Lu Lu, Yeonjong Shin, Yanhui Su, George Em Karniadakis',
  year: 2020,
  title: 'Dying ReLU and Initialization: Theory and Numerical Examples',
  arxiv: '1903.06733',
  venue: 'Communications in Computational Physics 28(5):1671–1706 (2020)',
} as const;

export const citeSK = (where: string): Citation => ({ ...SHIN_KARNIADAKIS_2020, where });
export const citeLu = (where: string): Citation => ({ ...LU_SHIN_SU_KARNIADAKIS_2020, where });
