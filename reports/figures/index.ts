/** Every paper figure builder by claim id (one file per paper). */
import { FIGURES as HR2018 } from './hanin-rolnick-2018';
import { FIGURES as HR2019 } from './hanin-rolnick-2019';
import { FIGURES as SK2020 } from './shin-karniadakis-2020';
import { FIGURES as ZZLZX2022 } from './zhou-2022';
import type { FigureBuilder, FigureSpec } from './types';
import type { PropertyRecord } from '../schema';

export type { FigureBuilder, FigureSpec };

export const PAPER_FIGURES: Readonly<Record<string, FigureBuilder>> = { ...HR2018, ...HR2019, ...SK2020, ...ZZLZX2022 };

/**
 * The paper figures of a record (claims only; twins re-run a claim's test and show no paper figure).
 * A builder also sees records without `figures` data: some draw from the configurations alone.
 */
export function paperFigures(record: PropertyRecord): FigureSpec[] {
  if (record.kind === 'twin') return [];
  const build = PAPER_FIGURES[record.claimId];
  return build === undefined ? [] : build(record);
}
