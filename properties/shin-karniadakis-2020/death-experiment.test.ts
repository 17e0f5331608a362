import { DEFAULT_COMPONENTS } from '../../engine/components';
import { componentsOf, getFault } from '../faults/catalog';
import { duplicateFingerprints } from '../harness/independence';
import { heNets, netFingerprints, unitsAtPoint } from './death-experiment';

const CONFIG = { widths: [2, 4, 4, 4], biasStd: 0.2, x: [0.5, -0.3] };

describe('network fingerprints of the death experiments', () => {
  test('re-drawing the same ensemble gives the fingerprints of the networks measured, all distinct', () => {
    const ctx = { seed: 5, components: DEFAULT_COMPONENTS };
    const { units, fingerprints } = unitsAtPoint(CONFIG, 50, ctx, (st) => st.active[0]);
    expect(units).toHaveLength(50);
    expect(netFingerprints(heNets(CONFIG.widths, CONFIG.biasStd, 50, ctx.seed, ctx.components))).toEqual(fingerprints);
    expect(duplicateFingerprints(fingerprints).repeats).toBe(0);
  });

  test('an engine whose networks 2k and 2k + 1 share their seed repeats every second fingerprint', () => {
    const shared = componentsOf(getFault('shared-network-seeds'));
    const { fingerprints } = unitsAtPoint(CONFIG, 50, { seed: 5, components: shared }, (st) => st.active[0]);
    expect(duplicateFingerprints(fingerprints).repeats).toBe(25);
  });
});
