import { DEFAULT_COMPONENTS } from '../../engine/components';
import { componentsOf, getFault } from '../faults/catalog';
import { duplicateFingerprints } from '../harness/independence';
import { fingerprinting, heNets, unitsAtPoint } from './death-experiment';

const CONFIG = { widths: [2, 4, 4, 4], biasStd: 0.2, x: [0.5, -0.3] };

describe('network fingerprints of the death experiments', () => {
  test('fingerprinting records the fingerprints of the networks measured, in order, all distinct', () => {
    const ctx = { seed: 5, components: DEFAULT_COMPONENTS };
    const { units, fingerprints } = unitsAtPoint(CONFIG, 50, ctx, (st) => st.active[0]);
    expect(units).toHaveLength(50);
    const recorded: number[] = [];
    let seen = 0;
    for (const { e } of fingerprinting(heNets(CONFIG.widths, CONFIG.biasStd, 50, ctx.seed, ctx.components), recorded)) expect(e).toBe(seen++);
    expect(Float64Array.from(recorded)).toEqual(fingerprints);
    expect(duplicateFingerprints(fingerprints).repeats).toBe(0);
  });

  test('an engine whose networks 2k and 2k + 1 share their seed repeats every second fingerprint', () => {
    const shared = componentsOf(getFault('shared-network-seeds'));
    const { fingerprints } = unitsAtPoint(CONFIG, 50, { seed: 5, components: shared }, (st) => st.active[0]);
    expect(duplicateFingerprints(fingerprints).repeats).toBe(25);
  });
});
