/**
 * The check a claim gets is selected by its theorem — the relation its prediction states and the kind
 * of its units — never by the property file. Every (relation, unit kind) pair the suite uses is listed
 * here with its check; any other pair is a design error reported with the pairs that exist.
 */
import type { Relation, UnitKind } from '../../theorems/vocabulary';
import type { Check } from '../harness/types';
import { exactEquality } from './exact-equality';
import { binomialCountsCheck } from './goodness-of-fit';
import { logSlopeAtMost, logSlopeWithin } from './log-slope';
import { meanAtLeastPrediction, meanAtMostPrediction, meanEqualsPrediction } from './mean-vs-prediction';
import { monotonePaired } from './monotone-paired';
import { pairedDifferenceEquals } from './paired-difference';
import { pairedStepsIncreaseShown } from './paired-increase-shown';
import { pairedProportionAtMost } from './paired-proportions';
import { differenceEqualsPrediction } from './difference-equals';
import { differenceShownBelow } from './difference-shown';
import {
  proportionAtLeastPrediction,
  proportionAtMostPrediction,
  proportionDifferenceAtLeastPrediction,
  proportionDifferenceAtMostPrediction,
  proportionDifferenceEqualsPrediction,
  proportionEqualsPrediction,
} from './proportion';
import { trendShownIncreasing } from './proportion-trend-shown';
import { sequentialProportionAtLeast } from './sequential-proportion';
import { unitIntervalMeanAtLeast, unitIntervalMeanAtMost, unitIntervalMeanEquals } from './unit-interval-mean';

type Selector = (r: Relation) => Check;

const TABLE: Readonly<Record<string, Selector>> = {
  'equals/continuous': () => meanEqualsPrediction,
  'atLeast/continuous': () => meanAtLeastPrediction,
  'atMost/continuous': () => meanAtMostPrediction,
  'equals/unit-interval': () => unitIntervalMeanEquals,
  'atLeast/unit-interval': () => unitIntervalMeanAtLeast,
  'atMost/unit-interval': () => unitIntervalMeanAtMost,
  'equals/binary': () => proportionEqualsPrediction,
  'atLeast/binary': (r) => {
    const seq = (r as Extract<Relation, { kind: 'atLeast' }>).sequential;
    return seq ? sequentialProportionAtLeast(seq) : proportionAtLeastPrediction;
  },
  'atMost/binary': () => proportionAtMostPrediction,
  'implication/binary': () => proportionEqualsPrediction,
  'equals/exact': () => exactEquality,
  'equals/paired': () => pairedDifferenceEquals,
  'equals/two-sample': () => differenceEqualsPrediction,
  'equals/two-sample-binary': () => proportionDifferenceEqualsPrediction,
  'atMost/two-sample-binary': () => proportionDifferenceAtMostPrediction,
  'atLeast/two-sample-binary': () => proportionDifferenceAtLeastPrediction,
  'atMost/paired-binary': () => pairedProportionAtMost,
  'shownBelow/two-sample-binary': (r) => differenceShownBelow((r as Extract<Relation, { kind: 'shownBelow' }>).minEffect),
  'shownIncreasing/groups-binary': (r) => trendShownIncreasing((r as Extract<Relation, { kind: 'shownIncreasing' }>).minEffect),
  'nonDecreasing/paired-groups': () => monotonePaired,
  'shownStepsIncrease/paired-groups': (r) => pairedStepsIncreaseShown((r as Extract<Relation, { kind: 'shownStepsIncrease' }>).minEffect),
  'distributed/counts': (r) => binomialCountsCheck((r as Extract<Relation, { kind: 'distributed' }>).p),
  'atMost/groups': () => logSlopeAtMost(),
  'within/groups': (r) => {
    const w = r as Extract<Relation, { kind: 'within' }>;
    return logSlopeWithin(w.resolution, w.axis === 'log');
  },
};

const cache = new Map<string, Check>();

/** The check for a relation on units of a kind (memoized per relation shape). */
export function selectCheck(relation: Relation, unit: UnitKind): Check {
  const key = `${relation.kind}/${unit}`;
  const select = TABLE[key];
  if (select === undefined) {
    throw new Error(`no check for a "${relation.kind}" relation on "${unit}" units; the pairs with a check are: ${Object.keys(TABLE).join(', ')}`);
  }
  const shape =
    relation.kind === 'within'
      ? `${key}/${relation.resolution}/${relation.axis}`
      : relation.kind === 'distributed'
        ? `${key}/${relation.p}`
        : relation.kind === 'shownBelow' || relation.kind === 'shownIncreasing' || relation.kind === 'shownStepsIncrease'
          ? `${key}/${relation.minEffect}`
          : relation.kind === 'atLeast' && relation.sequential
            ? `${key}/${JSON.stringify(relation.sequential)}`
            : key;
  let check = cache.get(shape);
  if (check === undefined) {
    check = select(relation);
    cache.set(shape, check);
  }
  return check;
}

/** The (relation kind, unit kind) pairs that have a check. */
export const SELECTABLE: readonly string[] = Object.keys(TABLE);
