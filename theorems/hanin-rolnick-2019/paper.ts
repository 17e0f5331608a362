/**
 * Hanin & Rolnick (2019): "Deep ReLU Networks Have Surprisingly Few Activation Patterns" (NeurIPS)
 * and its companion "Complexity of Linear Regions in Deep Networks" (ICML). Neither has public code
 * (docs/claims.md §3); the texts were read through secondary sources, so exact constants are [R].
 */
import type { Citation } from '../types';

const HANIN_ROLNICK_2019_NEURIPS = {
  authors: 'Boris Hanin, David Rolnick',
  year: 2019,
  title: 'Deep ReLU Networks Have Surprisingly Few Activation Patterns',
  arxiv: '1906.00904',
  venue: 'NeurIPS 2019 (Advances in NeurIPS 32, pp. 361–370)',
} as const;

const HANIN_ROLNICK_2019_ICML = {
  authors: 'Boris Hanin, David Rolnick',
  year: 2019,
  title: 'Complexity of Linear Regions in Deep Networks',
  arxiv: '1901.09021',
  venue: 'ICML 2019 (PMLR 97)',
} as const;

export const citeNeurips = (where: string): Citation => ({ ...HANIN_ROLNICK_2019_NEURIPS, where });
export const citeIcml = (where: string): Citation => ({ ...HANIN_ROLNICK_2019_ICML, where });
