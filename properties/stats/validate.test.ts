/**
 * Argument validation: every message names the function, the parameter, the allowed range and the
 * value received. Deterministic.
 */
import {
  checkCount,
  checkFinite,
  checkInteger,
  checkLevel,
  checkNotNaN,
  checkOpenUnit,
  checkPositive,
  checkSample,
  checkSides,
  fail,
} from './validate';
import type { Sides } from './types';

describe('validate', () => {
  it('formats "<fn>: <name> must be <range>; got <value>"', () => {
    expect(() => fail('f', 'x', 'in (0, 1)', 2)).toThrow('f: x must be in (0, 1); got 2');
    expect(() => fail('f', 'x', 'a number', 'a')).toThrow('f: x must be a number; got "a"');
    expect(() => fail('f', 'x', 'a number', undefined)).toThrow('f: x must be a number; got undefined');
    expect(() => fail('f', 'x', 'a number', [1, 2])).toThrow('f: x must be a number; got an array of length 2');
  });

  it('checks ranges', () => {
    expect(() => checkOpenUnit('f', 'p', 1)).toThrow('f: p must be in (0, 1); got 1');
    expect(() => checkLevel('f', 0)).toThrow('f: level must be in (0, 1); got 0');
    expect(() => checkNotNaN('f', 'x', NaN)).toThrow('f: x must be a number (not NaN); got NaN');
    expect(() => checkFinite('f', 'x', -Infinity)).toThrow('f: x must be a finite number; got -Infinity');
    expect(() => checkPositive('f', 'df', 0, true)).toThrow('f: df must be > 0 (Infinity allowed); got 0');
    expect(() => checkPositive('f', 'sd', Infinity)).toThrow('f: sd must be a finite number > 0; got Infinity');
    expect(() => checkInteger('f', 'n', 2.5, 1)).toThrow('f: n must be an integer >= 1; got 2.5');
    expect(() => checkCount('f', 'x', 4, 3)).toThrow('f: x must be an integer in [0, 3]; got 4');
    expect(() => checkSides('f', 'two.sided' as Sides)).toThrow(`f: sides must be one of 'two-sided', 'lower', 'upper'; got "two.sided"`);
    expect(() => checkPositive('f', 'df', Infinity, true)).not.toThrow();
  });

  it('copies a valid sample and names the first bad index of an invalid one', () => {
    const copy = checkSample('f', 'xs', [1, 2, 3], 2);
    expect(Array.from(copy)).toEqual([1, 2, 3]);
    expect(() => checkSample('f', 'xs', [1], 2)).toThrow('f: xs needs n >= 2 values; got n = 1');
    expect(() => checkSample('f', 'xs', [1, 2, NaN, Infinity], 2)).toThrow('f: xs must contain only finite numbers; got NaN at index 2');
    expect(() => checkSample('f', 'xs', null as unknown as number[], 2)).toThrow('f: xs must be an array-like of numbers; got null');
  });
});
