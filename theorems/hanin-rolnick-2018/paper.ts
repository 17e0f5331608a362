/** Hanin & Rolnick (2018), "How to Start Training: The Effect of Initialization and Architecture". */
import type { Citation } from '../types';

const HANIN_ROLNICK_2018 = {
  authors: 'Boris Hanin, David Rolnick',
  year: 2018,
  title: 'How to Start Training: The Effect of Initialization and Architecture',
  arxiv: '1803.01719',
  venue: 'NeurIPS 2018 (Advances in NeurIPS 31, pp. 571–581)',
} as const;

export const cite = (where: string): Citation => ({ ...HANIN_ROLNICK_2018, where });
