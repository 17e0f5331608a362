import { DEFAULT_COMPONENTS } from '../../engine/components';
import { componentsOf, getFault } from '../faults/catalog';
import { duplicateFingerprints } from '../harness/independence';
import { boundaryDistances, countsExperiment, lineCounts } from './line-experiment';
import { planeCounts } from './plane-experiment';

const NETS = { inputDim: 2, widths: [6, 6], weightScale: 2, biasStd: 0.3 };
const SEGMENT = { x0: [0.6, -0.8], u: [0.6, 0.8], length: 2 };
const SQUARE = { center: [0.3, -0.2], halfSide: 1 };

describe('network fingerprints of the line and plane experiments', () => {
  test('the experiments record one fingerprint per network measured, all distinct (the same networks for the same arguments)', () => {
    const counts = lineCounts(NETS, SEGMENT, 40, 7, DEFAULT_COMPONENTS);
    expect(boundaryDistances(NETS, SEGMENT.x0, SEGMENT.u, 40, 7, DEFAULT_COMPONENTS).fingerprints).toEqual(counts.fingerprints);
    expect(countsExperiment(counts)).toEqual({ units: counts.counts, fingerprints: counts.fingerprints });
    expect(duplicateFingerprints(counts.fingerprints).repeats).toBe(0);
    const plane = planeCounts([6, 6], 0.3, SQUARE, 12, 8, DEFAULT_COMPONENTS);
    expect(duplicateFingerprints(plane.fingerprints).repeats).toBe(0);
  });

  test('an engine whose networks 2k and 2k + 1 share their seed repeats every second fingerprint', () => {
    const shared = componentsOf(getFault('shared-network-seeds'));
    const dup = duplicateFingerprints(boundaryDistances(NETS, SEGMENT.x0, SEGMENT.u, 40, 7, shared).fingerprints, 40);
    expect(dup.repeats).toBe(20);
    expect(dup.pairs.every(([a, b]) => a % 2 === 0 && b === a + 1)).toBe(true);
    expect(duplicateFingerprints(planeCounts([6, 6], 0.3, SQUARE, 12, 8, shared).fingerprints).repeats).toBe(6);
  });
});
