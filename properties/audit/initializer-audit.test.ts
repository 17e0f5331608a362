import { initEngine } from '../../engine/backend';
import { auditInitializer, DEFAULT_AUDIT } from './initializer-audit';
import { suiteGaussian, tfjsSampler } from './samplers';

beforeAll(async () => {
  await initEngine();
});

const design = { ...DEFAULT_AUDIT, nets: 60 };

describe('FM1 audit of an initializer', () => {
  it('controls: the suite\'s He avoids FM1 (gain 1), a planted 10% variance error triggers it (gain 1.1); the forward check agrees with g^d', () => {
    const he = auditInitializer(suiteGaussian(2), design);
    expect(he.verdict).toBe('avoids FM1');
    expect(he.gain.lower).toBeLessThanOrEqual(1);
    expect(he.gain.upper).toBeGreaterThanOrEqual(1);
    const planted = auditInitializer(suiteGaussian(2.2), design);
    expect(planted.verdict).toBe('triggers FM1');
    expect(planted.gain.lower).toBeLessThanOrEqual(1.1);
    expect(planted.gain.upper).toBeGreaterThanOrEqual(1.1);
    for (const a of [he, planted]) {
      const g10 = a.predicted.find((p) => p.depth === 10)!;
      expect(a.measured.lower).toBeLessThanOrEqual(g10.upper);
      expect(a.measured.upper).toBeGreaterThanOrEqual(g10.lower);
    }
    expect(planted.varianceCorrection).toBeCloseTo(2 / 2.2, 2);
  });

  it('tf.initializers.heNormal triggers FM1: its truncation keeps 0.7737 of the declared variance (gain ≈ 0.774 per layer)', () => {
    const a = auditInitializer(tfjsSampler('heNormal'), { ...design, kernels: 100, nets: 30 });
    expect(a.verdict).toBe('triggers FM1');
    expect(a.gain.lower).toBeLessThan(0.7737);
    expect(a.gain.upper).toBeGreaterThan(0.7737);
  });
});
