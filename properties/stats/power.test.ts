/**
 * Power and detectable deviations: oracle pins (R 4.2.2 expressions and `power.t.test`, printed with
 * sprintf("%.17g"); tolerance 1e-13 relative for closed forms, 2e-12 absolute for roots, which our
 * bisection finds to 1e-12 and R's uniroot(tol = 1e-15) to better). Deterministic.
 */
import { minDetectableMeanShift, powerOfMeanTest, requiredSampleSizeForMean } from './power';
import { expectRelClose } from './testing';

const REL = 1e-13;

describe('powerOfMeanTest', () => {
  it('matches the R expressions for both approximations', () => {
    // R 4.2.2: d <- 0.5*sqrt(30); pnorm(d - qnorm(0.975)) + pnorm(-d - qnorm(0.975)) -> 0.78190799873198003
    expectRelClose(powerOfMeanTest({ shift: 0.5, sd: 1, n: 30, alpha: 0.05, sides: 'two-sided', approximation: 'normal' }), 0.78190799873198003, REL);
    // R 4.2.2: d <- 0.5*sqrt(30); pnorm(d - qt(0.975, 29)) + pnorm(-d - qt(0.975, 29)) -> 0.75596629154083339
    expectRelClose(powerOfMeanTest({ shift: 0.5, sd: 1, n: 30, alpha: 0.05, sides: 'two-sided' }), 0.75596629154083339, REL);
    // the sign of the shift does not matter two-sided
    expectRelClose(powerOfMeanTest({ shift: -0.5, sd: 1, n: 30, alpha: 0.05, sides: 'two-sided' }), 0.75596629154083339, REL);
  });

  it("detects only shifts in the test's direction when one-sided", () => {
    // R 4.2.2: d <- 0.3*sqrt(25)/1.5; pnorm(d - qt(0.99, 24)) -> 0.06782867189650986
    expectRelClose(powerOfMeanTest({ shift: 0.3, sd: 1.5, n: 25, alpha: 0.01, sides: 'lower' }), 0.06782867189650986, REL);
    // R 4.2.2: d <- 0.3*sqrt(25)/1.5; pnorm(-d - qt(0.99, 24)) -> 0.00023956604681913394  ('upper' cannot see a positive shift)
    expectRelClose(powerOfMeanTest({ shift: 0.3, sd: 1.5, n: 25, alpha: 0.01, sides: 'upper' }), 0.00023956604681913394, REL);
    // R 4.2.2: d <- -0.3*sqrt(25)/1.5; pnorm(-d - qnorm(0.99)) -> 0.092362248073694003
    expectRelClose(
      powerOfMeanTest({ shift: -0.3, sd: 1.5, n: 25, alpha: 0.01, sides: 'upper', approximation: 'normal' }),
      0.092362248073694003,
      REL,
    );
  });

  it('overstates the exact noncentral-t power slightly with t and more with normal critical values', () => {
    // R 4.2.2: power.t.test(n = 10, delta = 1, sd = 1, sig.level = 0.05, type = 'one.sample')$power -> 0.80309620869059928
    //          pnorm(sqrt(10) - qt(0.975, 9)) + pnorm(-sqrt(10) - qt(0.975, 9)) -> 0.81597196455662502
    //          pnorm(sqrt(10) - qnorm(0.975)) + pnorm(-sqrt(10) - qnorm(0.975)) -> 0.88537914076235147
    const t10 = powerOfMeanTest({ shift: 1, sd: 1, n: 10, alpha: 0.05, sides: 'two-sided' });
    const z10 = powerOfMeanTest({ shift: 1, sd: 1, n: 10, alpha: 0.05, sides: 'two-sided', approximation: 'normal' });
    expectRelClose(t10, 0.81597196455662502, REL);
    expectRelClose(z10, 0.88537914076235147, REL);
    expect(0.80309620869059928 < t10 && t10 < z10).toBe(true);
    // R 4.2.2: power.t.test(n = 30, delta = 0.5, sd = 1, sig.level = 0.05, type = 'one.sample', alternative = 'one.sided')$power
    //          -> 0.848254190929147;  d <- 0.5*sqrt(30); pnorm(d - qt(0.95, 29)) -> 0.85071056154429248
    const t30 = powerOfMeanTest({ shift: 0.5, sd: 1, n: 30, alpha: 0.05, sides: 'lower' });
    expectRelClose(t30, 0.85071056154429248, REL);
    expect(0.848254190929147 < t30).toBe(true);
  });

  it('rejects bad designs with messages naming the parameter and range', () => {
    expect(() => powerOfMeanTest({ shift: 1, sd: 0, n: 10, alpha: 0.05, sides: 'two-sided' })).toThrow(
      'powerOfMeanTest: sd must be a finite number > 0; got 0',
    );
    expect(() => powerOfMeanTest({ shift: 1, sd: 1, n: 1, alpha: 0.05, sides: 'two-sided' })).toThrow(
      'powerOfMeanTest: n must be an integer >= 2; got 1',
    );
    expect(() => powerOfMeanTest({ shift: NaN, sd: 1, n: 10, alpha: 0.05, sides: 'two-sided' })).toThrow(
      'powerOfMeanTest: shift must be a finite number; got NaN',
    );
    expect(() => powerOfMeanTest({ shift: 1, sd: 1, n: 10, alpha: 0, sides: 'two-sided' })).toThrow(
      'powerOfMeanTest: alpha must be in (0, 1); got 0',
    );
  });
});

describe('minDetectableMeanShift', () => {
  it('matches the R expressions', () => {
    // R 4.2.2: (qt(0.975, 29) + qnorm(0.8)) / sqrt(30) -> 0.52706444825916976
    expectRelClose(minDetectableMeanShift({ sd: 1, n: 30, alpha: 0.05, power: 0.8, sides: 'two-sided' }), 0.52706444825916976, REL);
    // R 4.2.2: (qnorm(0.975) + qnorm(0.8)) / sqrt(30) -> 0.5114971402445011
    expectRelClose(
      minDetectableMeanShift({ sd: 1, n: 30, alpha: 0.05, power: 0.8, sides: 'two-sided', approximation: 'normal' }),
      0.5114971402445011,
      REL,
    );
    // R 4.2.2: (qt(1 - 1e-4, 99) + qnorm(0.99)) * 2.5 / sqrt(100) -> 1.5473592452920375
    expectRelClose(minDetectableMeanShift({ sd: 2.5, n: 100, alpha: 1e-4, power: 0.99, sides: 'lower' }), 1.5473592452920375, REL);
    // R 4.2.2: (qnorm(1 - 1e-4) + qnorm(0.99)) * 2.5 / sqrt(100) -> 1.5113410898741373
    expectRelClose(
      minDetectableMeanShift({ sd: 2.5, n: 100, alpha: 1e-4, power: 0.99, sides: 'upper', approximation: 'normal' }),
      1.5113410898741373,
      REL,
    );
  });

  it('is the shift at which the one-sided power equals the target, and two-sided power is at least the target', () => {
    for (const approximation of ['normal', 't'] as const) {
      const d = { sd: 1.7, n: 12, alpha: 0.01, approximation };
      const lower = minDetectableMeanShift({ ...d, power: 0.9, sides: 'lower' });
      expectRelClose(powerOfMeanTest({ ...d, shift: lower, sides: 'lower' }), 0.9, 1e-12);
      const two = minDetectableMeanShift({ ...d, power: 0.9, sides: 'two-sided' });
      expect(powerOfMeanTest({ ...d, shift: two, sides: 'two-sided' })).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('rejects power outside (0, 1)', () => {
    expect(() => minDetectableMeanShift({ sd: 1, n: 30, alpha: 0.05, power: 1, sides: 'two-sided' })).toThrow(
      'minDetectableMeanShift: power must be in (0, 1); got 1',
    );
  });
});

describe('requiredSampleSizeForMean', () => {
  it('matches the R search and agrees with power.t.test', () => {
    // R 4.2.2: n <- 2; while ((qt(0.975, n - 1) + qnorm(0.8)) / sqrt(n) > 0.5) n <- n + 1; n -> 34
    //          power.t.test(delta = 0.5, sd = 1, sig.level = 0.05, power = 0.8, type = 'one.sample')$n -> 33.367204088022
    expect(requiredSampleSizeForMean({ shift: 0.5, sd: 1, alpha: 0.05, power: 0.8, sides: 'two-sided' })).toBe(34);
    // R 4.2.2: ceiling(((qnorm(0.975) + qnorm(0.8)) / 0.5)^2) -> 32
    expect(requiredSampleSizeForMean({ shift: 0.5, sd: 1, alpha: 0.05, power: 0.8, sides: 'two-sided', approximation: 'normal' })).toBe(32);
    // R 4.2.2: n <- 2; while ((qt(0.99, n - 1) + qnorm(0.9)) * 3 / sqrt(n) > 0.4) n <- n + 1; n -> 735
    expect(requiredSampleSizeForMean({ shift: -0.4, sd: 3, alpha: 0.01, power: 0.9, sides: 'upper' })).toBe(735);
    // R 4.2.2: ceiling(((qnorm(0.99) + qnorm(0.9)) * 3 / 0.4)^2) -> 733
    expect(requiredSampleSizeForMean({ shift: 0.4, sd: 3, alpha: 0.01, power: 0.9, sides: 'lower', approximation: 'normal' })).toBe(733);
  });

  it('rejects a zero shift', () => {
    expect(() => requiredSampleSizeForMean({ shift: 0, sd: 1, alpha: 0.05, power: 0.8, sides: 'two-sided' })).toThrow(
      'requiredSampleSizeForMean: shift must be non-zero; got 0',
    );
  });
});

