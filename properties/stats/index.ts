/**
 * The statistical core: intervals, decisions, p-values and power, each with a stated false-failure
 * rate. See the module comment of each file for when a method is valid and its reference.
 */
export type { Interval, Sides } from './types';
export { SIDES, isSides, tailProbability } from './sides';
export {
  betaQuantile,
  chiSquareCdf,
  chiSquareQuantile,
  logGamma,
  normalCdf,
  normalPdf,
  normalQuantile,
  tCdf,
  tQuantile,
} from './distributions';
export { sampleMoments } from './moments';
export type { SampleMoments } from './moments';
export { tInterval } from './mean-interval';
export type { MeanInterval } from './mean-interval';
export { tCoverageErrorEstimate } from './coverage-error';
export type { CoverageErrorEstimate } from './coverage-error';
export { CALIBRATION_MARGIN, MAX_CORRECTION, edgeworthCalibration, smallestTrustedNominal, welchEffectiveMoments } from './edgeworth-calibration';
export type { EdgeworthCalibration } from './edgeworth-calibration';
export { boundedMeanHalfWidths, boundedMeanInterval, boundedMeanPower } from './bounded-mean';
export type { BoundedMeanInterval } from './bounded-mean';
export { clopperPearsonInterval, wilsonInterval } from './proportion-interval';
export type { ProportionInterval } from './proportion-interval';
export { newcombeInterval, welchInterval } from './two-sample';
export type { NewcombeInterval, WelchInterval } from './two-sample';
export { compareToPrediction } from './compare';
export type { Comparison } from './compare';
export { tTestPValue } from './p-values';
export { meanTestPowerLowerBound, minDetectableMeanShift, studentizedPowerLowerBound, powerOfMeanTest, requiredSampleSizeForMean } from './power';
export type { MeanTestDesign, PowerApproximation } from './power';
