/**
 * The public API surface re-exported by index.ts. Deterministic.
 */
import * as stats from './index';

describe('index', () => {
  it('re-exports every public function', () => {
    const names = [
      'SIDES',
      'isSides',
      'logGamma',
      'tailProbability',
      'betaQuantile',
      'chiSquareCdf',
      'chiSquareQuantile',
      'normalCdf',
      'normalPdf',
      'normalQuantile',
      'tCdf',
      'tQuantile',
      'sampleMoments',
      'tInterval',
      'tCoverageErrorEstimate',
      'CALIBRATION_MARGIN',
      'MAX_CORRECTION',
      'edgeworthCalibration',
      'smallestTrustedNominal',
      'welchEffectiveMoments',
      'boundedMeanHalfWidths',
      'boundedMeanInterval',
      'boundedMeanPower',
      'meanTestPowerLowerBound',
      'studentizedPowerLowerBound',
      'clopperPearsonInterval',
      'wilsonInterval',
      'newcombeInterval',
      'welchInterval',
      'compareToPrediction',
      'tTestPValue',
      'minDetectableMeanShift',
      'powerOfMeanTest',
      'requiredSampleSizeForMean',
    ];
    expect(Object.keys(stats).sort()).toEqual([...names].sort());
  });

  it('works end to end: interval, decision and power for one sample', () => {
    const units = [0.92, 1.08, 1.01, 0.97, 1.12, 0.95, 1.04, 0.99, 1.06, 0.93];
    const ci = stats.tInterval(units, 0.99);
    const decision = stats.compareToPrediction(ci, 1);
    expect(decision.verdict).toBe('consistent');
    expect(stats.tTestPValue(units, 1)).toBeGreaterThan(0.01);
    expect(stats.minDetectableMeanShift({ sd: ci.sd, n: ci.n, alpha: 0.01, power: 0.9, sides: 'two-sided' })).toBeGreaterThan(0);
  });
});
